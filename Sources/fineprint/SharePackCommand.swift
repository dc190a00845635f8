import ArgumentParser
import Crypto
import FineprintCorpus
import FineprintShare
import FineprintStore
import Foundation

struct SharePack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Sign items into a bundle for allies (reproducible: same items, keys and time give the same bytes).",
        discussion: """
            Items: clause:ID, playbook:ID, move:ID, knowledge:ID, standard:FILE.yaml, evaluation:FILE.json (from
            `fineprint eval labels|cuad --json`), analysis:ID (a stored analysis; its document's text only with --include-text).
            The time is --created-at, else $SOURCE_DATE_EPOCH, else now.
            """
    )

    @Option(help: "The key folder; repeat to add co-signers (the first is the publisher).")
    var keyDir: [String]
    @Option(help: "Passphrase files, one per --key-dir, in the same order.")
    var passphraseFile: [String] = []
    @Option(help: "The bundle to write (.fpshare).")
    var out: String
    @Argument(help: "The items, as KIND:ID.")
    var items: [String] = []
    @Option(help: "Mark an item withdrawn (KIND:ID); repeatable.")
    var withdraw: [String] = []
    @Flag(help: "Include the document's text with shared analyses (never by default).")
    var includeText = false
    @Option(help: "The bundle expires at this date (YYYY-MM-DD).")
    var expires: String?
    @Option(help: "The time recorded in the bundle (RFC 3339).")
    var createdAt: String?
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var store: ShareStoreOptions

    func run() async throws {
        let folders = keyDir.map { KeyDirectory(path: $0) }
        let signers = try folders.enumerated().map { index, folder in
            try folder.signingKey(
                passphrase: try ShareFiles.passphrase(
                    passphraseFile.indices.contains(index) ? passphraseFile[index] : nil
                )
            )
        }
        let publisher = try folders[0].identity().publisher
        let outgoing = try await collect()
        let (sequence, versioned, commit) = try folders[0].plan(outgoing)
        let request = BundleRequest(
            publisher: publisher,
            sequence: sequence,
            createdAt: try time(),
            expiresAt: try expires.map { try ShareDates.parse($0, option: "--expires") },
            items: versioned
        )
        let bundle = try BundlePacker.pack(request, signers: signers)
        guard FileManager.default.createFile(atPath: out, contents: bundle.data) else {
            throw CLIError("cannot write \(out)", exitCode: 2)
        }
        try commit()
        print(
            "wrote \(out): bundle \(bundle.statement.predicate.bundleId), sequence \(sequence), \(versioned.count) item(s)"
        )
        for (item, version) in versioned {
            print("  \(item.kind.rawValue):\(item.id) v\(version)\(item.withdrawn ? " (withdrawn)" : "")")
        }
        print("signed by \(signers.map { SharePublicKey($0.publicKey).groupedFingerprint }.joined(separator: ", "))")
    }

    func validate() throws {
        guard !keyDir.isEmpty else { throw ValidationError("give --key-dir") }
        guard !items.isEmpty || !withdraw.isEmpty else { throw ValidationError("name at least one item (clause:ID …)") }
    }

    private func collect() async throws -> [OutgoingItem] {
        let source = CorpusItems(corpusURL: try CLIError.setup { try CorpusLocator.locate(explicit: corpus.corpus) })
        var result: [OutgoingItem] = []
        for reference in items {
            if reference.hasPrefix("analysis:") {
                result.append(try await analysis(String(reference.dropFirst("analysis:".count))))
            } else {
                result.append(try source.item(reference))
            }
        }
        for reference in withdraw {
            let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = ShareKind(rawValue: parts[0]) else {
                throw ValidationError("--withdraw takes KIND:ID, not \(reference)")
            }
            result.append(try OutgoingItem.withdrawal(kind: kind, id: parts[1]))
        }
        return result
    }

    private func analysis(_ id: String) async throws -> OutgoingItem {
        guard let number = Int64(id) else { throw ValidationError("analysis:ID takes the stored analysis number") }
        let includeText = includeText
        return try await store.withStore { store in
            guard let stored = try await store.analysis(id: number) else {
                throw CLIError("no stored analysis \(number)", exitCode: 2)
            }
            let text = try await store.document(sha256: stored.analysis.document.sha256)?.text
            let shared = try SharedAnalysis.make(stored.analysis, text: text, includeText: includeText)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return OutgoingItem(
                kind: .analysis,
                id: "analysis-\(number)",
                title: "analysis of \(stored.summary.documentName) (\(stored.summary.profile))",
                content: try encoder.encode(shared)
            )
        }
    }

    private func time() throws -> Date {
        if let createdAt {
            guard let date = ISO8601DateFormatter().date(from: createdAt) else {
                throw ValidationError("--created-at takes an RFC 3339 time such as 2026-12-05T12:00:00Z")
            }
            return date
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(epoch) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
