import ArgumentParser
import FineprintServer
import FineprintStore
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check and list the audit log: who uploaded, viewed, downloaded, deleted, backed up.",
        subcommands: [Verify.self, List.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit log's hash chain and name the first row that was altered or removed.",
            discussion:
                "Exit status 0 when the chain is intact, 1 when it is broken, 2 when the database cannot be read."
        )

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let result = try await storage.withStore(mustExist: true) { store in try await store.auditLog().verify() }
            switch result {
            case .intact(let rows):
                print("audit log intact: \(rows) rows, each chained to the one before")
            case .broken(let sequence, let reason):
                throw CLIError("the audit log is broken at row \(sequence): \(reason)", exitCode: 1)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List audit rows, newest first.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

        @OptionGroup var storage: StorageOptions
        @Option(help: "Only rows from this date on (2026-12-05, or an ISO 8601 time).") var since: String?
        @Option(help: "Only rows of this user.") var actor: String?
        @Option(help: "Only rows of this action (\(AuditAction.allCases.map(\.rawValue).joined(separator: ", "))).")
        var action: String?
        @Option(help: "At most this many rows.") var limit = 1000
        @Option(help: "text, csv or json.") var format: Format = .text

        func validate() throws {
            if let since, AuditDate.parse(since) == nil {
                throw ValidationError("--since takes a date like 2026-12-05")
            }
            if let action, AuditAction(rawValue: action) == nil {
                throw ValidationError("--action: no action '\(action)'")
            }
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let filter = AuditFilter(
                since: since.flatMap(AuditDate.parse),
                actor: actor,
                action: action.flatMap(AuditAction.init(rawValue:)),
                limit: limit
            )
            let events = try await storage.withStore(mustExist: true) { store in
                try await store.auditLog().events(filter)
            }
            switch format {
            case .csv: print(AuditCSV.render(events), terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(events), as: UTF8.self))
            case .text:
                for e in events {
                    print(
                        "\(e.sequence)\t\(AuditDate.format(e.time))\t\(e.actor ?? "-")\t\(e.action)\t"
                            + "\(e.targetKind) \(e.targetID)\t\(e.address ?? "-")\t\(e.detail)"
                    )
                }
            }
        }
    }
}
