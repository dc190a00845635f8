import FineprintCorpus
import FineprintSignals
import FineprintTestSupport
import Foundation
import Testing

@Suite("Promotion: a reviewed signal becomes a knowledge item that validates, with its provenance")
struct PromotionTests {
    typealias F = SignalFixtures

    func item(
        _ native: String,
        file: String = "eurlex-oj-l.rss",
        source: String = "eurlex_oj_l"
    ) async throws
        -> SignalItem
    {
        var found: SignalItem?
        try await F.withStore("sqlite") { store in
            _ = try await F.harvester(store).ingest(
                try F.data(file),
                source: try F.source(source),
                location: "a",
                origin: .import,
                at: F.now
            )
            found = try await store.item(id: SignalItem.id(source: source, nativeId: native))
        }
        return try #require(found)
    }

    /// Applies a promotion to a copy of the bundled knowledge base and validates it.
    func promoteAndValidate(_ promotion: SignalPromotion) throws -> (SignalPromotion.Result, [CorpusError], String) {
        let folder = try TemporaryFiles.folder("signals-promote")
        let knowledge = folder.appendingPathComponent("knowledge")
        try FileManager.default.copyItem(at: RepositoryPaths.corpus.appendingPathComponent("knowledge"), to: knowledge)
        let result = try promotion.apply(
            sourcesYAML: try String(contentsOf: knowledge.appendingPathComponent("sources.yaml"), encoding: .utf8),
            regulationsYAML: try String(
                contentsOf: knowledge.appendingPathComponent("regulations.yaml"),
                encoding: .utf8
            )
        )
        try Data(result.sourcesYAML.utf8).write(to: knowledge.appendingPathComponent("sources.yaml"))
        try Data(result.regulationsYAML.utf8).write(to: knowledge.appendingPathComponent("regulations.yaml"))
        let base = try KnowledgeLoader.load(fromCorpus: folder)
        let problems = KnowledgeValidator.validate(base, against: try BundledCorpus.corpus.get(), today: F.now)
        return (result, problems, result.regulationsYAML)
    }

    /// A promotion of `signal` from the EUR-Lex fixture source, by the bundled reviewer on a fixed day.
    func promotion(_ signal: SignalItem, _ target: SignalPromotion.Target, urlVerified: Bool) throws -> SignalPromotion
    {
        SignalPromotion(
            item: signal,
            source: try F.source("eurlex_oj_l"),
            target: target,
            reviewer: "fineprint-legal",
            date: "2026-12-09",
            urlVerified: urlVerified
        )
    }

    @Test func amendingARegulationBumpsItsVersionAndCitesTheSignal() async throws {
        let signal = try await item("CELEX:32026R0415")
        let promotion = try promotion(signal, .amend(regulationId: "eu_ai_act_art_4"), urlVerified: true)
        let bundled = try KnowledgeLoader.load(fromCorpus: RepositoryPaths.corpus)
        let before = try #require(bundled.regulations.first { $0.id == "eu_ai_act_art_4" }).version
        let (result, problems, yaml) = try promoteAndValidate(promotion)
        #expect(problems.isEmpty, "\(problems)")
        #expect(result.regulationId == "eu_ai_act_art_4" && result.version == before + 1)
        #expect(promotion.confidence == .primarySource)
        #expect(yaml.contains("signal: \(signal.id)"))
        #expect(yaml.contains("snapshot_sha256: \(signal.snapshotSHA256)"))
        #expect(yaml.contains(promotion.sourceId))
    }

    @Test func aNewRegulationInOurWordsValidates() async throws {
        let signal = try await item("CELEX:32026R0412")
        let promotion = try promotion(
            signal,
            .new(
                .init(
                    id: "eu_gpai_training_summary_template",
                    instrument: "EU AI Act (Regulation (EU) 2024/1689)",
                    jurisdiction: "EU",
                    article: "Art. 53(1)(d)",
                    summary: "Fixes the form of the public summary of training content that model providers publish.",
                    provisions: ["model_documentation"]
                )
            ),
            urlVerified: false
        )
        let (result, problems, _) = try promoteAndValidate(promotion)
        #expect(problems.isEmpty, "\(problems)")
        #expect(result.version == 1)
        #expect(promotion.confidence == .singleSource)
    }

    @Test func aNewSourceIsAddedWithoutLosingTheFilesComments() async throws {
        let signal = try await item("CELEX:32026R0412")
        let promotion = try promotion(signal, .amend(regulationId: "eu_ai_act_art_4"), urlVerified: false)
        let original = try String(
            contentsOf: RepositoryPaths.corpus.appendingPathComponent("knowledge/sources.yaml"),
            encoding: .utf8
        )
        let (result, problems, _) = try promoteAndValidate(promotion)
        #expect(problems.isEmpty, "\(problems)")
        #expect(original.contains("\n    # checked "))
        #expect(result.sourcesYAML.hasPrefix(original))
        #expect(result.sourcesYAML.contains("id: \(promotion.sourceId)"))
    }

    @Test func aPromotionNamingAnUnknownProvisionIsCaughtByTheValidator() async throws {
        let signal = try await item("CELEX:32026R0412")
        let promotion = try promotion(
            signal,
            .new(
                .init(
                    id: "bad_item",
                    instrument: "EU AI Act (Regulation (EU) 2024/1689)",
                    jurisdiction: "EU",
                    article: "Art. 1",
                    summary: "A test.",
                    provisions: ["no_such_provision"]
                )
            ),
            urlVerified: true
        )
        let (_, problems, _) = try promoteAndValidate(promotion)
        #expect(problems.contains { $0.description.contains("no_such_provision") })
    }

    @Test func onlyPrimarySourcedPublishedItemsEnterTheFeed() async throws {
        var primary = try await item("CELEX:32026R0415")
        primary.state = .published
        primary.publication = .init(
            knowledgeItem: "eu_ai_act_art_4",
            version: 2,
            confidence: "primary_source",
            by: "analyst",
            at: F.now
        )
        var single = try await item("CELEX:32026R0412")
        single.state = .published
        single.publication = .init(
            knowledgeItem: "x",
            version: 1,
            confidence: "single_source",
            by: "analyst",
            at: F.now
        )
        let reviewed = try await item("CELEX:32026R0398")
        let xml = SignalFeed.atom([primary, single, reviewed], selfURL: "https://fineprint.example/signals/feed.atom")
        #expect(xml.contains("tag:fineprint.local,2026:signal:\(primary.id)"))
        #expect(!xml.contains(single.id) && !xml.contains(reviewed.id))
        let empty = SignalFeed.atom([], selfURL: "https://fineprint.example/signals/feed.atom")
        #expect(empty.contains("<updated>1970-01-01T00:00:00Z</updated>"))
    }
}
