import ArgumentParser
import FineprintIdentity
import FineprintServer
import Foundation

/// `fineprint tokens …`: API tokens for scripts (`Authorization: Bearer …`).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Manage API tokens: create (shown once), list, revoke.",
        discussion: """
            A token acts for its user with its own role, never more than the user's. Only its SHA-256 is \
            stored: the token is printed once, when it is made.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a token and print it (once).")
        @Option(help: "The user the token acts for.") var user: String
        @Option(help: "admin, analyst or reader (default: the user's role).") var role: Role?
        @Option(help: "What the token is for.") var name = ""
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let (user, role, label) = (user, role, name)
            let change = AccountChange(
                action: .tokenCreate,
                targetKind: "user",
                targetID: user,
                detail: "token \(role?.rawValue ?? "with the user's role") \(label)"
            )
            let made = try await database.withAccounts(recording: change) { accounts in
                try await AccountCommandErrors.run {
                    try await accounts.createToken(userName: user, role: role, label: label)
                }
            }
            Console.progress(
                "fineprint: token \(made.token.id) for \(user) (\(made.token.role.rawValue)); it is shown only now:\n"
            )
            print(made.secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens (never their secrets).")
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let tokens = try await database.withAccounts { accounts in try await accounts.store.tokens() }
            let format = ISO8601DateFormatter()
            for token in tokens {
                let state = token.revokedAt.map { "revoked " + format.string(from: $0) } ?? "active"
                print("\(token.id)\t\(token.userName)\t\(token.role.rawValue)\t\(state)\t\(token.label)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id.")
        @Argument(help: "The token's id (from `tokens list`).") var id: String
        @OptionGroup var database: AccountDatabaseOptions

        func run() async throws {
            let id = id
            let change = AccountChange(action: .tokenRevoke, targetKind: "token", targetID: id)
            try await database.withAccounts(recording: change) { accounts in
                guard try await accounts.store.revokeToken(id: id, at: Date()) else {
                    throw CLIError(AccountError.noSuchToken(id).description, exitCode: 2)
                }
            }
            Console.progress("fineprint: revoked token \(id)\n")
        }
    }
}
