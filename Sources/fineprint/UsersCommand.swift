import ArgumentParser
import FineprintIdentity
import FineprintServer
import Foundation

extension Role: ExpressibleByArgument {}

/// `fineprint users …`: the workbench's local accounts.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the web workbench's users: add, list, change role, remove, set password.",
        discussion: """
            Roles: reader (reads analyses and the knowledge base), analyst (also uploads, analyses, re-scores \
            and compares), admin (also manages users and tokens). Make the first admin with \
            `fineprint users add NAME --role admin`. Passwords are stored as bcrypt hashes.
            """,
        subcommands: [Add.self, List.self, ChangeRole.self, Remove.self, Passwd.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user with a password.")
        @Argument(help: "The login name (letters, digits, '.', '_', '-', '@'; at most 64).") var name: String
        @Option(help: "admin, analyst or reader.") var role: Role
        @OptionGroup var password: PasswordSource
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let secret = try password.read()
            let (name, role) = (name, role)
            let change = AccountChange(
                action: .roleChange,
                targetKind: "user",
                targetID: name,
                detail: "added as \(role.rawValue)"
            )
            try await database.withAccounts(recording: change) { accounts in
                try await AccountCommandErrors.run {
                    try await accounts.addUser(name: name, role: role, password: secret)
                }
            }
            Console.progress("fineprint: added \(name) (\(role.rawValue))\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let users = try await database.withAccounts { accounts in try await accounts.store.users() }
            for user in users {
                let since = ISO8601DateFormatter().string(from: user.createdAt)
                print("\(user.name)\t\(user.role.rawValue)\t\(since)")
            }
        }
    }

    struct ChangeRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a user's role.")
        @Argument var name: String
        @Argument(help: "admin, analyst or reader.") var role: Role
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let (name, role) = (name, role)
            let change = AccountChange(
                action: .roleChange,
                targetKind: "user",
                targetID: name,
                detail: "role \(role.rawValue)"
            )
            try await database.withAccounts(recording: change) { accounts in
                guard try await accounts.store.setRole(role, forUser: name) else {
                    throw CLIError(AccountError.noSuchUser(name).description, exitCode: 2)
                }
            }
            Console.progress("fineprint: \(name) is now \(role.rawValue)\n")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user with their sessions and tokens.")
        @Argument var name: String
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let name = name
            let change = AccountChange(action: .roleChange, targetKind: "user", targetID: name, detail: "removed")
            try await database.withAccounts(recording: change) { accounts in
                guard try await accounts.store.removeUser(named: name) else {
                    throw CLIError(AccountError.noSuchUser(name).description, exitCode: 2)
                }
            }
            Console.progress("fineprint: removed \(name)\n")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (their sessions end).")
        @Argument var name: String
        @OptionGroup var password: PasswordSource
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let secret = try password.read()
            let name = name
            let change = AccountChange(action: .settings, targetKind: "user", targetID: name, detail: "password set")
            try await database.withAccounts(recording: change) { accounts in
                try await AccountCommandErrors.run { try await accounts.setPassword(name: name, password: secret) }
            }
            Console.progress("fineprint: changed the password of \(name)\n")
        }
    }
}

/// Account errors are the user's to fix: one line, exit status 2.
enum AccountCommandErrors {
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as AccountError {
            throw CLIError(error.description, exitCode: 2)
        }
    }
}
