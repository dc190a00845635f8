import ArgumentParser
import FineprintStore
import Foundation

struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "Manage stored documents.",
        subcommands: [Delete.self]
    )

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a document for good, with its analyses and the jobs that made them.",
            discussion: """
                ID is the document's SHA-256 (shown on its report). In SQLite the freed space is overwritten \
                and the file vacuumed, so the text is gone from the database's files; in PostgreSQL the rows \
                are deleted. The deletion is recorded in the audit log.
                """
        )

        @Argument(help: "The document's SHA-256.") var id: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let sha = id.lowercased()
            let gone = try await storage.withStore(mustExist: true) { store -> DeletedDocument? in
                guard let gone = try await store.deleteDocument(sha256: sha) else { return nil }
                try await OperatorAudit.record(
                    .delete,
                    "document",
                    sha,
                    detail: "\(gone.name): \(gone.analysisIds.count) analyses, \(gone.jobs) jobs (command line)",
                    in: store.auditLog()
                )
                return gone
            }
            guard let gone else { throw CLIError("no stored document has SHA-256 \(sha)", exitCode: 1) }
            print("deleted \(gone.name) with \(gone.analysisIds.count) analyses and \(gone.jobs) jobs")
        }
    }
}
