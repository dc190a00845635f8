import FineprintText
import Testing

@testable import FineprintAnalysis

@Suite struct PatternTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        let tokens = Tokenizer.tokens(in: text)
        return try Pattern(pattern).firstMatch(in: tokens, from: 0, to: tokens.count) != nil
    }

    @Test func exactWordsInOrder() throws {
        #expect(try matches("governed by", "This Agreement is governed by the laws of Ireland."))
        #expect(try !matches("governed by", "by whom it is governed"))
        #expect(try !matches("governed by", "governed solely by"))
    }

    @Test func prefixesAndAlternatives() throws {
        #expect(try matches("terminat* ... convenience", "may terminate this Agreement for convenience"))
        #expect(try matches("customer|client data", "all Client Data"))
        #expect(try !matches("customer|client data", "vendor data"))
    }

    @Test func gapsAreBounded() throws {
        #expect(try matches("use ..2 data", "use of the data"))
        #expect(try !matches("use ..2 data", "use of all of the data"))
        #expect(try matches("use ... data", "use of all of the data"))
        #expect(try !matches("use ... data", "use a b c d e f g h i data"))
    }

    @Test func optionalTerms() throws {
        #expect(try matches("laws of ?the state of", "laws of the State of Delaware"))
        #expect(try matches("laws of ?the state of", "laws of State of Delaware"))
        #expect(try !matches("laws of ?the state of", "laws of a state of"))
    }

    @Test func numbersSpanWordsAndDigits() throws {
        #expect(try matches("within #num hours", "within seventy-two (72) hours"))
        #expect(try matches("within #num hours", "within 24 hours"))
        #expect(try !matches("within #num hours", "within several hours"))
    }

    @Test func syntaxErrorsAreReported() {
        #expect(throws: Pattern.SyntaxError.self) { try Pattern("") }
        #expect(throws: Pattern.SyntaxError.self) { try Pattern("use ...") }
        #expect(throws: Pattern.SyntaxError.self) { try Pattern("use ..99 data") }
        #expect(throws: Pattern.SyntaxError.self) { try Pattern("sub-processor") }
        #expect(throws: Pattern.SyntaxError.self) { try Pattern("?only") }
        #expect(throws: Pattern.SyntaxError.self) { try Pattern("a||b") }
    }

    @Test func anchorIsARequiredExactWord() throws {
        #expect(try Pattern("?the terminat* ... convenience").anchorWords == ["convenience"])
        #expect(try Pattern("terminat* ... conv*").anchorWords == nil)
    }
}
