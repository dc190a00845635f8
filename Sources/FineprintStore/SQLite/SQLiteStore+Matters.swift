import FineprintCore
import Foundation
import GRDB

extension SQLiteStore: MatterStore {
    public func addMatter(_ matter: Matter, owner: String?) async throws {
        var checked = matter
        checked.name = try Matter.validated(name: matter.name, retentionDays: matter.retentionDays)
        let matter = checked
        try await write { db in
            try SQLiteMatters.insert(matter, db)
            if let owner {
                try db.execute(
                    sql: "INSERT INTO matter_member (matter_id, user_name, role) VALUES (?, ?, 'owner')",
                    arguments: [matter.id, owner]
                )
            }
        }
    }

    public func matter(id: String) async throws -> Matter? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM matter WHERE id = ?", arguments: [id]).map(SQLiteMatters.matter)
        }
    }

    public func matters(_ filter: MatterFilter) async throws -> [Matter] {
        let scope = SQLiteMatters.clause(filter, column: "id")
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM matter WHERE 1\(scope.sql) ORDER BY is_default, created_at DESC, id",
                arguments: scope.arguments
            ).map(SQLiteMatters.matter)
        }
    }

    public func memberships(userName: String) async throws -> [String: MatterRole] {
        try await read { db in
            var roles: [String: MatterRole] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT matter_id, role FROM matter_member WHERE user_name = ?",
                arguments: [userName]
            ) {
                roles[row["matter_id"]] = MatterRole(rawValue: row["role"]) ?? .reader
            }
            return roles
        }
    }

    public func members(matterID: String) async throws -> [MatterMember] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT user_name, role FROM matter_member WHERE matter_id = ? ORDER BY user_name",
                arguments: [matterID]
            ).map { MatterMember(userName: $0["user_name"], role: MatterRole(rawValue: $0["role"]) ?? .reader) }
        }
    }

    public func setMember(_ member: MatterMember, matterID: String) async throws -> Bool {
        try await write { db in
            let matter = try Bool.fetchOne(db, sql: "SELECT 1 FROM matter WHERE id = ?", arguments: [matterID])
            let user = try Bool.fetchOne(db, sql: "SELECT 1 FROM app_user WHERE name = ?", arguments: [member.userName])
            guard matter != nil, user != nil else { return false }
            try db.execute(
                sql: """
                    INSERT INTO matter_member (matter_id, user_name, role) VALUES (?, ?, ?)
                    ON CONFLICT (matter_id, user_name) DO UPDATE SET role = excluded.role
                    """,
                arguments: [matterID, member.userName, member.role.rawValue]
            )
            return true
        }
    }

    public func removeMember(userName: String, matterID: String) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM matter_member WHERE matter_id = ? AND user_name = ?",
                arguments: [matterID, userName]
            )
            return db.changesCount > 0
        }
    }

    public func setRetention(days: Int?, matterID: String) async throws -> Bool {
        _ = try Matter.validated(name: "-", retentionDays: days)
        return try await write { db in
            try db.execute(sql: "UPDATE matter SET retention_days = ? WHERE id = ?", arguments: [days, matterID])
            return db.changesCount > 0
        }
    }

    public func saveAnalysis(_ analysis: Analysis, matterID: String?) async throws -> AnalysisSummary {
        let json = try AnalysisJSON.encode(analysis)
        return try await write { db in try Self.insertAnalysis(analysis, json: json, matterID: matterID, db) }
    }

    public func analysis(publicID: String, in filter: MatterFilter) async throws -> StoredAnalysis? {
        guard
            let record = try await read({ db in
                try AnalysisRecord.filter(AnalysisRecord.Columns.publicId == publicID).fetchOne(db)
            }), filter.contains(record.matterId)
        else { return nil }
        return StoredAnalysis(summary: record.summary, analysis: try AnalysisJSON.decode(record.json))
    }

    public func analyses(in filter: MatterFilter, limit: Int, offset: Int) async throws -> [AnalysisSummary] {
        try await read { db in
            var request = AnalysisSummary.order(AnalysisRecord.Columns.id.desc)
            if let ids = filter.list { request = request.filter(ids.contains(AnalysisRecord.Columns.matterId)) }
            return try request.limit(limit, offset: offset).fetchAll(db)
        }
    }

    public func analysisCount(in filter: MatterFilter) async throws -> Int {
        try await read { db in
            var request = AnalysisRecord.all()
            if let ids = filter.list { request = request.filter(ids.contains(AnalysisRecord.Columns.matterId)) }
            return try request.fetchCount(db)
        }
    }

    public func analysisPublicIDs(_ ids: [Int64]) async throws -> [Int64: String] {
        try await read { db in
            var found: [Int64: String] = [:]
            let rows = try AnalysisRecord.filter(ids.contains(AnalysisRecord.Columns.id))
                .select(AnalysisRecord.Columns.id, AnalysisRecord.Columns.publicId).asRequest(of: Row.self)
                .fetchAll(db)
            for row in rows { found[row[0]] = row[1] }
            return found
        }
    }

    public func documents(ofMatter matterID: String) async throws -> [MatterDocument] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: SQLiteMatters.documentColumns + " WHERE matter_id = ? ORDER BY created_at DESC, id",
                arguments: [matterID]
            ).map(SQLiteMatters.document)
        }
    }

    public func matterDocument(id: String, in filter: MatterFilter) async throws -> MatterDocument? {
        let document = try await read { db in
            try Row.fetchOne(db, sql: SQLiteMatters.documentColumns + " WHERE id = ?", arguments: [id])
                .map(SQLiteMatters.document)
        }
        guard let document, filter.contains(document.matterID) else { return nil }
        return document
    }

    public func documents(ofMatter matterID: String, storedBefore date: Date) async throws -> [MatterDocument] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: SQLiteMatters.documentColumns + " WHERE matter_id = ? AND created_at < ? ORDER BY created_at, id",
                arguments: [matterID, date]
            ).map(SQLiteMatters.document)
        }
    }

    public func deleteMatterDocument(id: String) async throws -> DeletedDocument? {
        let deleted: DeletedDocument? = try await write { db in
            guard
                let entry = try Row.fetchOne(db, sql: SQLiteMatters.documentColumns + " WHERE id = ?", arguments: [id])
                    .map(SQLiteMatters.document)
            else { return nil }
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT id FROM analysis WHERE matter_id = ? AND document_sha256 = ? ORDER BY id",
                arguments: [entry.matterID, entry.sha256]
            )
            let jobs = try Self.deleteJobs(producing: ids, db)
            try db.execute(
                sql: "DELETE FROM analysis WHERE id IN (SELECT value FROM json_each(?))",
                arguments: ["\(ids)"]
            )
            try db.execute(sql: "DELETE FROM matter_document WHERE id = ?", arguments: [id])
            let elsewhere = try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM matter_document WHERE document_sha256 = ?",
                arguments: [entry.sha256]
            )
            // The bytes and text go once no matter holds the document any more.
            if elsewhere == 0 {
                try db.execute(sql: "DELETE FROM document WHERE sha256 = ?", arguments: [entry.sha256])
            }
            return DeletedDocument(sha256: entry.sha256, name: entry.name, analysisIds: ids, jobs: jobs)
        }
        if deleted != nil { try await scrub() }
        return deleted
    }

    public func jobMatter(jobID: String) async throws -> String? {
        try await read { db in try SQLiteMatters.jobMatter(jobID, db) }
    }
}
