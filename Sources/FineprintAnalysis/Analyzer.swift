import Dispatch
import FineprintCore
import FineprintLearn
import FineprintText

/// The analysis engine: an extracted document in, findings against a playbook out. Pure: no files,
/// no storage, no network. Build one per corpus and share it; `analyze` is safe to call concurrently.
public struct Analyzer: Sendable {
    public let corpus: Corpus
    let compiled: CompiledRules
    let context: ClauseContext
    let values: ValueExtractor
    /// Provision id → index of its rule in `corpus.rules`.
    let ruleIndex: [String: Int]
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
        context = ClauseContext(lexicon: corpus.parties)
        values = ValueExtractor(jurisdictions: corpus.jurisdictions, forums: corpus.forums)
        ruleIndex = Dictionary(corpus.rules.enumerated().map { ($1.provision, $0) }, uniquingKeysWith: { a, _ in a })
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
        let hits = findHits(in: prepared)
        var hitsByOwner: [CompiledRules.Owner: [Hit]] = [:]
        for hit in hits { hitsByOwner[compiled.entries[hit.entry].owner, default: []].append(hit) }

        // Sentence logits of the learned classifier, [category][sentence], computed once for all provisions.
        // The domain gate may keep the model off a document unlike its training contracts.
        let features = classifier == nil ? [] : segmentFeatures(prepared)
        let documentScores = classifier?.documentScores(features)
        let modelUse: LearnedModelUse? = documentScores.map { $0.outOfDomain ? .outOfDomain : .applied }
        let logits = modelUse == .applied ? classifier?.logits(features) : nil
        let documentLogits = modelUse == .applied ? documentScores?.logits : nil
        var findings: [ProvisionFinding] = []
        for provision in corpus.taxonomy.provisions {
            if let r = ruleIndex[provision.id] {
                findings.append(
                    finding(
                        for: provision,
                        rule: r,
                        hitsByOwner: hitsByOwner,
                        in: prepared,
                        logits: logits,
                        documentLogits: documentLogits
                    )
                )
            } else {
                findings.append(
                    ProvisionFinding(
                        id: provision.id,
                        dimension: provision.dimension,
                        status: .absent,
                        confidence: Self.floorConfidence,
                        strength: nil,
                        value: nil,
                        evidence: []
                    )
                )
            }
        }
        let moves = findMoves(findings: findings, hitsByOwner: hitsByOwner, in: prepared, playbook: playbook)
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
            learnedModel: modelUse
        )
    }

    // MARK: the learned component

    /// Each sentence's features for the classifier: its words, the heading it stands under and its neighbours.
    private func segmentFeatures(_ doc: PreparedDocument) -> [[UInt64]] {
        doc.sentences.indices.map { s in
            SegmentFeatures.hashes(
                tokens: doc.tokens,
                range: doc.sentences[s].tokens,
                heading: doc.sentences[s].heading,
                neighbours: neighbours(of: s, in: doc)
            )
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
        var hitsByOwner: [CompiledRules.Owner: [Hit]] = [:]
        for hit in findHits(in: prepared) { hitsByOwner[compiled.entries[hit.entry].owner, default: []].append(hit) }
        let features = segmentFeatures(prepared)
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
                    tokens: prepared.tokens,
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

    private func findHits(in doc: PreparedDocument) -> [Hit] {
        var hits: [Hit] = []
        var seen = [Int](repeating: -1, count: compiled.entries.count)
        var candidates: [Int] = []
        let classes = TokenClasses(tokens: doc.tokens, table: compiled.alternatives)
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
                let entry = compiled.entries[e]
                let test = ClassTest(stepIds: entry.stepIds, classes: classes)
                for match in entry.pattern.matches(
                    in: doc.tokens,
                    test: test,
                    from: sentence.tokens.lowerBound,
                    to: sentence.tokens.upperBound
                ) {
                    if let hit = accept(entry: e, match: match, sentence: s, in: doc) {
                        hits.append(hit)
                        break
                    }
                }
            }
        }
        return hits
    }

    /// Checks a match against its entry's `when` and `party`.
    private func accept(entry e: Int, match: Pattern.Match, sentence s: Int, in doc: PreparedDocument) -> Hit? {
        let entry = compiled.entries[e]
        let start = doc.sentences[s].tokens.lowerBound
        if entry.when != .any {
            let negated = context.isNegated(doc.tokens, sentenceStart: start, match: match)
            if negated != (entry.when == .negated) { return nil }
        }
        var partyKnown = true
        if entry.party != .any {
            switch context.party(doc.tokens, sentenceStart: start, match: match) {
            case .none: partyKnown = false
            case .some(.any): break
            case .some(let p) where p == entry.party: break
            default: return nil
            }
        }
        return Hit(entry: e, sentence: s, match: match, partyKnown: partyKnown)
    }

    private func headingMatches(rule r: Int, sentence: PreparedDocument.Sentence, in doc: PreparedDocument) -> Bool {
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

    private func finding(
        for provision: Provision,
        rule r: Int,
        hitsByOwner: [CompiledRules.Owner: [Hit]],
        in doc: PreparedDocument,
        logits: [[Float]]?,
        documentLogits: [Float]?
    ) -> ProvisionFinding {
        let rule = corpus.rules[r]
        let (support, against, ruleConfidence) = ruleSupport(rule: r, hitsByOwner: hitsByOwner, in: doc)
        var confidence = ruleConfidence
        var present = confidence >= Self.threshold
        // With a model that knows the provision, the combined decision replaces the rules' own (docs/evaluation.md).
        var decision: ProvisionDecision?
        if let classifier, let logits, let documentLogits, let c = classifier.category(provision.id) {
            let signal = RuleSignal(
                confidence: ruleConfidence,
                support: Dictionary(support.map { ($0.hit.sentence, $0.weight) }, uniquingKeysWith: max)
            )
            let d = classifier.model.categories[c].decide(
                rule: signal,
                logits: logits[c],
                documentLogit: documentLogits[c]
            )
            decision = d
            present = d.present
            // Kept on the right side of 0.5 after rounding, so status and confidence never disagree.
            confidence =
                present
                ? min(max(d.confidence, Self.threshold), 0.999) : min(max(d.confidence, Self.floorConfidence), 0.499)
        }

        let ranked = support.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.hit.sentence < $1.hit.sentence
        }
        var value: String?
        var valueDuration: Duration?
        if let kind = provision.value {
            // The rules' sentences first, then those the model chose, each from its start when no cue matched.
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
                    scalars: doc.scalars
                ) {
                    value = v.text
                    valueDuration = v.duration
                    break
                }
            }
        }

        var strength: Strength?
        if present {
            let stated = support.compactMap(\.cue.strength).max()
            var s = stated ?? (provision.polarity == .hazard ? .weak : .adequate)
            if let duration = valueDuration, let byValue = Self.strength(for: duration, rule.valueStrength) {
                s = stated.map { min($0, byValue) } ?? byValue
            }
            // Undercutting wording elsewhere in the document costs one level of strength.
            if !against.isEmpty && provision.polarity == .protection { s = s.lowered }
            strength = s
        }

        var evidence: [Evidence]
        if let decision, decision.present {
            evidence = decision.evidence.map { e in
                var item = doc.evidence(doc.sentences[e.segment].span)
                item.source = e.fromRules ? .rules : .model
                return item
            }
        } else {
            // Absent: the undercutting sentences, if any, are the explanation (with or without a model).
            let shown = present ? support.map(\.hit) : against.map(\.hit)
            evidence = Self.spans(of: shown, in: doc).map(doc.evidence)
        }
        return ProvisionFinding(
            id: provision.id,
            dimension: provision.dimension,
            status: present ? .present : .absent,
            confidence: Self.rounded(confidence),
            strength: strength,
            value: present ? value : nil,
            evidence: evidence
        )
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

    static func strength(for duration: Duration, _ thresholds: [ValueThreshold]) -> Strength? {
        for threshold in thresholds {
            guard let limitText = threshold.atMost else { return threshold.strength }
            if let limit = Duration(limitText), duration.inHours <= limit.inHours { return threshold.strength }
        }
        return nil
    }

    /// Evidence spans: the sentences of the hits, in document order, without repeats.
    static let maximumEvidence = 12
    static func spans(of hits: [Hit], in doc: PreparedDocument) -> [TextSpan] {
        let sentences = Set(hits.map(\.sentence)).sorted()
        return sentences.prefix(maximumEvidence).map { doc.sentences[$0].span }
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    // MARK: kill-list moves

    private func findMoves(
        findings: [ProvisionFinding],
        hitsByOwner: [CompiledRules.Owner: [Hit]],
        in doc: PreparedDocument,
        playbook: Playbook
    ) -> [MoveFinding] {
        let byId = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [MoveFinding] = []
        for (m, move) in corpus.moves.enumerated() {
            var miss = 1.0
            var evidenceHits: [Hit] = []
            var conditionEvidence: [Evidence] = []
            for (t, trigger) in move.triggers.enumerated() {
                guard let conditionFactor = Self.conditions(trigger.requires, byId, playbook: playbook) else {
                    continue
                }
                if trigger.pattern != nil {
                    let hits = hitsByOwner[.trigger(move: m, trigger: t)] ?? []
                    for hit in hits {
                        let w = trigger.weight * (hit.partyKnown ? 1 : Self.unknownPartyFactor) * conditionFactor
                        miss *= 1 - w
                    }
                    evidenceHits += hits
                } else {
                    miss *= 1 - trigger.weight * conditionFactor
                    for condition in trigger.requires where condition.status == .present {
                        conditionEvidence += byId[condition.provision]?.evidence.prefix(2) ?? []
                    }
                }
            }
            let confidence = 1 - miss
            guard confidence >= Self.threshold else { continue }
            var evidence = Self.spans(of: evidenceHits, in: doc).map(doc.evidence)
            for item in conditionEvidence where !evidence.contains(item) { evidence.append(item) }
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
