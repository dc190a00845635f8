import ArgumentParser
import FineprintServer
import FineprintStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The database `users` and `tokens` work on: the same as `fineprint serve`'s.
struct AccountDatabaseOptions: ParsableArguments {
    @OptionGroup var storage: StorageOptions

    /// Runs `body` with the accounts of the chosen database (a PostgreSQL pool runs for as long).
    func withAccounts<T: Sendable>(_ body: @Sendable (Accounts) async throws -> T) async throws -> T {
        do {
            return try await storage.withStore { store in try await body(Accounts(store: store)) }
        } catch let error as StoreError { throw CLIError("\(error)", exitCode: 2) }
    }

    /// Runs a change of `body` and, once it succeeded, records it in the audit log as done by the
    /// operator running the command (`$USER`), in the same database.
    func withAccounts<T: Sendable>(
        recording change: AccountChange,
        _ body: @Sendable (Accounts) async throws -> T
    ) async throws -> T {
        do {
            return try await storage.withStore { store in
                let result = try await body(Accounts(store: store))
                try await OperatorAudit.record(
                    change.action,
                    change.targetKind,
                    change.targetID,
                    detail: change.detail,
                    in: store.auditLog()
                )
                return result
            }
        } catch let error as StoreError { throw CLIError("\(error)", exitCode: 2) }
    }
}

/// An account change as the audit log records it.
struct AccountChange: Sendable {
    var action: AuditAction
    var targetKind: String
    var targetID: String
    var detail = ""
}

/// Where a new password comes from: a file (its first line), else the terminal without echo
/// (asked twice), else one line of standard input when it is not a terminal.
struct PasswordSource: ParsableArguments {
    @Option(help: "A file whose first line is the password (else it is asked for without echo).")
    var passwordFile: String?

    func read() throws -> String {
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw CLIError("cannot read the password file \(passwordFile)", exitCode: 2)
            }
            let text = String(decoding: data, as: UTF8.self)
            return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        guard isatty(STDIN_FILENO) != 0 else {
            guard let line = readLine(strippingNewline: true) else {
                throw CLIError("no password given: use --password-file or type it", exitCode: 2)
            }
            return line
        }
        let first = try Self.prompt("Password: ")
        let second = try Self.prompt("Again: ")
        guard first == second else { throw CLIError("the two passwords differ; nothing was changed", exitCode: 2) }
        return first
    }

    /// Reads a line from the terminal with echo off, restoring the terminal afterwards.
    static func prompt(_ label: String) throws -> String {
        Console.progress(label)
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            Console.progress("\n")
        }
        guard let line = readLine(strippingNewline: true) else { throw CLIError("no password given", exitCode: 2) }
        return line
    }
}
