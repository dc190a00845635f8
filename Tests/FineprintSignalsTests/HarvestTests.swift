import FineprintSignals
import Foundation
import Testing

@Suite("The pipeline: snapshots, dedup, revisions, seeding, clusters, re-parsing, source health")
struct HarvestTests {
    typealias F = SignalFixtures

    @Test(arguments: F.backends) func importingTheSameFileTwiceAddsNoSignal(_ backend: String) async throws {
        try await F.withStore(backend) { store in
            let harvester = try F.harvester(store)
            let data = try F.data("eurlex-oj-l.rss")
            let source = try F.source("eurlex_oj_l")
            let first = try await harvester.ingest(data, source: source, location: "a.rss", origin: .import, at: F.now)
            #expect(first.added + first.seeded == 8)
            let again = try await harvester.ingest(
                data,
                source: source,
                location: "a.rss",
                origin: .import,
                at: F.now.addingTimeInterval(60)
            )
            #expect(!again.snapshotIsNew)
            #expect(again.added + again.seeded + again.revised == 0)
            #expect(try await store.items(source: nil, state: nil).count == 8)
            #expect(try await store.snapshots(source: "eurlex_oj_l").count == 1)
        }
    }

    @Test(arguments: F.backends) func aChangedItemIsARevisionNotANewSignal(_ backend: String) async throws {
        try await F.withStore(backend) { store in
            let harvester = try F.harvester(store)
            let source = try F.source("eurlex_oj_l")
            let original = try F.data("eurlex-oj-l.rss")
            _ = try await harvester.ingest(original, source: source, location: "a", origin: .import, at: F.now)
            let id = SignalItem.id(source: "eurlex_oj_l", nativeId: "CELEX:32026R0415")
            let before = try #require(try await store.item(id: id))
            // The same feed a day later: one item's title corrected, one item gone, one new.
            var text = String(decoding: original, as: UTF8.self)
            text = text.replacingOccurrences(of: "reporting template", with: "reporting form and template")
            text = text.replacingOccurrences(of: "CELEX:32026R0401", with: "CELEX:32026R0420")
            let report = try await harvester.ingest(
                Data(text.utf8),
                source: source,
                location: "b",
                origin: .fetch,
                status: 200,
                at: F.now.addingTimeInterval(86_400)
            )
            #expect(report.revised == 1)
            #expect(report.added + report.seeded == 1)
            let after = try #require(try await store.item(id: id))
            #expect(after.revision == 2 && after.firstSeen == before.firstSeen)
            #expect(after.entry.title.contains("form and template"))
            #expect(try await store.revisions(itemId: id).map(\.revision) == [1, 2])
            #expect(try await store.items(source: nil, state: nil).count == 9)
        }
    }

    @Test func aFirstImportSeedsAllButFreshRelevantItems() async throws {
        try await F.withStore("sqlite") { store in
            let harvester = try F.harvester(store)
            _ = try await harvester.ingest(
                try F.data("eurlex-oj-l.rss"),
                source: try F.source("eurlex_oj_l"),
                location: "a",
                origin: .import,
                at: F.now
            )
            let items = try await store.items(source: nil, state: nil)
            let queued = items.filter(\.awaitsReview).map(\.entry.nativeId).sorted()
            // Relevant and published within seven days before the import (2026-12-10): the item of 12-03 only.
            #expect(queued == ["CELEX:32026R0415"])
            #expect(items.filter(\.seeded).count == 7)
            // A later snapshot's new items are raised whatever their date.
            var text = String(decoding: try F.data("eurlex-oj-l.rss"), as: UTF8.self)
            text = text.replacingOccurrences(of: "CELEX:32026R0398", with: "CELEX:32026R0399")
            _ = try await harvester.ingest(
                Data(text.utf8),
                source: try F.source("eurlex_oj_l"),
                location: "b",
                origin: .import,
                at: F.now
            )
            let raised = try await store.item(id: SignalItem.id(source: "eurlex_oj_l", nativeId: "CELEX:32026R0399"))
            #expect(raised?.awaitsReview == true)
        }
    }

    @Test func itemsAboutTheSameDocumentClusterAcrossSources() async throws {
        try await F.withStore("sqlite") { store in
            let harvester = try F.harvester(store)
            _ = try await harvester.ingest(
                try F.data("eurlex-oj-l.rss"),
                source: try F.source("eurlex_oj_l"),
                location: "a",
                origin: .import,
                at: F.now
            )
            let press = """
                <rss version="2.0"><channel><link>https://ec.europa.eu/</link>
                <item><title>Commission adopts template for AI training content summaries (CELEX:32026R0412)</title>
                <guid>IP/26/901</guid><link>https://ec.europa.eu/commission/presscorner/detail/en/ip_26_901</link></item>
                <item><title>Standard contractual clauses between controllers and processors for cloud services used by public bodies</title>
                <guid>IP/26/902</guid><link>https://ec.europa.eu/commission/presscorner/detail/en/ip_26_902</link></item>
                <item><title>Digital rail freight corridors announced</title><guid>IP/26/903</guid></item>
                </channel></rss>
                """
            _ = try await harvester.ingest(
                Data(press.utf8),
                source: try F.source("ec_presscorner"),
                location: "p",
                origin: .import,
                at: F.now
            )
            let byNative = Dictionary(
                uniqueKeysWithValues: try await store.items(source: nil, state: nil).map { ($0.entry.nativeId, $0) }
            )
            let template = try #require(byNative["CELEX:32026R0412"])
            #expect(byNative["IP/26/901"]?.cluster == template.cluster)
            #expect(byNative["IP/26/902"]?.cluster == byNative["CELEX:32026D0377"]?.cluster)
            #expect(byNative["IP/26/903"].map { $0.cluster == $0.id } == true)
        }
    }

    @Test func reparsingStoredSnapshotsRaisesNoSignals() async throws {
        try await F.withStore("sqlite") { store in
            let catalog = try F.catalog.get()
            // Yesterday's parser saw only items mentioning AI (an include pattern since dropped).
            var narrow = try F.source("eurlex_oj_l")
            narrow.include = ["\\bAI\\b"]
            let harvester = try F.harvester(store)
            _ = try await harvester.ingest(
                try F.data("eurlex-oj-l.rss"),
                source: narrow,
                location: "a",
                origin: .import,
                at: F.now
            )
            let before = try await store.items(source: nil, state: nil)
            let queuedBefore = before.filter(\.awaitsReview).map(\.id)
            let reports = try await harvester.reparse(catalog: catalog, at: F.now.addingTimeInterval(3600))
            #expect(reports.count == 1 && reports[0].added == 0)
            let after = try await store.items(source: nil, state: nil)
            #expect(after.count == 8)
            #expect(Set(after.filter(\.awaitsReview).map(\.id)) == Set(queuedBefore))
            #expect(reports[0].seeded == 8 - before.count)
        }
    }

    @Test func anUnreadableAnswerIsKeptAndMarksTheSourceFailing() async throws {
        try await F.withStore("sqlite") { store in
            let harvester = try F.harvester(store)
            let source = try F.source("govuk_dsit")
            await #expect(throws: SignalError.self) {
                _ = try await harvester.ingest(
                    Data("<html>bot check</html>".utf8),
                    source: source,
                    location: "x",
                    origin: .fetch,
                    status: 200,
                    at: F.now
                )
            }
            let failing = try #require(try await store.health(source: "govuk_dsit"))
            #expect(failing.failingSince == F.now && failing.consecutiveFailures == 1)
            #expect(try await store.snapshots(source: "govuk_dsit").count == 1)
            _ = try await harvester.ingest(
                try F.data("govuk-dsit.atom"),
                source: source,
                location: "y",
                origin: .fetch,
                status: 200,
                at: F.now.addingTimeInterval(60)
            )
            let recovered = try #require(try await store.health(source: "govuk_dsit"))
            #expect(recovered.failingSince == nil && recovered.lastSuccess == F.now.addingTimeInterval(60))
            #expect(!recovered.isStale(expectedUpdateDays: 7, now: F.now.addingTimeInterval(86_400)))
            #expect(recovered.isStale(expectedUpdateDays: 7, now: F.now.addingTimeInterval(8 * 86_400)))
        }
    }
}
