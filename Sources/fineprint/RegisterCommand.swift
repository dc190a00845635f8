import ArgumentParser
import FineprintRegister
import FineprintStore
import Foundation

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "The dependency register: systems, components, suppliers, tiers, contracts and the five metrics.",
        subcommands: [
            RegisterImportCommand.self, RegisterMetricsCommand.self, RegisterPolicies.self, RegisterLinkContract.self,
            RegisterSetTier.self, RegisterExportCommand.self, RegisterExample.self, RegisterWatchLink.self,
        ]
    )
}

/// Where the register is kept: the same store as `fineprint serve` (SQLite in --data-dir, or
/// PostgreSQL), one register per organisation.
struct RegisterStoreOptions: ParsableArguments {
    @OptionGroup var storage: StorageOptions

    @Option(help: "The organisation whose register this is.")
    var organisation = "default"

    func validate() throws {
        guard !organisation.isEmpty, organisation.count <= 200 else {
            throw ValidationError("--organisation must be 1 to 200 characters")
        }
    }

    /// Runs `body` with the store open (a PostgreSQL pool runs only for that long).
    func withStore<T: Sendable>(_ body: (any CommandStore) async throws -> T) async throws -> T {
        try await storage.withStore(body)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum RegisterJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
