@testable import FineprintLearn
import Testing

/// Choosing the evidence thresholds of all provisions together under a macro precision floor.
@Suite struct EvidenceThresholdsTests {
    typealias Point = EvidenceThresholds.Point

    // Provision a: lowering the threshold buys a lot of recall for little precision.
    static let a = [Point(threshold: 1, precision: 0.9, recall: 0.5), Point(threshold: 0, precision: 0.8, recall: 0.9)]
    // Provision b: its recall is expensive.
    static let b = [Point(threshold: 1, precision: 0.8, recall: 0.6), Point(threshold: 0, precision: 0.3, recall: 0.65)]

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
