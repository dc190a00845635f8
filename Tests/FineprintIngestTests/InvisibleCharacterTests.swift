import FineprintCore
import FineprintIngest
import Foundation
import Testing

/// Soft hyphens, zero-width spaces, word joiners and byte-order marks are formatting, not text: every format
/// reads the word they sit in as one word.
@Suite struct InvisibleCharacterTests {
    let reader = DocumentReader()
    let marked = "Servers are located in Germ\u{AD}any and Belg\u{200B}ium for EU cust\u{2060}omers.\u{FEFF}"

    @Test(arguments: ["txt", "md", "html"])
    func textFormatsDropThem(format: String) throws {
        let source = format == "html" ? "<p>\(marked)</p>" : marked
        let document = try reader.read(data: Data(source.utf8), name: "annex.\(format)")
        #expect(document.text.contains("Germany and Belgium for EU customers."))
        #expect(!document.text.unicodeScalars.contains { ["\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}"].contains($0) })
        // Offsets stay exact against the text without them.
        let sentence = try #require(document.sentences.first)
        let scalars = Array(document.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])).hasPrefix("Servers"))
    }

    @Test func aTextWithoutThemIsUnchanged() throws {
        let plain = "The Supplier keeps data in the European Union."
        #expect(try reader.read(data: Data(plain.utf8), name: "plain.txt").text == plain)
    }
}
