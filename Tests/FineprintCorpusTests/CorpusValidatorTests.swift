import FineprintCore
import FineprintCorpus
import FineprintTestSupport
import Foundation
import Testing

/// A tiny corpus written to a temporary folder, which each test breaks in one way.
struct CorpusFixture {
    var files: [String: String] = [
        "taxonomy.yaml": """
        schema: fineprint.taxonomy/1
        dimensions:
          - { id: data, name: Data, summary: Buyer data. }
        provisions:
          - { id: secondary_use_restriction, dimension: data, name: No secondary use, meaning: m, strong: s, weak: w }
          - { id: unilateral_change, dimension: data, name: Unilateral change, meaning: m, strong: s, weak: w, polarity: hazard }
        """,
        "rules/data.yaml": """
        schema: fineprint.rules/1
        rules:
          - provision: secondary_use_restriction
            cues:
              - { id: a, pattern: "use ... customer data ... train*", when: negated }
          - provision: unilateral_change
            cues:
              - { id: a, pattern: "may modify ... terms" }
        """,
        "kill-list.yaml": """
        schema: fineprint.kill-list/1
        moves:
          - id: trains
            name: Trains
            summary: s
            mechanism: m
            severity: high
            reveals: [secondary_use_restriction]
            mitigation: no_training
            triggers:
              - { pattern: "use ... customer data ... train*", when: affirmed }
        """,
        "clauses/data.yaml": """
        schema: fineprint.clauses/1
        clauses:
          - { id: no_training, title: No training, provides: [secondary_use_restriction], mitigates: [trains], text: "[Supplier] shall not train." }
          - { id: changes, title: Changes, counters: [unilateral_change], text: "Changes by amendment only." }
        """,
        "playbooks/tier1.yaml": """
        schema: fineprint.playbook/1
        id: tier1
        name: Tier 1
        description: d
        requirements:
          - { provision: secondary_use_restriction, level: required, weight: 3 }
          - { provision: unilateral_change, level: must_be_absent }
        """,
        "lexicon/parties.yaml": "schema: fineprint.parties/1\nsupplier: [supplier]\nbuyer: [customer]\n",
        "lexicon/jurisdictions.yaml": """
        schema: fineprint.jurisdictions/1
        jurisdictions:
          - { name: Ireland, country: Ireland, aliases: [ireland] }
        """,
        "lexicon/forums.yaml": "schema: fineprint.forums/1\ninstitutions: []\ncities: []\n",
    ]

    func write() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func problems() throws -> [String] {
        let corpus = try CorpusLoader.load(from: try write())
        return CorpusValidator.validate(corpus).map(\.description)
    }

    func loadError() throws -> CorpusError? {
        do {
            _ = try CorpusLoader.load(from: try write())
            return nil
        } catch let error as CorpusError {
            return error
        }
    }

    mutating func replace(_ file: String, _ old: String, _ new: String) {
        files[file] = files[file]!.replacingOccurrences(of: old, with: new)
    }
}

@Suite struct CorpusValidatorTests {
    @Test func theFixtureIsValid() throws {
        #expect(try CorpusFixture().problems() == [])
    }

    @Test func wrongSchemaIsNamed() throws {
        var f = CorpusFixture()
        f.replace("rules/data.yaml", "fineprint.rules/1", "fineprint.rules/9")
        let error = try #require(try f.loadError())
        #expect(error.file == "rules/data.yaml")
        #expect(error.message.contains("fineprint.rules/1"))
    }

    @Test func yamlSyntaxErrorIsLocated() throws {
        var f = CorpusFixture()
        f.files["clauses/data.yaml"] = "schema: fineprint.clauses/1\nclauses:\n  - { id: x, title: [unclosed\n"
        let error = try #require(try f.loadError())
        #expect(error.file == "clauses/data.yaml")
    }

    @Test func missingKeyIsLocated() throws {
        var f = CorpusFixture()
        f.replace("kill-list.yaml", "    mechanism: m\n", "")
        let error = try #require(try f.loadError())
        #expect(error.message.contains("mechanism"))
    }

    @Test func missingFileIsNamed() throws {
        var f = CorpusFixture()
        f.files["lexicon/parties.yaml"] = nil
        #expect(try f.loadError()?.file == "lexicon/parties.yaml")
    }

    @Test func unknownReferencesAreReported() throws {
        var f = CorpusFixture()
        f.replace("kill-list.yaml", "mitigation: no_training", "mitigation: nowhere")
        f.replace("kill-list.yaml", "reveals: [secondary_use_restriction]", "reveals: [data_teleportation]")
        f.replace("playbooks/tier1.yaml", "provision: secondary_use_restriction", "provision: secondary_use")
        let problems = try f.problems()
        #expect(problems.contains { $0.contains("unknown mitigation clause 'nowhere'") })
        #expect(problems.contains { $0.contains("unknown provision 'data_teleportation'") })
        #expect(problems.contains { $0.contains("unknown provision 'secondary_use'") })
    }

    @Test func duplicatesAreReported() throws {
        var f = CorpusFixture()
        f.replace("clauses/data.yaml", "id: changes", "id: no_training")
        f.replace(
            "rules/data.yaml",
            "- { id: a, pattern: \"may modify ... terms\" }",
            "- { id: a, pattern: \"may modify ... terms\" }\n      - { id: a, pattern: \"may change ... terms\" }"
        )
        let problems = try f.problems()
        #expect(problems.contains { $0.contains("clause 'no_training' is defined twice") })
        #expect(problems.contains { $0.contains("repeats cue id 'a'") })
    }

    @Test func provisionWithoutRuleOrClauseIsReported() throws {
        var f = CorpusFixture()
        f.replace(
            "rules/data.yaml",
            "  - provision: unilateral_change\n    cues:\n      - { id: a, pattern: \"may modify ... terms\" }",
            ""
        )
        f.replace("clauses/data.yaml", "counters: [unilateral_change]", "counters: []")
        let problems = try f.problems()
        #expect(problems.contains { $0.contains("'unilateral_change' has no detection rule") })
        #expect(problems.contains { $0.contains("no model clause provides or counters 'unilateral_change'") })
        #expect(problems.contains { $0.contains("neither provides nor counters") })
    }

    @Test func levelsMustFitPolarity() throws {
        var f = CorpusFixture()
        f.replace("playbooks/tier1.yaml", "level: required, weight: 3", "level: must_be_absent")
        f.replace(
            "playbooks/tier1.yaml",
            "provision: unilateral_change, level: must_be_absent",
            "provision: unilateral_change, level: required"
        )
        let problems = try f.problems()
        #expect(problems.contains { $0.contains("must_be_absent is for hazards") })
        #expect(problems.contains { $0.contains("is a hazard; use must_be_absent") })
    }

    @Test func badWeightsAndAmbiguousLexiconsAreReported() throws {
        var f = CorpusFixture()
        f.replace("rules/data.yaml", "when: negated }", "when: negated, weight: 1.5 }")
        f.replace("lexicon/parties.yaml", "buyer: [customer]", "buyer: [customer, supplier]")
        let problems = try f.problems()
        #expect(problems.contains { $0.contains("weight 1.5") })
        #expect(problems.contains { $0.contains("'supplier' names both parties") })
    }

    @Test func ownedHeadsWithoutAnOwnerAreReported() throws {
        var corpus = try BundledCorpus.corpus.get()
        #expect(CorpusValidator.validate(corpus).isEmpty)
        let english = try #require(corpus.reading.firstIndex { $0.language == "en" })
        let buyerData = try #require(corpus.reading[english].termClasses.firstIndex { $0.name == "buyer_data" })
        #expect(!corpus.reading[english].termClasses[buyerData].ownedHeads.isEmpty)
        corpus.reading[english].termClasses[buyerData].owner = nil
        let problems = CorpusValidator.validate(corpus).map(\.message)
        #expect(problems.contains { $0.contains("'buyer_data' has owned_heads but no owner") })
    }

    @Test func aMakerWithoutVerbsOrActorsIsReported() throws {
        var corpus = try BundledCorpus.corpus.get()
        let english = try #require(corpus.reading.firstIndex { $0.language == "en" })
        let classes = corpus.reading[english].termClasses
        let buyerData = try #require(classes.firstIndex { $0.name == "buyer_data" })
        let outputs = try #require(classes.firstIndex { $0.name == "outputs" })
        #expect(classes[buyerData].madeBy != nil && classes[outputs].madeBy != nil)
        corpus.reading[english].termClasses[buyerData].madeBy?.verbs = []
        corpus.reading[english].termClasses[outputs].madeBy?.actors.append("the model")
        let problems = CorpusValidator.validate(corpus).map(\.message)
        #expect(problems.contains { $0.contains("'buyer_data' made_by: no verbs") })
        #expect(problems.contains { $0.contains("'outputs' made_by: not single lower-case words: the model") })
    }

    @Test func aReadingLexiconsClauseGrammarIsChecked() throws {
        var corpus = try BundledCorpus.corpus.get()
        let french = try #require(corpus.reading.firstIndex { $0.language == "fr" })
        corpus.reading[french].clauseGrammar?.voidNegations.append("ou")
        corpus.reading[french].clauseGrammar?.subjectVerbs.insert("Doit")
        var problems = CorpusValidator.validate(corpus).map(\.message)
        #expect(problems.contains { $0.contains("phrase 'ou' is not two words") })
        #expect(problems.contains { $0.contains("word 'Doit' is not one lower-case word") })
        corpus.reading[french].clauseGrammar?.negators = []
        problems = CorpusValidator.validate(corpus).map(\.message)
        #expect(problems.contains { $0.contains("clause_grammar has no negators") })
        corpus.reading[french].clauseGrammar = nil
        #expect(
            CorpusValidator.validate(corpus).contains {
                $0.file.hasSuffix("fr.yaml") && $0.message.contains("has no clause_grammar")
            }
        )
    }

    @Test func aReadingLexiconsValueWordsAreChecked() throws {
        var corpus = try BundledCorpus.corpus.get()
        let french = try #require(corpus.reading.firstIndex { $0.language == "fr" })
        corpus.reading[french].valueWords?.durationUnits["fortnights"] = ["quinzaine"]
        corpus.reading[french].valueWords?.durationUnits["weeks"] = []
        corpus.reading[french].valueWords?.currencyWords["euros"] = "euro"
        var problems = CorpusValidator.validate(corpus).map(\.message)
        #expect(problems.contains { $0.contains("duration_units 'fortnights' is not one of") })
        #expect(problems.contains { $0.contains("duration_units has no words for 'weeks'") })
        #expect(problems.contains { $0.contains("currency 'euros': 'euro' is not a three-letter code") })
        corpus.reading[french].valueWords = nil
        problems = CorpusValidator.validate(corpus).map(\.message)
        #expect(problems.contains { $0.contains("has no value_words") })
    }

    @Test func locatorRejectsAFolderWithoutTaxonomy() throws {
        #expect(throws: CorpusError.self) {
            try CorpusLocator.locate(explicit: FileManager.default.temporaryDirectory.path)
        }
        let dir = try CorpusFixture().write()
        #expect(try CorpusLocator.locate(explicit: dir.path).standardizedFileURL.path == dir.standardizedFileURL.path)
        #expect(
            try CorpusLocator.locate(environment: ["FINEPRINT_CORPUS": dir.path]).standardizedFileURL.path
                == dir.standardizedFileURL.path
        )
    }
}

@Suite struct BundledCorpusTests {
    static let root = RepositoryPaths.root

    /// The 40 provision ids of spec/taxonomy.md, in order.
    static let specIds = """
        data_ownership ip_assignment secondary_use_restriction data_residency subprocessor_control government_access
        data_deletion update_governance unilateral_change model_documentation audit_rights independent_testing logging
        performance_reporting termination_for_convenience exit_assistance data_portability escrow renewal_term
        renewal_notice exclusivity minimum_commitment governing_law dispute_forum liability_cap uncapped_liability
        indemnity change_of_control assignment_restriction insurance warranty_duration breach_notification
        incident_reporting security_standards encryption_key_control service_levels suspension_right explainability
        human_oversight acceptable_use_binding
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    @Test func bundledCorpusIsValidAndComplete() throws {
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        #expect(CorpusValidator.validate(corpus).map(\.description) == [])
        #expect(corpus.taxonomy.provisions.map(\.id) == Self.specIds)
        #expect(
            Set(corpus.taxonomy.dimensions.map(\.id)) == [
                "data", "models", "assurance", "exit", "jurisdiction", "security", "oversight",
            ]
        )
        #expect(corpus.moves.count >= 15)
        #expect(Set(corpus.playbooks.map(\.id)).isSuperset(of: ["tier1", "tier2", "tier3"]))
        // Sixteen provisions are evaluated against CUAD categories.
        #expect(corpus.taxonomy.provisions.compactMap(\.cuad).count == 16)
    }
}
