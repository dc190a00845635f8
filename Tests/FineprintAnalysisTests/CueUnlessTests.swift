import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintTestSupport
import Foundation
import Testing
import Yams

/// A cue's `unless`: words that, anywhere in the cue's sentence, keep it from counting there.
@Suite struct CueUnlessTests {
    func status(_ text: String, unless: [String]) throws -> ProvisionStatus? {
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
        let unless = ["for ..2 losses ..2 that ..2 cannot"]
        #expect(try status(saving, unless: []) == .present)
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
        corpus.rules[r].cues[0].unless = ["for ..2 losses", "for ..2 {buyer_data}"]
        #expect(CorpusValidator.validate(corpus).contains { $0.message.contains("names a class in unless") })
        corpus.rules[r].cues[0].unless = ["for ..2 losses", "for ..99 losses"]
        #expect(throws: (any Error).self) { try Analyzer(corpus: corpus) }
    }

    /// Any one of several patterns keeps the cue off its sentence.
    @Test func anyOfSeveralPatternsCounts() throws {
        let unless = ["for ..2 losses ..2 that ..2 cannot", "save ..2 for ..2 fraud"]
        #expect(
            try status(
                "Nothing here limits either party's liability for losses that cannot be limited.",
                unless: unless
            ) == .absent
        )
        #expect(
            try status("Save for fraud, nothing here limits either party's liability for anything.", unless: unless)
                == .absent
        )
        #expect(try status("Nothing here limits either party's liability for fraud.", unless: unless) == .present)
    }

    /// In YAML the words are one pattern or a list of them, and a cue written back reads the same.
    @Test func oneOrAListInYAML() throws {
        let one = try YAMLDecoder().decode(Cue.self, from: "pattern: a b\nunless: \"c d\"\n")
        let list = try YAMLDecoder().decode(Cue.self, from: "pattern: a b\nunless: [\"c d\", \"e\"]\n")
        let none = try YAMLDecoder().decode(Cue.self, from: "pattern: a b\n")
        #expect(one.unless == ["c d"])
        #expect(list.unless == ["c d", "e"])
        #expect(none.unless.isEmpty)
        for cue in [one, list, none] {
            let again = try JSONDecoder().decode(Cue.self, from: try JSONEncoder().encode(cue))
            #expect(again == cue)
        }
    }
}
