import ArgumentParser
import FineprintShare
import FineprintStore
import Foundation

struct ShareTrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract:
            "The trust list: allied publishers' keys, confirmed out of band. A bundle never adds a key by itself.",
        subcommands: [Add.self, List.self, Revoke.self, Rotate.self, Threshold.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trust an ally's public key file.")
        @Argument(help: "The ally's public key file (ID.pub).")
        var file: String
        @Option(help: "The publisher id the key signs for.")
        var publisher: String
        @Option(help: "How the fingerprint was confirmed (who, how, when).")
        var verifiedVia: String
        @Option(help: "Trust the key until this date (YYYY-MM-DD).")
        var until: String?
        @Option(help: "Item kinds the key may sign, comma-separated (e.g. clauses,playbooks); default all.")
        var scope: String?
        @OptionGroup var store: ShareStoreOptions

        func run() async throws {
            let text = String(decoding: try ShareFiles.read(file), as: UTF8.self)
            let keyFile = try PublicKeyFile(text: text)
            let until = try until.map { try ShareDates.parse($0, option: "--until") }
            let scopes = scope.map { $0.split(separator: ",").map(String.init) } ?? []
            let (publisher, verifiedVia) = (publisher, verifiedVia)
            let key = try await store.withLedger { ledger in
                try await TrustList(ledger: ledger).add(
                    keyFile,
                    publisher: publisher,
                    verifiedVia: verifiedVia,
                    until: until,
                    scopes: scopes
                )
            }
            print("trusted \(SharePublicKey.grouped(key.fingerprint)) for \(key.publisher)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the trusted keys and thresholds.")
        @OptionGroup var store: ShareStoreOptions

        func run() async throws {
            let (keys, thresholds) = try await store.withLedger { ledger in
                (try await ledger.trustedKeys(), try await ledger.thresholds())
            }
            if keys.isEmpty { print("the trust list is empty") }
            for key in keys {
                var state =
                    key.revokedAt.map { "REVOKED \(ShareDates.show($0)) (\(key.revocationReason ?? ""))" } ?? "active"
                if let until = key.validUntil { state += ", until \(ShareDates.show(until))" }
                if let next = key.replacedBy { state += ", replaced by \(SharePublicKey.grouped(next))" }
                let scopes = key.scopes.isEmpty ? "all kinds" : key.scopes.joined(separator: ",")
                print("\(key.publisher)  \(SharePublicKey.grouped(key.fingerprint))  \(state)  [\(scopes)]")
                print("    verified via: \(key.verifiedVia); threshold \(thresholds[key.publisher] ?? 1)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a trusted key: by fingerprint, or by applying the publisher's signed revocation notice."
        )
        @Argument(help: "The key's fingerprint (sha256:…, spaces allowed).")
        var fingerprint: String?
        @Option(help: "A revocation notice file from the publisher.")
        var notice: String?
        @Option(help: "Why (recorded with the revocation).")
        var reason = "revoked by the operator"
        @OptionGroup var store: ShareStoreOptions

        func validate() throws {
            guard (fingerprint == nil) != (notice == nil) else {
                throw ValidationError("give either a fingerprint or --notice FILE")
            }
        }

        func run() async throws {
            let notice = try notice.map { try ShareFiles.read($0) }
            let (fingerprint, reason) = (fingerprint, reason)
            let key = try await store.withLedger { ledger in
                let list = TrustList(ledger: ledger)
                if let notice { return try await list.revoke(notice: notice) }
                return try await list.revoke(fingerprint: fingerprint ?? "", reason: reason)
            }
            print("revoked \(SharePublicKey.grouped(key.fingerprint)) of \(key.publisher)")
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply an ally's rotation notice (signed by their trusted old key and their new key)."
        )
        @Argument(help: "The rotation notice file.")
        var notice: String
        @OptionGroup var store: ShareStoreOptions

        func run() async throws {
            let data = try ShareFiles.read(notice)
            let key = try await store.withLedger { ledger in try await TrustList(ledger: ledger).rotate(notice: data) }
            print("trusted \(SharePublicKey.grouped(key.fingerprint)) for \(key.publisher) (\(key.verifiedVia))")
        }
    }

    struct Threshold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How many distinct trusted keys of a publisher must sign its bundles (default 1)."
        )
        @Option(help: "The publisher id.")
        var publisher: String
        @Argument(help: "The number of signatures.")
        var count: Int
        @OptionGroup var store: ShareStoreOptions

        func run() async throws {
            let (publisher, count) = (publisher, count)
            try await store.withLedger { ledger in try await ledger.setThreshold(publisher: publisher, threshold: count)
            }
            print("\(publisher) bundles now need \(count) signature(s)")
        }
    }
}
