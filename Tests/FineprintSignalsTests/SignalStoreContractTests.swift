import FineprintSignals
import Foundation
import Testing

@Suite("Signal store contract, on SQLite in memory and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct SignalStoreContractTests {
    typealias F = SignalFixtures
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)

    static func item(_ native: String, source: String = "s1", state: SignalState = .relevant) -> SignalItem {
        let entry = FeedEntry(
            nativeId: native,
            title: "Title \(native)",
            summary: "",
            url: "https://example.gov/\(native)"
        )
        let relevance = Relevance(
            score: 5,
            relevant: true,
            reasons: [RelevanceReason(kind: .topic, term: "ai", target: nil, field: "title", weight: 3)]
        )
        let id = SignalItem.id(source: source, nativeId: native)
        return SignalItem(
            id: id,
            source: source,
            entry: entry,
            revision: 1,
            contentSHA256: entry.contentSHA256,
            snapshotSHA256: "abc",
            firstSeen: t0,
            lastChanged: t0,
            cluster: id,
            state: state,
            relevance: relevance,
            seeded: false,
            primary: true
        )
    }

    @Test(arguments: F.backends) func snapshotsAreContentAddressedAndKeptOnce(_ backend: String) async throws {
        try await F.withStore(backend) { store in
            let bytes = Data("<rss/>".utf8)
            let s = SignalSnapshot(
                source: "s1",
                location: "/tmp/a.rss",
                origin: .import,
                retrievedAt: Self.t0,
                status: nil,
                bytes: bytes
            )
            #expect(try await store.addSnapshot(s))
            #expect(try await !store.addSnapshot(s))
            let back = try #require(try await store.snapshot(sha256: bytes.signalSHA256))
            #expect(back == s)
            #expect(try await store.snapshots(source: "s1").map(\.sha256) == [s.sha256])
            #expect(try await store.snapshots(source: "other").isEmpty)
        }
    }

    @Test(arguments: F.backends) func itemsRevisionsAndDecisionsRoundTrip(_ backend: String) async throws {
        try await F.withStore(backend) { store in
            let a = Self.item("a")
            let b = Self.item("b", source: "s2", state: .new)
            let revision = SignalRevision(
                itemId: a.id,
                revision: 1,
                contentSHA256: a.contentSHA256,
                snapshotSHA256: "abc",
                recordedAt: Self.t0,
                technical: false,
                entry: a.entry
            )
            try await store.saveItems([a, b], revisions: [revision])
            #expect(try await store.item(id: a.id) == a)
            #expect(Set(try await store.items(source: nil, state: nil).map(\.id)) == [a.id, b.id])
            #expect(try await store.items(source: "s2", state: nil).map(\.id) == [b.id])
            #expect(try await store.items(source: nil, state: .relevant).map(\.id) == [a.id])
            #expect(try await store.revisions(itemId: a.id) == [revision])
            let decision = SignalDecision(
                itemId: a.id,
                action: .reject,
                by: "analyst",
                at: Self.t0,
                reason: "out of scope",
                scoredRelevant: true
            )
            #expect(try await store.decide(decision, state: .rejected))
            #expect(try await store.item(id: a.id)?.state == .rejected)
            #expect(try await store.decisions(itemId: a.id) == [decision])
            #expect(try await store.decisions(itemId: nil).count == 1)
            let missing = SignalDecision(
                itemId: "sig-none",
                action: .accept,
                by: "x",
                at: Self.t0,
                reason: "",
                scoredRelevant: false
            )
            #expect(try await !store.decide(missing, state: .reviewed))
        }
    }

    @Test(arguments: F.backends) func healthAndTheFetchLogAreKept(_ backend: String) async throws {
        try await F.withStore(backend) { store in
            var health = SourceHealth(source: "s1")
            health.failingSince = Self.t0
            health.consecutiveFailures = 2
            health.etag = "\"v1\""
            try await store.saveHealth(health)
            health.consecutiveFailures = 3
            try await store.saveHealth(health)
            #expect(try await store.health(source: "s1") == health)
            #expect(try await store.allHealth() == [health])
            for i in 0..<3 {
                try await store.logAttempt(
                    FetchAttempt(
                        source: "s1",
                        at: Self.t0.addingTimeInterval(Double(i)),
                        url: "https://example.gov/feed",
                        status: i == 2 ? 304 : nil,
                        bytes: i,
                        sha256: nil,
                        outcome: "attempt \(i)"
                    )
                )
            }
            let log = try await store.attempts(source: "s1", limit: 2)
            #expect(log.map(\.outcome) == ["attempt 2", "attempt 1"])
            #expect(log.first?.status == 304)
            #expect(try await store.attempts(source: "other", limit: 10).isEmpty)
        }
    }
}
