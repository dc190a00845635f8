import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintTestSupport
import Testing

/// A cue's `unless`: words that, anywhere in the cue's sentence, keep it from counting there.
@Suite struct CueUnlessTests {
    func status(_ text: String, unless: String?) throws -> ProvisionStatus? {
        var corpus = try BundledCorpus.corpus.get()
        corpus.rules = [
            DetectionRule(
                provision: "uncapped_liability",
                cues: [Cue(pattern: "nothing ..12 limits ..4 liability ..2 for", weight: 0.9, unless: unless)]
            )
        ]
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        return analyzer.analyze(try Repo.document(text), playbook: playbook).finding("uncapped_liability")?.status
    }

    @Test func theUnlessWordsKeepTheCueFromCounting() throws {
        let saving =
            "Nothing in this Agreement limits either party's liability for losses that cannot lawfully be limited."
        let named = "Nothing in this Agreement limits either party's liability for fraud."
        let unless = "for ..2 losses ..2 that ..2 cannot"
        #expect(try status(saving, unless: nil) == .present)
        #expect(try status(saving, unless: unless) == .absent)
        #expect(try status(named, unless: unless) == .present)
        // Anywhere in the sentence, before the match too.
        let before =
            "Save for losses that cannot be limited, nothing here limits either party's liability for anything."
        #expect(try status(before, unless: unless) == .absent)
    }

    @Test func aBadUnlessIsReported() throws {
        var corpus = try BundledCorpus.corpus.get()
        let r = try #require(corpus.rules.firstIndex { $0.provision == "uncapped_liability" })
        corpus.rules[r].cues[0].unless = "for ..2 {buyer_data}"
        #expect(CorpusValidator.validate(corpus).contains { $0.message.contains("names a class in unless") })
        corpus.rules[r].cues[0].unless = "for ..99 losses"
        #expect(throws: (any Error).self) { try Analyzer(corpus: corpus) }
    }
}
