import FineprintCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore: MatterStore {
    private var matterLogger: Logger { Logger(label: "fineprint.store.postgres") }

    /// A filter as two binds: `everything OR matter_id = ANY(ids)`.
    private static func scope(_ filter: MatterFilter) -> (everything: Bool, ids: [String]) {
        (filter.list == nil, filter.list ?? [])
    }

    public func addMatter(_ matter: Matter, owner: String?) async throws {
        let name = try Matter.validated(name: matter.name, retentionDays: matter.retentionDays)
        let logger = matterLogger
        try await guarded {
            try await self.client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO matter (id, name, kind, created_at, retention_days, is_default)
                    VALUES (\(matter.id), \(name), \(matter.kind.rawValue), \(matter.createdAt), \(matter.retentionDays),
                            \(matter.isDefault))
                    """,
                    logger: logger
                )
                if let owner {
                    try await connection.query(
                        "INSERT INTO matter_member (matter_id, user_name, role) VALUES (\(matter.id), \(owner), 'owner')",
                        logger: logger
                    )
                }
            }
        }
    }

    public func matter(id: String) async throws -> Matter? {
        try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(unsafeSQL: PostgresMatters.matterColumns + " WHERE id = $1", binds: Self.binds(id)),
                logger: self.matterLogger
            )
            for try await row in rows.decode(PostgresMatters.MatterRow.self) { return try PostgresMatters.matter(row) }
            return nil
        }
    }

    public func matters(_ filter: MatterFilter) async throws -> [Matter] {
        let scope = Self.scope(filter)
        return try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(
                    unsafeSQL: PostgresMatters.matterColumns
                        + " WHERE ($1 OR id = ANY($2)) ORDER BY is_default, created_at DESC, id",
                    binds: Self.binds(scope.everything, scope.ids)
                ),
                logger: self.matterLogger
            )
            var matters: [Matter] = []
            for try await row in rows.decode(PostgresMatters.MatterRow.self) {
                matters.append(try PostgresMatters.matter(row))
            }
            return matters
        }
    }

    public func memberships(userName: String) async throws -> [String: MatterRole] {
        try await guarded {
            let rows = try await self.client.query(
                "SELECT matter_id, role FROM matter_member WHERE user_name = \(userName)",
                logger: self.matterLogger
            )
            var roles: [String: MatterRole] = [:]
            for try await (matter, role) in rows.decode((String, String).self) {
                roles[matter] = MatterRole(rawValue: role) ?? .reader
            }
            return roles
        }
    }

    public func members(matterID: String) async throws -> [MatterMember] {
        try await guarded {
            let rows = try await self.client.query(
                "SELECT user_name, role FROM matter_member WHERE matter_id = \(matterID) ORDER BY user_name",
                logger: self.matterLogger
            )
            var members: [MatterMember] = []
            for try await (user, role) in rows.decode((String, String).self) {
                members.append(MatterMember(userName: user, role: MatterRole(rawValue: role) ?? .reader))
            }
            return members
        }
    }

    public func setMember(_ member: MatterMember, matterID: String) async throws -> Bool {
        try await guarded {
            let rows = try await self.client.query(
                """
                INSERT INTO matter_member (matter_id, user_name, role)
                SELECT m.id, u.name, \(member.role.rawValue) FROM matter m, app_user u
                WHERE m.id = \(matterID) AND u.name = \(member.userName)
                ON CONFLICT (matter_id, user_name) DO UPDATE SET role = excluded.role RETURNING 1
                """,
                logger: self.matterLogger
            )
            for try await _ in rows { return true }
            return false
        }
    }

    public func removeMember(userName: String, matterID: String) async throws -> Bool {
        try await guarded {
            let rows = try await self.client.query(
                "DELETE FROM matter_member WHERE matter_id = \(matterID) AND user_name = \(userName) RETURNING 1",
                logger: self.matterLogger
            )
            for try await _ in rows { return true }
            return false
        }
    }

    public func setRetention(days: Int?, matterID: String) async throws -> Bool {
        _ = try Matter.validated(name: "-", retentionDays: days)
        return try await guarded {
            let rows = try await self.client.query(
                "UPDATE matter SET retention_days = \(days) WHERE id = \(matterID) RETURNING 1",
                logger: self.matterLogger
            )
            for try await _ in rows { return true }
            return false
        }
    }

    public func analysis(publicID: String, in filter: MatterFilter) async throws -> StoredAnalysis? {
        let scope = Self.scope(filter)
        return try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(
                    unsafeSQL: Self.summarySelect
                        + ", json FROM analysis WHERE public_id = $1 AND ($2 OR matter_id = ANY($3))",
                    binds: Self.binds(publicID, scope.everything, scope.ids)
                ),
                logger: self.matterLogger
            )
            for try await row in rows.decode(
                (Int64, String, String, String, Int, Int, Int, Date, String, String, Data).self
            ) {
                return StoredAnalysis(
                    summary: Self.summary((row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9)),
                    analysis: try AnalysisJSON.decode(row.10)
                )
            }
            return nil
        }
    }

    public func analyses(in filter: MatterFilter, limit: Int, offset: Int) async throws -> [AnalysisSummary] {
        let scope = Self.scope(filter)
        return try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(
                    unsafeSQL: Self.summarySelect
                        + " FROM analysis WHERE ($1 OR matter_id = ANY($2)) ORDER BY id DESC LIMIT $3 OFFSET $4",
                    binds: Self.binds(scope.everything, scope.ids, limit, offset)
                ),
                logger: self.matterLogger
            )
            var list: [AnalysisSummary] = []
            for try await row in rows.decode(Self.SummaryRow.self) { list.append(Self.summary(row)) }
            return list
        }
    }

    public func analysisCount(in filter: MatterFilter) async throws -> Int {
        let scope = Self.scope(filter)
        return try await guarded {
            let rows = try await self.client.query(
                "SELECT COUNT(*) FROM analysis WHERE (\(scope.everything) OR matter_id = ANY(\(scope.ids)))",
                logger: self.matterLogger
            )
            for try await count in rows.decode(Int.self) { return count }
            return 0
        }
    }

    public func analysisPublicIDs(_ ids: [Int64]) async throws -> [Int64: String] {
        try await guarded {
            let rows = try await self.client.query(
                "SELECT id, public_id FROM analysis WHERE id = ANY(\(ids))",
                logger: self.matterLogger
            )
            var found: [Int64: String] = [:]
            for try await (id, publicID) in rows.decode((Int64, String).self) { found[id] = publicID }
            return found
        }
    }

    public func documents(ofMatter matterID: String) async throws -> [MatterDocument] {
        try await matterDocuments(" WHERE matter_id = $1 ORDER BY created_at DESC, id", Self.binds(matterID))
    }

    public func matterDocument(id: String, in filter: MatterFilter) async throws -> MatterDocument? {
        let scope = Self.scope(filter)
        return try await matterDocuments(
            " WHERE id = $1 AND ($2 OR matter_id = ANY($3))",
            Self.binds(id, scope.everything, scope.ids)
        ).first
    }

    public func documents(ofMatter matterID: String, storedBefore date: Date) async throws -> [MatterDocument] {
        try await matterDocuments(
            " WHERE matter_id = $1 AND created_at < $2 ORDER BY created_at, id",
            Self.binds(matterID, date)
        )
    }

    private func matterDocuments(_ condition: String, _ binds: PostgresBindings) async throws -> [MatterDocument] {
        try await guarded {
            let rows = try await self.client.query(
                PostgresQuery(unsafeSQL: PostgresMatters.documentColumns + condition, binds: binds),
                logger: self.matterLogger
            )
            var documents: [MatterDocument] = []
            for try await row in rows.decode(PostgresMatters.DocumentRow.self) {
                documents.append(PostgresMatters.document(row))
            }
            return documents
        }
    }

    public func jobMatter(jobID: String) async throws -> String? {
        let logger = matterLogger
        return try await guarded {
            try await self.client.withConnection { connection in
                try await PostgresMatters.jobMatter(jobID, connection, logger: logger)
            }
        }
    }
}
