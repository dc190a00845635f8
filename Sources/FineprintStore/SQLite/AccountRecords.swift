import FineprintIdentity
import Foundation
import GRDB

/// A row of `app_user` (`user` is a reserved word in PostgreSQL, so both stores use this name).
struct UserRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "app_user"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var name: String
    var role: String
    var passwordHash: String?
    var createdAt: Date

    enum Columns {
        static let name = Column("name")
        static let role = Column("role")
        static let passwordHash = Column("password_hash")
    }

    init(_ user: User) {
        name = user.name
        role = user.role.rawValue
        passwordHash = user.passwordHash
        createdAt = user.createdAt
    }

    func user() throws -> User {
        User(
            name: name,
            role: try AccountRecords.role(role, of: "user \(name)"),
            passwordHash: passwordHash,
            createdAt: createdAt
        )
    }
}

/// A row of `api_token`.
struct TokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "api_token"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: String
    var userName: String
    var role: String
    var label: String
    var secretHash: String
    var createdAt: Date
    var revokedAt: Date?

    enum Columns {
        static let id = Column("id")
        static let secretHash = Column("secret_hash")
        static let revokedAt = Column("revoked_at")
        static let createdAt = Column("created_at")
    }

    init(_ token: APIToken) {
        id = token.id
        userName = token.userName
        role = token.role.rawValue
        label = token.label
        secretHash = token.secretHash
        createdAt = token.createdAt
        revokedAt = token.revokedAt
    }

    func token() throws -> APIToken {
        APIToken(
            id: id,
            userName: userName,
            role: try AccountRecords.role(role, of: "token \(id)"),
            label: label,
            secretHash: secretHash,
            createdAt: createdAt,
            revokedAt: revokedAt
        )
    }
}

/// A row of `user_session`.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "user_session"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var idHash: String
    var userName: String
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date

    enum Columns {
        static let idHash = Column("id_hash")
        static let userName = Column("user_name")
        static let createdAt = Column("created_at")
        static let lastSeenAt = Column("last_seen_at")
    }

    init(_ session: Session) {
        idHash = session.idHash
        userName = session.userName
        csrfToken = session.csrfToken
        createdAt = session.createdAt
        lastSeenAt = session.lastSeenAt
    }

    var session: Session {
        Session(idHash: idHash, userName: userName, csrfToken: csrfToken, createdAt: createdAt, lastSeenAt: lastSeenAt)
    }
}

enum AccountRecords {
    static func role(_ text: String, of owner: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw StoreError.corrupt(path: "accounts", detail: "\(owner) has the unknown role '\(text)'")
        }
        return role
    }

    /// The accounts' tables: users, their tokens and sessions (both removed with their user).
    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("accounts v1: app_user, api_token, user_session") { db in
            try db.create(table: UserRecord.databaseTableName) { t in
                t.primaryKey("name", .text)
                t.column("role", .text).notNull()
                t.column("password_hash", .text)
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: TokenRecord.databaseTableName) { t in
                t.primaryKey("id", .text)
                t.column("user_name", .text).notNull().indexed()
                    .references(UserRecord.databaseTableName, onDelete: .cascade)
                t.column("role", .text).notNull()
                t.column("label", .text).notNull()
                t.column("secret_hash", .text).notNull().unique()
                t.column("created_at", .datetime).notNull()
                t.column("revoked_at", .datetime)
            }
            try db.create(table: SessionRecord.databaseTableName) { t in
                t.primaryKey("id_hash", .text)
                t.column("user_name", .text).notNull().indexed()
                    .references(UserRecord.databaseTableName, onDelete: .cascade)
                t.column("csrf_token", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("last_seen_at", .datetime).notNull()
            }
        }
    }
}
