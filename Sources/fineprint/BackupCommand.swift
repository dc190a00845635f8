import ArgumentParser
import FineprintStore
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file while the server keeps running.",
        discussion: """
            SQLite: an online backup (a consistent snapshot, taken while uploads go on) into one file that \
            `fineprint restore` takes back. PostgreSQL (--database or FINEPRINT_DATABASE_URL): runs pg_dump on \
            the store's schema in pg_dump's custom format (restore it with pg_restore). The backup is recorded \
            in the audit log. See docs/deploy.md for backups on a timer.
            """
    )

    @OptionGroup var storage: StorageOptions
    @Option(help: "The backup file to write (replaced if it exists).") var out: String

    func run() async throws {
        let destination = URL(fileURLWithPath: out)
        if let url = storage.databaseURL {
            let endpoint = try CLIError.setup { try PostgresEndpoint(url: url) }
            try PostgresDump(endpoint: endpoint, output: destination).run()
            try await storage.withStore(mustExist: true) { store in try await record(store, destination) }
        } else {
            try await storage.withStore(mustExist: true) { store in
                try await record(store, destination)
                guard let sqlite = store as? SQLiteStore else { return }
                try SQLiteBackup.backup(sqlite, to: destination)
            }
        }
        print("backup written to \(destination.path)")
    }

    /// Recorded before an SQLite backup, so the backup holds its own row.
    private func record(_ store: any AuditLogStore, _ destination: URL) async throws {
        try await OperatorAudit.record(
            .backup,
            "database",
            destination.lastPathComponent,
            detail: destination.path,
            in: store.auditLog()
        )
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the data folder's database with a backup made by `fineprint backup`.",
        discussion: """
            Stop the server first. The file is checked before anything is replaced (SQLite's integrity \
            check, and only migrations this version knows), brought up to date, then renamed over the \
            database in one step. A data folder that holds anything is refused without --force. \
            For PostgreSQL, use pg_restore on the pg_dump file (docs/deploy.md).
            """
    )

    @Argument(help: "The backup file.") var file: String
    @Option(help: "The data folder to restore into (as given to `fineprint serve`).") var dataDir = "fineprint-data"
    @Flag(help: "Replace the database of a data folder that is not empty.") var force = false

    func run() async throws {
        let source = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: source.path) else {
            throw CLIError("cannot read the backup \(source.path)", exitCode: 2)
        }
        let folder = URL(fileURLWithPath: dataDir)
        do { try SQLiteBackup.restore(source, into: folder, force: force) } catch let error as RestoreError {
            throw CLIError(error.description, exitCode: 1)
        }
        let store = try CLIError.setup { try SQLiteStore(dataDirectory: folder) }
        try await OperatorAudit.record(
            .restore,
            "database",
            source.lastPathComponent,
            detail: source.path,
            in: store.auditLog()
        )
        let verdict = try await store.auditLog().verify()
        print(
            "restored \(source.path) into \(folder.path) (\(try await store.analysisCount()) analyses; audit log \(verdict.summary))"
        )
    }
}

extension AuditVerification {
    var summary: String {
        switch self {
        case .intact(let rows): return "intact, \(rows) rows"
        case .broken(let sequence, _): return "BROKEN at row \(sequence); run `fineprint audit verify`"
        }
    }
}

/// pg_dump of the store's schema, the PostgreSQL backup. The password goes through PGPASSWORD, not
/// the command line, so other users cannot read it from the process list.
struct PostgresDump {
    var endpoint: PostgresEndpoint
    var output: URL

    var arguments: [String] {
        [
            "--format=custom", "--no-owner", "--schema=\(endpoint.schema)", "--file=\(output.path)",
            "--host=\(endpoint.host)", "--port=\(endpoint.port)", "--username=\(endpoint.username)",
            "--dbname=\(endpoint.database)",
        ]
    }

    func run() throws {
        guard let pgDump = Self.locate() else {
            throw CLIError(
                "pg_dump is not installed; install PostgreSQL's client tools (Debian: apt-get install postgresql-client) "
                    + "or run: pg_dump " + arguments.joined(separator: " "),
                exitCode: 2
            )
        }
        Console.progress("fineprint: pg_dump " + arguments.joined(separator: " ") + "\n")
        let process = Process()
        process.executableURL = pgDump
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password = endpoint.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError(
                "pg_dump failed with status \(process.terminationStatus) (its message is above)",
                exitCode: 1
            )
        }
    }

    static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pg_dump")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
