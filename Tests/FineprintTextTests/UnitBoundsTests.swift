import FineprintCore
import FineprintText
import Testing

@Suite("Bounded units")
struct UnitBoundsTests {
    /// Contract wording with no sentence ends and no line breaks, `count` scalars long.
    func unbrokenText(_ count: Int, clauses: Bool) -> String {
        let words =
            clauses
            ? "the Supplier shall keep Customer Data in the Territory, subject to the terms below; and it may "
            : "the Supplier shall keep Customer Data in the Territory subject to the terms below and it may "
        var text = ""
        text.reserveCapacity(count)
        while text.unicodeScalars.count < count { text += words }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(count)))
    }

    /// Every unit is within the bound, in order, trimmed, and the units together with the whitespace
    /// between them cover the text exactly.
    func expectCovers(_ text: String, _ units: [TextSpan], bound: Int) {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        for unit in units {
            #expect(unit.length <= bound && unit.length > 0)
            #expect(unit.start >= position)
            #expect(scalars[position..<unit.start].allSatisfy(SentenceSegmenter.isWhitespace))
            #expect(!SentenceSegmenter.isWhitespace(scalars[unit.start]))
            #expect(!SentenceSegmenter.isWhitespace(scalars[unit.end - 1]))
            position = unit.end
        }
        #expect(scalars[position...].allSatisfy(SentenceSegmenter.isWhitespace))
    }

    @Test func oneMegabyteWithoutBreaksIsCutIntoBoundedUnits() {
        let text = unbrokenText(1_048_576, clauses: false)
        let units = SentenceSegmenter.sentences(in: text, blocks: [])
        #expect(units.count >= 1_048_576 / UnitBounds.maximumLength)
        expectCovers(text, units, bound: UnitBounds.maximumLength)
    }

    @Test func cutsAfterTheBestBoundary() {
        let text = unbrokenText(5_000, clauses: true)
        let scalars = Array(text.unicodeScalars)
        let units = SentenceSegmenter.sentences(in: text, blocks: [])
        expectCovers(text, units, bound: UnitBounds.maximumLength)
        // Every unit but the last ends at a semicolon, the best boundary this text offers.
        for unit in units.dropLast() { #expect(scalars[unit.end - 1] == ";") }
    }

    @Test func preferenceOrderOfBoundaries() {
        // Commas and spaces only: the cut comes after a comma.
        let commas = String(repeating: "data shall stay here, ", count: 100)
        let cs = Array(commas.unicodeScalars)
        for unit in UnitBounds.bounded([TextSpan(start: 0, end: cs.count - 1)], in: cs, maximumLength: 100).dropLast() {
            #expect(cs[unit.end - 1] == ",")
        }
        // No boundary at all: a hard cut at the bound, nothing lost.
        let solid = String(repeating: "x", count: 2_500)
        let units = UnitBounds.bounded(
            [TextSpan(start: 0, end: 2_500)],
            in: Array(solid.unicodeScalars),
            maximumLength: 1_000
        )
        #expect(
            units == [
                TextSpan(start: 0, end: 1_000), TextSpan(start: 1_000, end: 2_000), TextSpan(start: 2_000, end: 2_500),
            ]
        )
    }

    @Test func shortSentencesAreUntouched() {
        let text = "The Supplier shall act. The Customer may audit."
        let spans = SentenceSegmenter.sentences(in: text, blocks: [])
        #expect(spans == [TextSpan(start: 0, end: 23), TextSpan(start: 24, end: 47)])
    }

    @Test func offsetsAreExactWithScalarsBeyondASCII() {
        // Accented letters and an emoji count one scalar each; cuts never split a scalar's offsets.
        let text = String(repeating: "le Fournisseur hébergera les données 🇪🇺 dans l’Union, ", count: 200)
        let units = SentenceSegmenter.sentences(in: text, blocks: [])
        expectCovers(text, units, bound: UnitBounds.maximumLength)
        #expect(units.count > 1)
    }
}
