import FineprintAnalysis
import FineprintCompare
import FineprintIngest
import FineprintServer
import FineprintWatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The watched-terms page")
struct WatchPageTests {
    /// Two versions of a synthetic supplier term: the second drops the no-training promise.
    static let versions = [
        "1. Customer Data\n\nThe Supplier shall not use Customer Data to train its models.\n\n2. Law\n\nThis Agreement is governed by the laws of Ireland.\n",
        "1. Customer Data\n\nThe Supplier may use Customer Data to train and improve its models.\n\n2. Law\n\nThis Agreement is governed by the laws of Ireland.\n",
    ]

    @Test func withoutAStoreThePageSaysHowToSetOneUp() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/watch", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("No watch store is configured"))
                #expect(response.text.contains("fineprint serve --watch-store"))
            }
            try await client.execute(uri: "/watch/feed.atom", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func recordedChangesAndTheFeedAreShown() async throws {
        let folder = try Repo.temporaryFolder().appendingPathComponent("watch")
        // Record the versions the way `fineprint watch` does: store, diff against the previous one, save, feed.
        let corpus = try Repo.corpus.get()
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        let reader = DocumentReader()
        var store = try WatchStore(root: folder)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        for (n, text) in Self.versions.enumerated() {
            let outcome = try store.record(
                location: "supplier-terms.md",
                name: "supplier-terms.md",
                data: Data(text.utf8),
                at: start.addingTimeInterval(Double(n) * 86_400)
            )
            if case .changed(let previous, let current) = outcome {
                let old = try reader.read(data: try store.data(of: previous), name: previous.fileName)
                let new = try reader.read(data: try store.data(of: current), name: current.fileName)
                try store.attach(
                    VersionDiff.compute(old: old, new: new, analyzer: analyzer, playbook: playbook),
                    to: "supplier-terms.md"
                )
            }
        }
        try store.save()
        try Data(AtomFeed.render(store.index, feedId: folder.path).utf8).write(
            to: folder.appendingPathComponent("feed.atom")
        )

        let bench = try await Repo.workbench(watchFolder: folder)
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/watch", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("supplier-terms.md"))
                #expect(html.contains("2 version(s)"))
                #expect(html.contains("change-rights"), "the lost no-training promise is a rights change")
            }
            try await client.execute(uri: "/watch/feed.atom", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
                #expect(response.text.contains("<feed"))
            }
        }
    }
}
