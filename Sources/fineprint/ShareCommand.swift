import ArgumentParser
import FineprintCorpus
import FineprintShare
import FineprintStore
import Foundation

/// `fineprint share …`: keys, signed bundles for allies, the trust list, verification and import.
struct ShareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share playbooks, clauses and results with allies as signed bundles; verify and import theirs.",
        subcommands: [
            ShareKeygen.self, ShareKeyCommand.self, SharePack.self, ShareTrustCommand.self, ShareVerify.self,
            ShareImport.self, ShareItems.self, ShareAdopt.self, ShareEvaluations.self, ShareRecipientKey.self,
            ShareSeal.self, ShareOpen.self,
        ]
    )
}

/// Where the trust list and imported items live: the same database as everything else.
struct ShareStoreOptions: ParsableArguments {
    @OptionGroup var storage: StorageOptions

    func withStore<T: Sendable>(_ body: (any CommandStore) async throws -> T) async throws -> T {
        try await storage.withStore(body)
    }

    func withLedger<T: Sendable>(_ body: (any ShareLedger) async throws -> T) async throws -> T {
        try await withStore { store in try await body(store.shareLedger()) }
    }
}

enum ShareDates {
    /// `YYYY-MM-DD` (the end of that day, UTC) or an RFC 3339 time.
    static func parse(_ text: String, option: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        guard let day = formatter.date(from: text) else {
            throw ValidationError("\(option) takes a date as YYYY-MM-DD or 2027-06-30T12:00:00Z, not \"\(text)\"")
        }
        return day.addingTimeInterval(86_399)
    }

    static func show(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

struct ShareVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a bundle against the trust list (all fourteen checks); exit 0 when it passes. Writes nothing."
    )

    @Argument(help: "The .fpshare file.")
    var file: String

    @OptionGroup var store: ShareStoreOptions

    func run() async throws {
        let data = try ShareFiles.read(file)
        let verified = try await store.withLedger { ledger in try await BundleVerifier(ledger: ledger).verify(data) }
        SharePreview.print(verified, heading: "verified")
    }
}

struct ShareImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Verify a bundle and import its items under the publisher's namespace (never over your own)."
    )

    @Argument(help: "The .fpshare file.")
    var file: String

    @Flag(help: "Show what would be imported; write nothing.")
    var dryRun = false

    @OptionGroup var store: ShareStoreOptions

    func run() async throws {
        let data = try ShareFiles.read(file)
        let dryRun = dryRun
        let verified = try await store.withStore { store in
            let importer = ShareImporter(
                ledger: store.shareLedger(),
                auditLog: store.auditLog(),
                operatorName: OperatorAudit.operatorName
            )
            return try await importer.importBundle(data, dryRun: dryRun)
        }
        SharePreview.print(verified, heading: dryRun ? "preview (nothing written)" : "imported")
    }
}

struct ShareItems: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract:
            "List the items imported from allies (version, signer, signed date) and those adopted, with newer versions."
    )

    @Option(help: "Only this publisher's items.")
    var publisher: String?

    @OptionGroup var store: ShareStoreOptions

    func run() async throws {
        let publisher = publisher
        let catalog = try await store.withLedger { ledger in
            (try await ledger.sharedItems(publisher: publisher), try await ledger.adoptedItems())
        }
        let (items, adopted) = catalog
        if items.isEmpty { print("no items imported from allies") }
        for item in items {
            let state = item.withdrawn ? " (withdrawn)" : ""
            let origin = ShareOrigin(item)
            print(
                "\(item.publisher)/\(item.kind):\(item.id) v\(item.version)\(state)  \(item.title)  signed by \(origin.groupedSigner) on \(origin.signedDay) — imported \(ShareDates.show(item.importedAt))"
            )
        }
        let entries = AlliedCatalog(items: items, adopted: adopted).adopted.filter {
            publisher == nil || $0.item.fromPublisher == publisher
        }
        if !entries.isEmpty { print("\nadopted into our own:") }
        for entry in entries {
            print("\(entry.item.kind):\(entry.item.id)  \(entry.item.title) — \(entry.provenance)")
            if let newer = entry.newer { print("  \(newer.summary)") }
        }
    }
}

enum SharePreview {
    static func print(_ verified: VerifiedBundle, heading: String) {
        let predicate = verified.predicate
        Swift.print(
            "\(heading): bundle \(predicate.bundleId) from \(predicate.publisher.name) (\(predicate.publisher.id), \(predicate.publisher.country)), sequence \(predicate.sequence), made \(predicate.createdAt)"
        )
        for signer in verified.signers {
            Swift.print(
                "  signed by \(SharePublicKey.grouped(signer.fingerprint)) (verified via: \(signer.verifiedVia))"
            )
        }
        for plan in verified.plan {
            Swift.print(
                "  \(describe(plan.action))  \(plan.item.kind):\(plan.item.id) v\(plan.item.version)  \(plan.item.title)"
            )
        }
        for warning in verified.warnings { Swift.print("  warning: \(warning)") }
    }

    private static func describe(_ action: ItemPlan.Action) -> String {
        switch action {
        case .add: return "new      "
        case .update(let from): return "update v\(from)"
        case .unchanged: return "unchanged"
        case .withdraw: return "withdrawn"
        }
    }
}

enum ShareFiles {
    /// Bundles over this size are refused before reading (the zip checks cap what unpacks).
    static let maxBundleBytes = 512 * 1024 * 1024

    static func read(_ path: String) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw CLIError("cannot read \(path)", exitCode: 2) }
        guard size <= maxBundleBytes else { throw CLIError("\(path) is larger than \(maxBundleBytes) bytes; refused") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path)", exitCode: 2)
        }
        return data
    }

    static func passphrase(_ path: String?) throws -> Data? {
        try path.map { try PassphraseFile.read($0) }
    }
}
