import FineprintSignals
import Foundation
import Testing

@Suite("The relevance scoring measured against our own decisions on the fixture feeds")
struct MeasureTests {
    typealias F = SignalFixtures

    struct Decision {
        var file: String
        var source: String
        var native: String
        var accept: Bool
    }

    static func decisions() throws -> [Decision] {
        let text = try String(contentsOf: F.folder.appendingPathComponent("decisions.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Decision(file: f[0], source: f[1], native: f[2], accept: f[3] == "accept")
        }
    }

    @Test func everyDecidedItemIsFoundAndTheScoringSeparatesThem() async throws {
        let decisions = try Self.decisions()
        #expect(decisions.count >= 30)
        try await F.withStore("sqlite") { store in
            let harvester = try F.harvester(store)
            for (file, source) in Set(decisions.map { [$0.file, $0.source] }).map({ ($0[0], $0[1]) }) {
                _ = try await harvester.ingest(
                    try F.data(file),
                    source: try F.source(source),
                    location: file,
                    origin: .import,
                    at: F.now
                )
            }
            for d in decisions {
                let id = SignalItem.id(source: d.source, nativeId: d.native)
                let item = try #require(try await store.item(id: id), "\(d.native) was not imported")
                let decision = SignalDecision(
                    itemId: id,
                    action: d.accept ? .accept : .reject,
                    by: "test",
                    at: F.now,
                    reason: "",
                    scoredRelevant: item.relevance.relevant
                )
                _ = try await store.decide(decision, state: d.accept ? .reviewed : .rejected)
            }
            let m = SignalMeasure.measure(
                items: try await store.items(source: nil, state: nil),
                decisions: try await store.decisions(itemId: nil)
            )
            #expect(m.accepted + m.rejected == decisions.count)
            // The bar the scoring must keep on our decisions (docs/signals.md has the measured figures).
            #expect(try #require(m.relevantRate) >= 0.7)
            #expect(try #require(m.falseRelevantRate) <= 0.2)
        }
    }
}
