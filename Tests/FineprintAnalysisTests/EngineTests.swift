import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintTestSupport
import Foundation
import Testing

/// The engine's mechanics on a small corpus written here, independent of the bundled rules.
@Suite struct EngineTests {
    static let corpus: Corpus = {
        let parts = SmallCorpusParts.self
        let taxonomy = Taxonomy(
            dimensions: [
                Dimension(id: "data", name: "Data", summary: "data"),
                Dimension(id: "jurisdiction", name: "Jurisdiction", summary: "law"),
                Dimension(id: "exit", name: "Exit", summary: "exit"),
            ],
            provisions: [
                parts.noSecondaryUse,
                parts.provision("governing_law", in: "jurisdiction", named: "Governing law", value: .jurisdiction),
                parts.breachNotice,
                parts.terminationForConvenience,
                parts.provision("liability_cap", in: "jurisdiction", named: "Cap", value: .liabilityCap),
                parts.unilateralChange,
            ]
        )
        let rules = [
            parts.noSecondaryUseRule,
            DetectionRule(
                provision: "governing_law",
                headings: ["governing law"],
                cues: [Cue(pattern: "governed by ... laws of", weight: 0.6)]
            ),
            parts.breachNoticeRule,
            parts.terminationForConvenienceRule,
            DetectionRule(provision: "liability_cap", cues: [Cue(pattern: "liability ... exceed", weight: 0.9)]),
            parts.unilateralChangeRule,
        ]
        let moves = [
            parts.trainsOnData,
            KillListMove(
                id: "twelve_month_cap",
                name: "Cap at 12 months of fees",
                summary: "s",
                mechanism: "m",
                severity: .medium,
                reveals: ["liability_cap"],
                mitigation: "cap_clause",
                triggers: [
                    MoveTrigger(
                        weight: 0.8,
                        requires: [
                            ProvisionCondition(provision: "liability_cap", status: .present, valueContains: "12 months")
                        ]
                    )
                ]
            ),
        ]
        let clauses = [
            parts.noTrainingClause,
            ModelClause(id: "cap_clause", title: "Cap", provides: ["liability_cap"], text: "t"),
            parts.changeClause,
        ]
        let playbook = Playbook(
            id: "test",
            name: "Test",
            description: "d",
            requirements: [
                Requirement(provision: "secondary_use_restriction", level: .required, weight: 2),
                Requirement(provision: "termination_for_convenience", level: .required),
                Requirement(provision: "unilateral_change", level: .mustBeAbsent),
            ]
        )
        var corpus = Corpus(
            taxonomy: taxonomy,
            rules: rules,
            moves: moves,
            clauses: clauses,
            playbooks: [playbook],
            parties: PartyLexicon(supplier: ["supplier", "we"], buyer: ["customer", "you"]),
            jurisdictions: [
                Jurisdiction(name: "Ireland", aliases: ["ireland"], country: "Ireland"),
                Jurisdiction(name: "New York, USA", aliases: ["new york", "state of new york"], country: "USA"),
            ],
            forums: ForumLexicon(institutions: [], cities: [])
        )
        corpus.reading = [SmallCorpusParts.grammarOnly]
        return corpus
    }()

    func analyze(_ text: String) throws -> Analysis {
        let analyzer = try Analyzer(corpus: Self.corpus)
        let doc = try DocumentReader().read(data: Data(text.utf8), name: "t.txt", format: .txt)
        return analyzer.analyze(doc, playbook: Self.corpus.playbooks[0])
    }

    @Test func negationDecidesBetweenRestrictionAndTrap() throws {
        let restricted = try analyze("The Supplier will not use Customer Content to improve the Services.")
        #expect(restricted.finding("secondary_use_restriction")?.status == .present)
        #expect(restricted.finding("secondary_use_restriction")?.strength == .strong)
        #expect(restricted.move("trains_on_data") == nil)

        let permitted = try analyze("The Supplier may use Customer Content to improve the Services.")
        #expect(permitted.finding("secondary_use_restriction")?.status == .absent)
        #expect(permitted.move("trains_on_data") != nil)
        // The contradicting sentence is shown as the reason for the absence.
        #expect(permitted.finding("secondary_use_restriction")?.evidence.count == 1)
    }

    @Test func doubleNegativeWithConsentStillNegates() throws {
        let a = try analyze(
            "The Supplier shall not, without the prior written consent of the Customer, use Customer Data to train any model."
        )
        #expect(a.finding("secondary_use_restriction")?.status == .present)
    }

    @Test func partyDecidesStrength() throws {
        let buyer = try analyze("The Customer may terminate this Agreement for convenience on 30 days' notice.")
        #expect(buyer.finding("termination_for_convenience")?.strength == .strong)
        let supplier = try analyze("The Supplier may terminate this Agreement for convenience on 30 days' notice.")
        #expect(supplier.finding("termination_for_convenience")?.strength == .weak)
        let either = try analyze("Either party may terminate this Agreement for convenience.")
        #expect(either.finding("termination_for_convenience")?.status == .present)
    }

    @Test func unknownPartyCountsLess() throws {
        let a = try analyze("This Agreement may be terminated at any time. Terminate it for convenience, they said.")
        let f = try #require(a.finding("termination_for_convenience"))
        #expect(f.confidence < 0.9 && f.confidence > 0.5)
    }

    @Test func headingBoostsConfidence() throws {
        let plain = try analyze("Preamble\n\nThis Agreement is governed by the laws of Ireland.\n")
        let titled = try analyze("GOVERNING LAW\n\nThis Agreement is governed by the laws of Ireland.\n")
        let p = try #require(plain.finding("governing_law"))
        let t = try #require(titled.finding("governing_law"))
        #expect(p.confidence == 0.6)
        #expect(t.confidence == 0.8)
        #expect(t.value == "Ireland")
    }

    /// A bold lead run into its clause's first line ("**12. Governing Law** This Agreement…") is that clause's heading;
    /// a bold phrase that goes on as the sentence is not.
    @Test func boldLeadHeadsItsClause() throws {
        func analyzeMarkdown(_ markdown: String) throws -> Analysis {
            let doc = try DocumentReader().read(data: Data(markdown.utf8), name: "t.md", format: .markdown)
            return try Analyzer(corpus: Self.corpus).analyze(doc, playbook: Self.corpus.playbooks[0])
        }
        let titled = try analyzeMarkdown(
            "Preamble\n\n**12. Governing Law** This Agreement is governed by the laws of Ireland.\n"
        )
        let phrase = try analyzeMarkdown(
            "Preamble\n\n**Governing law** aside, this Agreement is governed by the laws of Ireland.\n"
        )
        let t = try #require(titled.finding("governing_law"))
        #expect(t.confidence == 0.8)
        #expect(t.value == "Ireland")
        #expect(phrase.finding("governing_law")?.confidence == 0.6)
    }

    @Test func valuesAndValueStrength() throws {
        let fast = try analyze(
            "The Supplier shall notify the Customer of any personal data breach within twenty-four (24) hours."
        )
        #expect(fast.finding("breach_notification")?.value == "24 hours")
        #expect(fast.finding("breach_notification")?.strength == .strong)
        let slow = try analyze("The Supplier shall notify the Customer of a breach within 30 days.")
        #expect(slow.finding("breach_notification")?.value == "30 days")
        #expect(slow.finding("breach_notification")?.strength == .weak)
        let vague = try analyze("The Supplier will notify the Customer of a breach without undue delay.")
        #expect(vague.finding("breach_notification")?.value == "without undue delay")
        let law = try analyze(
            "This Agreement shall be governed by and construed under the laws of the State of New York."
        )
        #expect(law.finding("governing_law")?.value == "New York, USA")
    }

    @Test func movesFromConditionsOnFindings() throws {
        let capped = try analyze(
            "In no event shall the Supplier's total liability exceed the fees paid by the Customer in the twelve (12) months before the claim."
        )
        #expect(capped.finding("liability_cap")?.value == "fees paid in 12 months")
        #expect(capped.move("twelve_month_cap") != nil)
        let money = try analyze("The total liability of each party shall not exceed USD 2,000,000.")
        #expect(money.finding("liability_cap")?.value == "USD 2,000,000")
        #expect(money.move("twelve_month_cap") == nil)
    }

    @Test func scoreAndGapsFollowThePlaybook() throws {
        let weak = try analyze(
            "We may modify these terms at any time. The Supplier may use Customer Content to improve its models."
        )
        #expect(weak.score < 20)
        #expect(
            Set(weak.gaps.map(\.provision)) == [
                "secondary_use_restriction", "termination_for_convenience", "unilateral_change",
            ]
        )
        #expect(weak.gaps.first { $0.provision == "unilateral_change" }?.clause == "change_clause")
        #expect(weak.gaps.first { $0.provision == "unilateral_change" }?.reason == .hazardPresent)
        let strong = try analyze(
            "The Supplier will not use Customer Content to train models. The Customer may terminate for convenience at any time."
        )
        #expect(strong.score == 100)
        #expect(strong.gaps.isEmpty)
    }

    @Test func everyProvisionIsReportedWithQuotesMatchingOffsets() throws {
        let text = "Überblick — “quotes” 🙂.\n\nThe Supplier will not use Customer Data to train models.\n"
        let a = try analyze(text)
        #expect(a.provisions.map(\.id) == Self.corpus.taxonomy.provisions.map(\.id))
        let scalars = Array(text.unicodeScalars)
        #expect(a.document.characters == scalars.count)
        for f in a.provisions {
            for e in f.evidence {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[e.start..<e.end])
                #expect(String(v) == e.quote)
            }
        }
        let e = try #require(a.finding("secondary_use_restriction")?.evidence.first)
        #expect(e.quote == "The Supplier will not use Customer Data to train models.")
    }
}
