import Testing

@testable import FineprintLearn

/// Choosing the evidence thresholds of all provisions together under a macro precision floor.
@Suite struct EvidenceThresholdsTests {
    typealias Point = EvidenceThresholds.Point

    // Provision a: lowering the threshold buys a lot of recall for little precision.
    static let a = [Point(threshold: 1, precision: 0.9, recall: 0.5), Point(threshold: 0, precision: 0.8, recall: 0.9)]
    // Provision b: its recall is expensive.
    static let b = [
        Point(threshold: 1, precision: 0.8, recall: 0.6), Point(threshold: 0, precision: 0.3, recall: 0.65),
    ]

    @Test func spendsPrecisionWhereItBuysTheMostRecall() {
        // Floor 0.5: both low (mean precision 0.55) meets it with the most recall.
        #expect(EvidenceThresholds.choose([Self.a, Self.b], precisionFloor: 0.5) == [1, 1])
        // Floor 0.6: both low gives mean precision 0.55, so b goes up, a stays low.
        #expect(EvidenceThresholds.choose([Self.a, Self.b], precisionFloor: 0.6) == [1, 0])
        // Floor 0.84: a must go up too (mean 0.85).
        #expect(EvidenceThresholds.choose([Self.a, Self.b], precisionFloor: 0.84) == [0, 0])
    }

    @Test func equalRecallGoesToThePreciseThreshold() {
        let flat = [Point(threshold: -1, precision: 0.4, recall: 1), Point(threshold: 1, precision: 1, recall: 1)]
        #expect(EvidenceThresholds.choose([flat], precisionFloor: 0) == [1])
    }

    @Test func noProvisionGoesBelowItsOwnFloor() {
        // Floor 0.5 alone lets b drop to precision 0.3 for its extra recall; a floor of 0.4 per provision keeps it up.
        #expect(EvidenceThresholds.choose([Self.a, Self.b], precisionFloor: 0.5, provisionFloor: 0.4) == [1, 0])
        // A provision with no point at its floor takes its most precise point.
        let poor = [Point(threshold: 1, precision: 0.2, recall: 0.1), Point(threshold: 0, precision: 0.1, recall: 0.5)]
        #expect(EvidenceThresholds.choose([Self.a, poor], precisionFloor: 0, provisionFloor: 0.4) == [1, 0])
    }

    @Test func anUnreachableFloorGivesTheMostPreciseChoice() {
        #expect(EvidenceThresholds.choose([Self.b], precisionFloor: 0.99) == [0])
    }
}

/// The nested estimate of evidence: thresholds chosen on four folds, applied to the fifth, pooled.
@Suite struct NestedEvidenceTests {
    static let n = EvidenceCounts.thresholds.count

    /// One provision over `docs` documents with one clause each: below threshold index `cut` every document
    /// shows two sentences, one of them right; from `cut` on it shows one, right unless it is in `wrong`.
    static func counts(docs: Int, cut: Int, wrong: Set<Int> = []) -> EvidenceCounts {
        var shown: [[Int]] = []
        var hits: [[Int]] = []
        var found: [[Int]] = []
        for t in 0..<n {
            shown.append((0..<docs).map { _ in t < cut ? 2 : 1 })
            hits.append((0..<docs).map { d in t < cut || !wrong.contains(d) ? 1 : 0 })
            found.append(hits.last!)
        }
        return EvidenceCounts(shown: shown, hits: hits, found: found, clauses: Array(repeating: 1, count: docs))
    }

    @Test func alikeDocumentsGiveTheInSampleFigures() {
        let c = Self.counts(docs: 10, cut: 40)
        let nested = EvidenceThresholds.nested([c], documents: 10, folds: 5, precisionFloor: 0.6, provisionFloor: 0)
        // At a floor of 0.6 the one-sentence thresholds (precision 1, recall 1) win in every fold.
        #expect(nested[0].precision == 1 && nested[0].recall == 1)
    }

    @Test func aDocumentIsJudgedByThresholdsChosenWithoutIt() {
        // Document 4 is the only one whose single sentence is wrong. In the folds that train without it the
        // thresholds still pick one sentence, so it is shown one wrong sentence; pooled: 4 of 5 right.
        let c = Self.counts(docs: 5, cut: 40, wrong: [4])
        let nested = EvidenceThresholds.nested([c], documents: 5, folds: 5, precisionFloor: 0.6, provisionFloor: 0)
        #expect(nested[0].precision == 0.8)
        #expect(nested[0].recall == 0.8)
    }

    @Test func theFloorRisesOnlyAsFarAsTheNestedEstimateNeeds() {
        let met = EvidenceThresholds.floorMeeting(
            target: 0.6,
            counts: [Self.counts(docs: 10, cut: 40)],
            documents: 10,
            folds: 5,
            provisionFloor: 0
        )
        #expect(met.floor == 0.6)
        // Every sentence wrong somewhere: no floor reaches the target, and the most precise figures tried come back.
        let poor = Self.counts(docs: 10, cut: 40, wrong: Set(0..<10))
        let missed = EvidenceThresholds.floorMeeting(
            target: 0.6,
            counts: [poor],
            documents: 10,
            folds: 5,
            provisionFloor: 0
        )
        #expect((missed.nested[0].precision ?? 0) < 0.6)
        #expect(missed.floor >= 0.6)
    }
}
