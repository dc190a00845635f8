import FineprintIdentity
import Foundation
import GRDB

extension SQLiteStore: AccountStore {
    public func addUser(_ user: User) async throws -> Bool {
        try await accountWrite { db in
            guard try !UserRecord.exists(db, key: user.name) else { return false }
            try UserRecord(user).insert(db)
            return true
        }
    }

    public func user(named name: String) async throws -> User? {
        try await accountRead { db in try UserRecord.fetchOne(db, key: name)?.user() }
    }

    public func users() async throws -> [User] {
        try await accountRead { db in try UserRecord.order(UserRecord.Columns.name).fetchAll(db).map { try $0.user() } }
    }

    public func setRole(_ role: Role, forUser name: String) async throws -> Bool {
        try await accountWrite { db in
            try UserRecord.filter(key: name).updateAll(db, UserRecord.Columns.role.set(to: role.rawValue)) > 0
        }
    }

    public func setPasswordHash(_ hash: String, forUser name: String) async throws -> Bool {
        try await accountWrite { db in
            let changed = try UserRecord.filter(key: name).updateAll(db, UserRecord.Columns.passwordHash.set(to: hash))
            try SessionRecord.filter(SessionRecord.Columns.userName == name).deleteAll(db)
            return changed > 0
        }
    }

    public func removeUser(named name: String) async throws -> Bool {
        try await accountWrite { db in
            // Foreign keys cascade in GRDB's connections; the explicit deletes keep it true without them.
            try SessionRecord.filter(SessionRecord.Columns.userName == name).deleteAll(db)
            try TokenRecord.filter(Column("user_name") == name).deleteAll(db)
            return try UserRecord.deleteOne(db, key: name)
        }
    }

    public func addToken(_ token: APIToken) async throws {
        try await accountWrite { db in try TokenRecord(token).insert(db) }
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await accountRead { db in
            try TokenRecord.filter(TokenRecord.Columns.secretHash == secretHash).fetchOne(db)?.token()
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await accountRead { db in
            try TokenRecord.order(TokenRecord.Columns.createdAt.desc, TokenRecord.Columns.id).fetchAll(db).map {
                try $0.token()
            }
        }
    }

    public func revokeToken(id: String, at date: Date) async throws -> Bool {
        try await accountWrite { db in
            try TokenRecord.filter(key: id).filter(TokenRecord.Columns.revokedAt == nil)
                .updateAll(db, TokenRecord.Columns.revokedAt.set(to: date)) > 0
        }
    }

    public func addSession(_ session: Session) async throws {
        try await accountWrite { db in try SessionRecord(session).insert(db) }
    }

    public func session(idHash: String) async throws -> Session? {
        try await accountRead { db in try SessionRecord.fetchOne(db, key: idHash)?.session }
    }

    public func touchSession(idHash: String, at date: Date) async throws {
        try await accountWrite { db in
            _ = try SessionRecord.filter(key: idHash).updateAll(db, SessionRecord.Columns.lastSeenAt.set(to: date))
        }
    }

    public func removeSession(idHash: String) async throws {
        try await accountWrite { db in _ = try SessionRecord.deleteOne(db, key: idHash) }
    }

    public func removeExpiredSessions(at now: Date, policy: SessionPolicy) async throws -> Int {
        let idle = now.addingTimeInterval(-policy.idleTimeout)
        let created = now.addingTimeInterval(-policy.absoluteTimeout)
        return try await accountWrite { db in
            try SessionRecord.filter(
                SessionRecord.Columns.lastSeenAt <= idle || SessionRecord.Columns.createdAt <= created
            )
            .deleteAll(db)
        }
    }

    private func accountRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.read(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    private func accountWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.write(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }
}
