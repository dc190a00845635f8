import FineprintCore

/// Pieces of the small corpora that tests write for themselves (so that they do not depend on the
/// bundled rules): the provisions, rules and moves several of them share, with placeholder prose.
public enum SmallCorpusParts {
    /// A corpus of these provisions and rules alone, with one playbook and "supplier" and "customer" as the
    /// parties' words.
    public static func corpus(taxonomy: Taxonomy, rules: [DetectionRule], playbook: Playbook) -> Corpus {
        var corpus = Corpus(
            taxonomy: taxonomy,
            rules: rules,
            moves: [],
            clauses: [],
            playbooks: [playbook],
            parties: PartyLexicon(supplier: ["supplier"], buyer: ["customer"]),
            jurisdictions: [],
            forums: ForumLexicon(institutions: [], cities: [])
        )
        corpus.reading = [grammarOnly]
        return corpus
    }

    /// A reading lexicon with the bundled English clause grammar and no other words: small corpora read negation
    /// and the acting party as the analyzer does, without the bundled lexicon's party and defined-term reading.
    public static let grammarOnly = ReadingLexicon(
        language: "en",
        supplierRoles: [],
        buyerRoles: [],
        firstPerson: [],
        secondPerson: [],
        definitionMarkers: [],
        aliasMarkers: [],
        partyListMarkers: [],
        partyJoiners: [],
        groupWords: [],
        documentWords: [],
        companyForms: [],
        termClasses: [],
        clauseGrammar: bundledEnglish?.clauseGrammar,
        valueWords: bundledEnglish?.valueWords
    )

    static var bundledEnglish: ReadingLexicon? {
        (try? BundledCorpus.corpus.get())?.reading.first { $0.language == "en" }
    }

    /// A provision whose meaning and strong/weak descriptions are placeholders.
    public static func provision(
        _ id: String,
        in dimension: String,
        named name: String,
        value: ValueKind? = nil,
        polarity: ProvisionPolarity = .protection
    ) -> Provision {
        Provision(
            id: id,
            dimension: dimension,
            name: name,
            meaning: "m",
            strong: "s",
            weak: "w",
            polarity: polarity,
            value: value
        )
    }

    public static let noSecondaryUse = provision("secondary_use_restriction", in: "data", named: "No secondary use")
    public static let breachNotice = provision(
        "breach_notification",
        in: "data",
        named: "Breach notice",
        value: .duration
    )
    public static let terminationForConvenience = provision(
        "termination_for_convenience",
        in: "exit",
        named: "Termination for convenience"
    )
    public static let unilateralChange = provision(
        "unilateral_change",
        in: "exit",
        named: "Unilateral change",
        polarity: .hazard
    )

    /// "The supplier will not use customer data to train" is strong; "may use it to train" contradicts.
    public static let noSecondaryUseRule = DetectionRule(
        provision: "secondary_use_restriction",
        cues: [
            Cue(
                id: "no-train",
                pattern: trainingOnData,
                weight: 0.9,
                when: .negated,
                party: .supplier,
                strength: .strong
            ),
            Cue(
                id: "may-train",
                pattern: trainingOnData,
                weight: 0.8,
                when: .affirmed,
                party: .supplier,
                effect: .contradicts
            ),
        ]
    )

    /// Notice of a breach, strong within 72 hours, adequate within 7 days.
    public static let breachNoticeRule = DetectionRule(
        provision: "breach_notification",
        cues: [Cue(pattern: "notify ... breach", weight: 0.9)],
        valueStrength: [
            ValueThreshold(atMost: "72 hours", strength: .strong),
            ValueThreshold(atMost: "7 days", strength: .adequate),
            ValueThreshold(atMost: nil, strength: .weak),
        ]
    )

    /// Strong when the buyer may terminate for convenience, weak when only the supplier may.
    public static let terminationForConvenienceRule = DetectionRule(
        provision: "termination_for_convenience",
        cues: [
            Cue(pattern: "terminate ... for convenience", weight: 0.9, party: .buyer, strength: .strong),
            Cue(pattern: "terminate ... for convenience", weight: 0.9, party: .supplier, strength: .weak),
        ]
    )

    public static let unilateralChangeRule = DetectionRule(
        provision: "unilateral_change",
        cues: [Cue(pattern: "may modify ... terms", weight: 0.9, party: .supplier)]
    )

    /// The supplier says it uses customer data or content to train or improve.
    public static let trainsOnData = KillListMove(
        id: "trains_on_data",
        name: "Trains on data",
        summary: "s",
        mechanism: "m",
        severity: .high,
        reveals: ["secondary_use_restriction"],
        mitigation: "no_training",
        triggers: [MoveTrigger(pattern: trainingOnData, when: .affirmed, party: .supplier, weight: 0.9)]
    )

    public static let noTrainingClause = ModelClause(
        id: "no_training",
        title: "No training",
        provides: ["secondary_use_restriction"],
        text: "t"
    )
    public static let changeClause = ModelClause(
        id: "change_clause",
        title: "Changes",
        provides: [],
        counters: ["unilateral_change"],
        text: "t"
    )

    private static let trainingOnData = "use ... customer data|content ... train*|improv*"
}
