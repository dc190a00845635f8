import Foundation
import GRDB

/// Backup and restore of the SQLite store's database file.
///
/// A backup is SQLite's online backup (GRDB's `backup(to:)`): it copies a consistent snapshot
/// while the server keeps writing, into a file of its own in rollback-journal mode (one file, no WAL
/// beside it). A restore checks the file before it replaces anything: SQLite's integrity check,
/// and migrations that are all ones this version knows; then it brings the copy up to date and
/// renames it over the data folder's database, so a reader sees the old or the new file, never half.
public enum SQLiteBackup {
    public static let databaseName = "fineprint.sqlite"

    /// Writes a snapshot of `store`'s database to `destination` (replaced if it exists).
    public static func backup(_ store: SQLiteStore, to destination: URL) throws {
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: partial) }
        do {
            let copy = try DatabaseQueue(path: partial.path)
            try store.writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error, path: destination.path)
        }
        // rename(2) replaces an old backup in one step: the file at `destination` is always whole.
        guard rename(partial.path, destination.path) == 0 else {
            throw RestoreError.cannotReplace(destination.path, String(cString: strerror(errno)))
        }
    }

    /// Replaces the database of `dataDirectory` with the backup `file`. Refuses a folder that holds
    /// anything unless `force`, and a file that is damaged or not a Fineprint database.
    public static func restore(_ file: URL, into dataDirectory: URL, force: Bool) throws {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: dataDirectory.path)) ?? []
        guard entries.isEmpty || force else {
            throw RestoreError.notEmpty(dataDirectory.path)
        }
        try manager.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let staged = dataDirectory.appendingPathComponent(".restoring-\(UUID().uuidString).sqlite")
        defer { try? manager.removeItem(at: staged) }
        try manager.copyItem(at: file, to: staged)
        try check(staged, source: file)
        let target = dataDirectory.appendingPathComponent(databaseName)
        // The old database's WAL would be replayed into the new file: it goes first.
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target.path + suffix) }
        guard rename(staged.path, target.path) == 0 else {
            throw RestoreError.cannotReplace(target.path, String(cString: strerror(errno)))
        }
    }

    /// Integrity check, known migrations only, then the copy's schema brought up to date.
    static func check(_ staged: URL, source: URL) throws {
        do {
            let queue = try DatabaseQueue(path: staged.path)
            try queue.writeWithoutTransaction { db in
                let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard result == ["ok"] else {
                    throw RestoreError.damaged(source.path, result.prefix(3).joined(separator: "; "))
                }
                guard try db.tableExists("grdb_migrations") else { throw RestoreError.notFineprint(source.path) }
                let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                let known = Set(SQLiteMigrations.migrator.migrations)
                guard !applied.isEmpty, applied.isSubset(of: known) else {
                    let unknown = applied.subtracting(known).sorted()
                    throw RestoreError.unknownMigrations(source.path, unknown)
                }
            }
            try SQLiteMigrations.migrator.migrate(queue)
            try queue.close()
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw RestoreError.notFineprint(source.path)
            }
            throw SQLiteStore.translate(error, path: source.path)
        }
    }
}

/// Why a restore refused or failed; nothing in the data folder was replaced.
public enum RestoreError: Error, CustomStringConvertible, Equatable, Sendable {
    case notEmpty(String)
    case damaged(String, String)
    case notFineprint(String)
    case unknownMigrations(String, [String])
    case cannotReplace(String, String)

    public var description: String {
        switch self {
        case .notEmpty(let folder):
            return "the data folder \(folder) is not empty; stop the server and add --force to replace its database"
        case .damaged(let file, let detail):
            return "the backup \(file) is damaged (integrity check: \(detail)); restore an older backup"
        case .notFineprint(let file):
            return "\(file) is not a Fineprint database (no SQLite file with Fineprint's migrations)"
        case .unknownMigrations(let file, let names):
            let list = names.isEmpty ? "none recorded" : names.joined(separator: ", ")
            return
                "\(file) comes from a newer or foreign schema (unknown migrations: \(list)); restore it with that version"
        case .cannotReplace(let path, let reason):
            return "cannot replace \(path): \(reason)"
        }
    }
}
