import FineprintText
import Testing

@Suite struct TokenizerTests {
    @Test func wordsAreLowerCasedWithScalarOffsets() {
        let tokens = Tokenizer.tokens(in: "Ünited — Sub-processors: OK")
        #expect(tokens.map(\.text) == ["ünited", "sub", "processors", "ok"])
        #expect(tokens[0].start == 0 && tokens[0].end == 6)
        #expect(tokens[1].start == 9)
        #expect(tokens[3].clauseBreakBefore)
        #expect(!tokens[2].clauseBreakBefore)
    }

    @Test func apostrophesAndPossessives() {
        let tokens = Tokenizer.tokens(in: "Customer’s data; we won't sell the parties' rights")
        #expect(tokens.map(\.text) == ["customer", "data", "we", "won't", "sell", "the", "parties", "rights"])
    }

    @Test func digitGroupsStayTogether() {
        let tokens = Tokenizer.tokens(in: "USD 1,000,000.50 within 72 hours, 3.2 and 12.")
        #expect(tokens.map(\.text) == ["usd", "1,000,000.50", "within", "72", "hours", "3.2", "and", "12"])
        #expect(tokens[1].isNumber && tokens[3].isNumber && !tokens[2].isNumber)
    }

    @Test func numberWordsReadAsValues() {
        let tokens = Tokenizer.tokens(in: "twenty-four (24) hours; one hundred and twenty days; thirty days")
        #expect(NumberWords.read(tokens, at: 0, upTo: tokens.count)?.value == 24)
        #expect(NumberWords.read(tokens, at: 0, upTo: tokens.count)?.next == 3)
        let second = tokens.firstIndex { $0.text == "one" }!
        #expect(NumberWords.read(tokens, at: second, upTo: tokens.count)?.value == 120)
        let third = tokens.firstIndex { $0.text == "thirty" }!
        #expect(NumberWords.read(tokens, at: third, upTo: tokens.count)?.value == 30)
        #expect(NumberWords.read(tokens, at: 2, upTo: tokens.count) == nil || tokens[2].text == "24")
    }
}
