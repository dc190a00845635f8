import Dispatch
import FineprintCore
import FineprintLearn
import FineprintReading
import FineprintText

/// The analysis engine: an extracted document in, findings against a playbook out. Pure: no files,
/// no storage, no network. Build one per corpus and share it; `analyze` is safe to call concurrently.
public struct Analyzer: Sendable {
    public let corpus: Corpus
    let compiled: CompiledRules
    let context: ClauseContext
    /// Reads each document's parties and defined terms before the rules run.
    public let reader: ContractReader
    let values: ValueExtractor
    /// Provision id → index of its rule in `corpus.rules`.
    let ruleIndex: [String: Int]
    /// Provision id → its `value_strength` periods read once, in order: a period's hours (nil: no limit) and the
    /// strength a stated period within it earns. Periods the vocabulary cannot read are left out, as they never match.
    let periodStrengths: [String: [(hours: Double?, strength: Strength)]]
    /// The learned sentence classifier combined with the rules for the provisions it knows; nil: rules only.
    public let classifier: SegmentClassifier?

    /// Confidence at or above which a provision is present and a move found.
    public static let threshold = 0.5
    /// Confidence reported for a provision with no evidence at all.
    static let floorConfidence = 0.01
    /// A cue whose party could not be told counts at this share of its weight.
    static let unknownPartyFactor = 0.7

    public init(corpus: Corpus, model: LearnedModel? = nil) throws {
        self.corpus = corpus
        classifier = model.map(SegmentClassifier.init)
        compiled = try CompiledRules(rules: corpus.rules, moves: corpus.moves)
        context = ClauseContext(lexicon: corpus.parties, reading: corpus.reading)
        reader = ContractReader(lexicons: corpus.reading)
        values = ValueExtractor(jurisdictions: corpus.jurisdictions, forums: corpus.forums, reading: corpus.reading)
        ruleIndex = Dictionary(corpus.rules.enumerated().map { ($1.provision, $0) }, uniquingKeysWith: { a, _ in a })
        periodStrengths = Self.periodStrengths(corpus.rules, values.defaultVocabulary)
    }

    private static func periodStrengths(
        _ rules: [DetectionRule],
        _ vocabulary: ValueVocabulary
    ) -> [String: [(hours: Double?, strength: Strength)]] {
        var out: [String: [(hours: Double?, strength: Strength)]] = [:]
        for rule in rules where out[rule.provision] == nil {
            out[rule.provision] = rule.valueStrength.compactMap { threshold in
                guard let text = threshold.atMost else { return (nil, threshold.strength) }
                return vocabulary.duration(text).map { ($0.inHours, threshold.strength) }
            }
        }
        return out
    }

    /// The learned classifier's scores for one document, and whether the domain gate keeps gated categories off it.
    struct ModelScores {
        var logits: [[Float]]
        var documentLogits: [Float]
        var outOfDomain: Bool
    }

    /// A cue or trigger pattern matched in a sentence, with what the grammar around it said.
    struct Hit {
        var entry: Int
        var sentence: Int
        var match: Pattern.Match
        var partyKnown: Bool
    }

    public func analyze(_ document: ExtractedDocument, playbook: Playbook) -> Analysis {
        let started = DispatchTime.now().uptimeNanoseconds
        let prepared = PreparedDocument(document)
        let reading = reader.read(scalars: prepared.scalars, tokens: prepared.tokens)
        let steps = stepData(prepared, reading: reading)
        let hits = findHits(in: prepared, reading: reading, steps: steps)
        var hitsByOwner: [CompiledRules.Owner: [Hit]] = [:]
        for hit in hits { hitsByOwner[compiled.entries[hit.entry].owner, default: []].append(hit) }
        let (model, modelUse) = modelScores(prepared, reading: reading)
        let findings = corpus.taxonomy.provisions.map { provision in
            guard let r = ruleIndex[provision.id] else {
                return ProvisionFinding(
                    id: provision.id,
                    dimension: provision.dimension,
                    status: .absent,
                    confidence: Self.floorConfidence,
                    strength: nil,
                    value: nil,
                    evidence: []
                )
            }
            return finding(
                for: provision,
                rule: r,
                hitsByOwner: hitsByOwner,
                in: prepared,
                reading: reading,
                steps: steps,
                model: model
            )
        }
        let moves = findMoves(findings, hitsByOwner, in: prepared, language: reading.language, playbook: playbook)
        let scored = Scorer(corpus: corpus, playbook: playbook).score(findings: findings, moves: moves)
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        return Analysis(
            document: DocumentSummary(
                name: document.name,
                sha256: document.sha256,
                format: document.format,
                characters: prepared.scalars.count,
                ocrPages: document.ocrPages.isEmpty ? nil : document.ocrPages
            ),
            profile: playbook.id,
            provisions: findings,
            killListMoves: moves,
            dimensions: scored.dimensions,
            gaps: scored.gaps,
            score: scored.score,
            timings: Timings(milliseconds: elapsed),
            homeJurisdictions: playbook.homeJurisdictions.isEmpty ? nil : playbook.homeJurisdictions,
            learnedModel: modelUse,
            coverage: scored.coverage,
            scoreBreakdown: scored.breakdown
        )
    }

    // MARK: the learned component

    /// Sentence logits of the learned classifier, [category][sentence], computed once for all provisions, and
    /// how the model was used. The domain gate may keep the model off a document unlike its training contracts;
    /// categories whose scope is not `inDomain` are applied even where the gate says out of domain.
    private func modelScores(
        _ prepared: PreparedDocument,
        reading: DocumentReading
    ) -> (ModelScores?, LearnedModelUse?) {
        let features =
            classifier == nil ? [] : segmentFeatures(prepared, tokens: featureTokens(prepared.tokens, reading: reading))
        let documentScores = classifier?.documentScores(features)
        let modelUse: LearnedModelUse? = documentScores.map { scores in
            guard scores.outOfDomain else { return .applied }
            return classifier?.hasUngatedCategories == true ? .outOfDomainAdding : .outOfDomain
        }
        let modelScored = modelUse == .applied || modelUse == .outOfDomainAdding
        guard modelScored, let logits = classifier?.logits(features) else { return (nil, modelUse) }
        let scores = ModelScores(
            logits: logits,
            documentLogits: documentScores?.logits ?? [],
            outOfDomain: modelUse != .applied
        )
        return (scores, modelUse)
    }

    /// Each sentence's features for the classifier: its words (`featureTokens`), the heading it stands under and
    /// its neighbours.
    private func segmentFeatures(_ doc: PreparedDocument, tokens: [Token]) -> [[UInt64]] {
        doc.sentences.indices.map { s in
            SegmentFeatures.hashes(
                tokens: tokens,
                range: doc.sentences[s].tokens,
                heading: doc.sentences[s].heading,
                neighbours: neighbours(of: s, in: doc)
            )
        }
    }

    /// The tokens the classifier reads: a word of a party's name stands as the party's role (or as a party, when
    /// the reading could not tell its role), so that the learned model, like the rules, does not depend on what
    /// the parties are called. Role words ("Licensee") and pronouns keep their own text: they say what kind of
    /// contract it is.
    private func featureTokens(_ tokens: [Token], reading: DocumentReading) -> [Token] {
        let names = reading.nameWords.filter { context.parties[$0.key] == nil }
        guard !names.isEmpty else { return tokens }
        return tokens.map { token in
            guard let role = names[token.text] else { return token }
            var renamed = token
            renamed.text = role == .supplier ? "_supplier_" : role == .buyer ? "_buyer_" : "_party_"
            return renamed
        }
    }

    private func neighbours(of s: Int, in doc: PreparedDocument) -> SegmentFeatures.Neighbours {
        SegmentFeatures.Neighbours(
            previous: s > 0 ? doc.sentences[s - 1].tokens : nil,
            next: s + 1 < doc.sentences.count ? doc.sentences[s + 1].tokens : nil
        )
    }

    /// What training needs from a document: its sentences with their features (and, when `names`, the
    /// features' names), and the rules' confidence and supporting sentences for every provision with a rule.
    public func learningDocument(_ document: ExtractedDocument, names: Bool) -> (LearningDocument, [UInt64: String]) {
        let prepared = PreparedDocument(document)
        let reading = reader.read(scalars: prepared.scalars, tokens: prepared.tokens)
        var hitsByOwner: [CompiledRules.Owner: [Hit]] = [:]
        for hit in findHits(in: prepared, reading: reading, steps: stepData(prepared, reading: reading)) {
            hitsByOwner[compiled.entries[hit.entry].owner, default: []].append(hit)
        }
        let tokens = featureTokens(prepared.tokens, reading: reading)
        let features = segmentFeatures(prepared, tokens: tokens)
        let segments = zip(prepared.sentences, features).map { LearningDocument.Segment(span: $0.span, features: $1) }
        var rules: [String: RuleSignal] = [:]
        for (id, r) in ruleIndex {
            let (support, _, confidence) = ruleSupport(rule: r, hitsByOwner: hitsByOwner, in: prepared)
            rules[id] = RuleSignal(
                confidence: confidence,
                support: Dictionary(support.map { ($0.hit.sentence, $0.weight) }, uniquingKeysWith: max)
            )
        }
        var table: [UInt64: String] = [:]
        if names {
            for (s, sentence) in prepared.sentences.enumerated() {
                for (h, name) in SegmentFeatures.names(
                    tokens: tokens,
                    range: sentence.tokens,
                    heading: sentence.heading,
                    neighbours: neighbours(of: s, in: prepared)
                ) {
                    table[h] = name
                }
            }
        }
        return (LearningDocument(name: document.name, segments: segments, rules: rules), table)
    }

    // MARK: matching

    private func findHits(in doc: PreparedDocument, reading: DocumentReading, steps data: DocumentStepData) -> [Hit] {
        var hits: [Hit] = []
        var seen = [Int](repeating: -1, count: compiled.entries.count)
        var candidates: [Int] = []
        // Each ClassTest reads `data` through pointers, without retaining it.
        withExtendedLifetime(data) {
            for (s, sentence) in doc.sentences.enumerated() where !sentence.tokens.isEmpty {
                candidates.removeAll(keepingCapacity: true)
                for t in sentence.tokens {
                    guard let list = compiled.anchored[doc.tokens[t].text] else { continue }
                    for e in list where seen[e] != s {
                        seen[e] = s
                        candidates.append(e)
                    }
                }
                candidates.append(contentsOf: compiled.unanchored)
                for e in candidates {
                    let test = data.test(firstStep: compiled.entries[e].firstStep)
                    for match in compiled.entries[e].pattern.matches(
                        in: doc.tokens,
                        test: test,
                        from: sentence.tokens.lowerBound,
                        to: sentence.tokens.upperBound
                    ) {
                        if let hit = accept(entry: e, match: match, sentence: s, in: doc, reading: reading) {
                            hits.append(hit)
                            break
                        }
                    }
                }
            }
        }
        return hits
    }

    /// What the cue patterns' steps read in a document: its token classes and defined terms.
    private func stepData(_ doc: PreparedDocument, reading: DocumentReading) -> DocumentStepData {
        DocumentStepData(
            steps: compiled.steps,
            classes: TokenClasses(tokens: doc.tokens, table: compiled.alternatives, names: reading.properNameWords),
            terms: DocumentTerms(
                tokens: doc.tokens,
                reading: reading,
                context: context,
                classBits: compiled.alternatives.classBits
            )
        )
    }

    /// Checks a match against its entry's `when`, `party` and `unless`.
    func accept(
        entry e: Int,
        match: Pattern.Match,
        sentence s: Int,
        in doc: PreparedDocument,
        reading: DocumentReading
    ) -> Hit? {
        let entry = compiled.entries[e]
        let start = doc.sentences[s].tokens.lowerBound
        let end = doc.sentences[s].tokens.upperBound
        if entry.unless.contains(where: { $0.firstMatch(in: doc.tokens, from: start, to: end) != nil }) {
            return nil
        }
        // The words before a colon inside the sentence ("shall not: (i) …; (ii) …"), else the list's lead-in.
        let inline = doc.sentences[s].colonBreaks.last { $0 <= match.first }.map { start..<$0 }
        let leadIn = inline ?? doc.sentences[s].leadIn
        let grammar = context.grammar(for: reading.language)
        if entry.when != .any {
            let negated =
                context.isNegated(doc.tokens, sentenceStart: start, match: match, grammar)
                || leadIn.map { context.leadInNegates(doc.tokens, leadIn: $0, grammar) } ?? false
            if negated != (entry.when == .negated) { return nil }
        }
        var partyKnown = true
        if entry.party != .any {
            switch context.party(
                doc.tokens,
                sentenceStart: start,
                match: match,
                reading: reading,
                leadIn: leadIn,
                heading: doc.sentences[s].heading,
                grammar
            ) {
            case .none: partyKnown = false
            case .some(.any): break
            case .some(let p) where p == entry.party: break
            default: return nil
            }
        }
        return Hit(entry: e, sentence: s, match: match, partyKnown: partyKnown)
    }

    func headingMatches(rule r: Int, sentence: PreparedDocument.Sentence, in doc: PreparedDocument) -> Bool {
        guard let heading = sentence.heading, !compiled.headings[r].isEmpty else { return false }
        return compiled.headings[r].contains {
            $0.firstMatch(in: doc.tokens, from: heading.lowerBound, to: heading.upperBound) != nil
        }
    }

    // MARK: provisions

    /// The rules' support for a provision: supporting and undercutting hits (strongest per sentence) and the
    /// confidence they give.
    private func ruleSupport(
        rule r: Int,
        hitsByOwner: [CompiledRules.Owner: [Hit]],
        in doc: PreparedDocument
    )
        -> (
            support: [(hit: Hit, weight: Double, cue: Cue)], against: [(hit: Hit, weight: Double, cue: Cue)],
            confidence: Double
        )
    {
        let rule = corpus.rules[r]
        var support: [(hit: Hit, weight: Double, cue: Cue)] = []
        var against: [(hit: Hit, weight: Double, cue: Cue)] = []
        for (c, cue) in rule.cues.enumerated() {
            for hit in hitsByOwner[.cue(rule: r, cue: c)] ?? [] {
                var w = cue.weight * (hit.partyKnown ? 1 : Self.unknownPartyFactor)
                if headingMatches(rule: r, sentence: doc.sentences[hit.sentence], in: doc) { w += (1 - w) / 2 }
                if cue.effect == .supports { support.append((hit, w, cue)) } else { against.append((hit, w, cue)) }
            }
        }
        // One sentence supports a provision once, with its strongest cue.
        support = strongestPerSentence(support)
        against = strongestPerSentence(against)
        var confidence = 1 - support.reduce(1.0) { $0 * (1 - $1.weight) }
        // The strongest undercutting wording weakens the support once: a carve-out restated in a
        // summary, a definition and a survival list is still one carve-out, and a promise narrowed by
        // exceptions stays a (weak) promise.
        if let strongest = against.map(\.weight).max() { confidence *= 1 - strongest / 2 }
        if support.isEmpty { confidence = Self.floorConfidence }
        confidence = min(max(confidence, Self.floorConfidence), 0.999)
        return (support, against, confidence)
    }

    /// A cue's hit with the weight it lends a provision.
    typealias WeightedHit = (hit: Hit, weight: Double, cue: Cue)

    /// A provision's finding: the rules' support, the model's decision where it has a say, then the value
    /// named, the strength and the evidence shown.
    private func finding(
        for provision: Provision,
        rule r: Int,
        hitsByOwner: [CompiledRules.Owner: [Hit]],
        in doc: PreparedDocument,
        reading: DocumentReading,
        steps: DocumentStepData,
        model: ModelScores?
    ) -> ProvisionFinding {
        let (support, against, ruleConfidence) = ruleSupport(rule: r, hitsByOwner: hitsByOwner, in: doc)
        var confidence = ruleConfidence
        var present = confidence >= Self.threshold
        let decision = modelDecision(
            provision.id,
            rule: r,
            rules: (support, against, ruleConfidence),
            in: doc,
            reading: reading,
            steps: steps,
            model: model
        )
        if let d = decision {
            present = d.present
            confidence = Self.statusConfidence(d)
        }
        let stated = provision.value.flatMap {
            statedValue($0, support: support, decision: decision, in: doc, language: reading.language)
        }
        let strength =
            present
            ? strengthWhenPresent(
                of: provision,
                rule: corpus.rules[r],
                support: support,
                against: against,
                stated: stated?.value
            )
            : nil
        var evidence = findingEvidence(
            present: present,
            support: support,
            against: against,
            decision: decision,
            in: doc
        )
        // A value's evidence is the sentence that names it: shown first (the forum before a clause that
        // only mentions disputes).
        if present, let valueSpan = stated?.span, let i = evidence.firstIndex(where: { $0.span == valueSpan }), i > 0 {
            evidence.insert(evidence.remove(at: i), at: 0)
        }
        return ProvisionFinding(
            id: provision.id,
            dimension: provision.dimension,
            status: present ? .present : .absent,
            confidence: Self.rounded(confidence),
            strength: strength,
            value: present ? stated?.value.text : nil,
            evidence: evidence
        )
    }

    /// The decision's confidence kept on the right side of 0.5 after rounding, so status and confidence never
    /// disagree.
    private static func statusConfidence(_ d: ProvisionDecision) -> Double {
        d.present ? min(max(d.confidence, threshold), 0.999) : min(max(d.confidence, floorConfidence), 0.499)
    }

    /// The model's decision on a provision where it has a say, replacing the rules' own (docs/evaluation.md); a
    /// category that only adds is asked only where the rules did not find the provision, and none is returned
    /// where an added category would add what the rules did not see (`confirmsRules`).
    private func modelDecision(
        _ provision: String,
        rule r: Int,
        rules: (support: [WeightedHit], against: [WeightedHit], confidence: Double),
        in doc: PreparedDocument,
        reading: DocumentReading,
        steps: DocumentStepData,
        model: ModelScores?
    ) -> ProvisionDecision? {
        let rulesFound = rules.confidence >= Self.threshold
        guard let model, let (c, category) = modelCategory(provision, model: model, rulesFound: rulesFound) else {
            return nil
        }
        let signal = RuleSignal(
            confidence: rules.confidence,
            support: Dictionary(rules.support.map { ($0.hit.sentence, $0.weight) }, uniquingKeysWith: max)
        )
        let d = category.decide(rule: signal, logits: model.logits[c], documentLogit: model.documentLogits[c])
        let unconfirmed =
            category.needsRuleSupport && d.present
            && !confirmsRules(
                d,
                rule: r,
                support: rules.support,
                against: rules.against,
                in: doc,
                reading: reading,
                steps: steps
            )
        return unconfirmed ? nil : d
    }

    /// The value a provision names (a law, a forum, a period) and the sentence that names it: the rules'
    /// sentences first, strongest first, then those the model chose, each from its start when no cue matched.
    private func statedValue(
        _ kind: ValueKind,
        support: [WeightedHit],
        decision: ProvisionDecision?,
        in doc: PreparedDocument,
        language: String
    ) -> (value: ValueExtractor.Value, span: TextSpan)? {
        let ranked = support.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.hit.sentence < $1.hit.sentence
        }
        let starts =
            ranked.map { ($0.hit.sentence, $0.hit.match.first) }
            + (decision?.evidence ?? []).filter { !$0.fromRules }.map {
                ($0.segment, doc.sentences[$0.segment].tokens.lowerBound)
            }
        for (s, start) in starts {
            let sentence = doc.sentences[s]
            if let v = values.value(
                kind,
                in: doc.tokens,
                sentence: sentence.tokens,
                matchStart: start,
                scalars: doc.scalars,
                language: language
            ) {
                return (v, sentence.span)
            }
        }
        return nil
    }

    /// The strength of a present provision: the strongest stated by its cues (or the polarity's default),
    /// capped by what its value's duration allows, one level lower where other wording undercuts it.
    private func strengthWhenPresent(
        of provision: Provision,
        rule: DetectionRule,
        support: [WeightedHit],
        against: [WeightedHit],
        stated value: ValueExtractor.Value?
    ) -> Strength {
        let stated = support.compactMap(\.cue.strength).max()
        var s = stated ?? (provision.polarity == .hazard ? .weak : .adequate)
        if let duration = value?.duration, let byValue = strength(for: duration, provision: rule.provision) {
            s = stated.map { min($0, byValue) } ?? byValue
        }
        // Undercutting wording elsewhere in the document costs one level of strength.
        if !against.isEmpty && provision.polarity == .protection { s = s.lowered }
        return s
    }

    /// The sentences shown for a provision: the model's chosen ones (marked rules or model) when it found the
    /// provision; otherwise the supporting sentences when present, the undercutting ones when absent.
    private func findingEvidence(
        present: Bool,
        support: [WeightedHit],
        against: [WeightedHit],
        decision: ProvisionDecision?,
        in doc: PreparedDocument
    ) -> [Evidence] {
        guard let decision, decision.present else {
            // Absent: the undercutting sentences, if any, are the explanation (with or without a model).
            let shown = present ? Self.strongest(support) : against.map(\.hit)
            return doc.evidence(sentences: Self.sentences(of: shown))
        }
        var evidence = doc.evidence(sentences: decision.evidence.map(\.segment))
        for (i, item) in evidence.enumerated() {
            let chosen = decision.evidence.first { doc.sentences[$0.segment].span == item.focus }
            evidence[i].source = chosen.map { $0.fromRules ? .rules : .model }
        }
        return evidence
    }

    /// The model's category for a provision when it has a say here: not kept off by the domain gate, and not an
    /// adding-only category where the rules already found the provision.
    private func modelCategory(
        _ provision: String,
        model: ModelScores,
        rulesFound: Bool
    ) -> (Int, LearnedModel.Category)? {
        guard let classifier, let c = classifier.category(provision) else { return nil }
        let category = classifier.model.categories[c]
        guard category.scope.applies(outOfDomain: model.outOfDomain) else { return nil }
        if category.addsOnly && rulesFound { return nil }
        return (c, category)
    }

    private func strongestPerSentence(
        _ items: [(hit: Hit, weight: Double, cue: Cue)]
    ) -> [(hit: Hit, weight: Double, cue: Cue)] {
        var best: [Int: (hit: Hit, weight: Double, cue: Cue)] = [:]
        for item in items where (best[item.hit.sentence]?.weight ?? -1) < item.weight {
            best[item.hit.sentence] = item
        }
        return best.values.sorted { $0.hit.sentence < $1.hit.sentence }
    }

    /// The strength a stated period earns: the first of the provision's periods that holds it (the periods are
    /// written in the corpus's first language).
    func strength(for duration: Duration, provision: String) -> Strength? {
        periodStrengths[provision]?.first { $0.hours.map { duration.inHours <= $0 } ?? true }?.strength
    }

    /// Evidence sentences: the sentences of the hits, in document order, without repeats.
    static let maximumEvidence = 12
    static func sentences(of hits: [Hit]) -> [Int] {
        Array(Set(hits.map(\.sentence)).sorted().prefix(maximumEvidence))
    }

    /// Rule evidence is the decisive wording: sentences whose cue weighs at least this share of the strongest cue's
    /// weight (docs/evaluation.md, "Rule evidence").
    static let evidenceWeightShare = 0.9

    /// The supporting hits shown as evidence (one per sentence already): those within `evidenceWeightShare` of
    /// the strongest, strongest first.
    static func strongest(_ support: [WeightedHit]) -> [Hit] {
        let floor = (support.map(\.weight).max() ?? 0) * evidenceWeightShare
        return support.filter { $0.weight >= floor }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.hit.sentence < $1.hit.sentence }
            .prefix(maximumEvidence).map(\.hit)
    }

    static func rounded(_ x: Double) -> Double { x.rounded(toPlaces: 3) }

    // MARK: kill-list moves

    private func findMoves(
        _ findings: [ProvisionFinding],
        _ hitsByOwner: [CompiledRules.Owner: [Hit]],
        in doc: PreparedDocument,
        language: String,
        playbook: Playbook
    ) -> [MoveFinding] {
        let byId = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [MoveFinding] = []
        for (m, move) in corpus.moves.enumerated() {
            var miss = 1.0
            var evidenceHits: [Hit] = []
            var conditionEvidence: [Evidence] = []
            let favourable = buyerFavourableMatches(revealedBy: move, hitsByOwner: hitsByOwner)
            for (t, trigger) in move.triggers.enumerated() {
                guard let conditionFactor = Self.conditions(trigger.requires, byId, playbook: playbook) else {
                    continue
                }
                if trigger.pattern != nil {
                    // A trigger naming the supplier as actor whose party the sentence did not confirm is no
                    // evidence when its words are the ones that grant the buyer the protection the move breaks.
                    let checksParty = compiledParty(move: m, trigger: t) != .any
                    let hits = (hitsByOwner[.trigger(move: m, trigger: t)] ?? []).filter {
                        !(checksParty && !$0.partyKnown && Self.overlaps($0, favourable))
                    }
                    for hit in hits {
                        let w = trigger.weight * (hit.partyKnown ? 1 : Self.unknownPartyFactor) * conditionFactor
                        miss *= 1 - w
                    }
                    evidenceHits += hits
                } else {
                    miss *= 1 - trigger.weight * conditionFactor
                    for condition in trigger.requires where condition.status == .present {
                        if let finding = byId[condition.provision] {
                            conditionEvidence += conditionEvidenceItems(finding, in: doc, language: language)
                        }
                    }
                }
            }
            let confidence = 1 - miss
            guard confidence >= Self.threshold else { continue }
            var evidence = doc.evidence(sentences: Self.sentences(of: evidenceHits))
            for item in conditionEvidence where !evidence.contains(where: { $0.span == item.span }) {
                evidence.append(item)
            }
            evidence.sort { $0.start < $1.start }
            found.append(
                MoveFinding(
                    id: move.id,
                    confidence: Self.rounded(min(confidence, 0.999)),
                    evidence: evidence,
                    mitigation: move.mitigation
                )
            )
        }
        return found
    }

    /// The matches of the supporting cues of the protections a move reveals, by sentence: the words
    /// that grant the buyer what the move would take away.
    /// Only strong wording counts, and not for a provision the move itself needs present (a liability
    /// cap is what a cap move is made of).
    private func buyerFavourableMatches(
        revealedBy move: KillListMove,
        hitsByOwner: [CompiledRules.Owner: [Hit]]
    ) -> [Int: [Pattern.Match]] {
        var out: [Int: [Pattern.Match]] = [:]
        let needed = Set(move.triggers.flatMap(\.requires).filter { $0.status == .present }.map(\.provision))
        for id in move.reveals where !needed.contains(id) {
            guard let r = ruleIndex[id], corpus.taxonomy.provision(id)?.polarity == .protection else { continue }
            for (c, cue) in corpus.rules[r].cues.enumerated() where cue.effect == .supports && cue.strength == .strong {
                for hit in hitsByOwner[.cue(rule: r, cue: c)] ?? [] { out[hit.sentence, default: []].append(hit.match) }
            }
        }
        return out
    }

    /// The party a trigger asks for (`any` when it names none).
    private func compiledParty(move m: Int, trigger t: Int) -> Party {
        corpus.moves[m].triggers[t].party
    }

    /// Whether a trigger's matched words overlap a buyer-favourable match in the same sentence.
    static func overlaps(_ hit: Hit, _ favourable: [Int: [Pattern.Match]]) -> Bool {
        (favourable[hit.sentence] ?? []).contains { $0.first <= hit.match.last && hit.match.first <= $0.last }
    }

    /// The evidence a provision condition lends a move: for a provision with a value (a law, a forum,
    /// a period), only the sentences that name one; otherwise its first two sentences.
    private func conditionEvidenceItems(
        _ finding: ProvisionFinding,
        in doc: PreparedDocument,
        language: String
    ) -> [Evidence] {
        guard let kind = corpus.taxonomy.provision(finding.id)?.value else { return Array(finding.evidence.prefix(2)) }
        let naming = finding.evidence.filter { item in
            guard let sentence = doc.sentences.first(where: { $0.span.start == item.start && $0.span.end == item.end })
            else { return false }
            return values.value(
                kind,
                in: doc.tokens,
                sentence: sentence.tokens,
                matchStart: sentence.tokens.lowerBound,
                scalars: doc.scalars,
                language: language
            ) != nil
        }
        return Array(naming.prefix(2))
    }

    /// How far a trigger's conditions hold: nil when one fails, else the weakest condition's confidence.
    static func conditions(
        _ conditions: [ProvisionCondition],
        _ findings: [String: ProvisionFinding],
        playbook: Playbook
    ) -> Double? {
        var factor = 1.0
        for condition in conditions {
            guard let finding = findings[condition.provision] else { return nil }
            switch condition.status {
            case .absent:
                guard finding.status == .absent else { return nil }
                factor = min(factor, 1 - finding.confidence)
            case .present:
                guard finding.status == .present else { return nil }
                if let most = condition.strengthAtMost, let s = finding.strength, s > most { return nil }
                if let needle = condition.valueContains {
                    guard let value = finding.value, value.lowercased().contains(needle.lowercased()) else {
                        return nil
                    }
                }
                // A law or forum without a value could be anywhere, so it stays possibly foreign.
                if condition.foreign, let value = finding.value, !playbook.isForeign(value) { return nil }
                factor = min(factor, finding.confidence)
            }
        }
        return factor
    }
}
