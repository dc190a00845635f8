import FineprintCore
import FineprintIngest
import Foundation
import Testing

/// A processing instruction without data (`<?x?>`) crashed the whole program inside FoundationXML on Linux (found by
/// the fuzz run); such instructions are removed before any XML is parsed.
@Suite struct ProcessingInstructionTests {
    @Test func aWordDocumentWithBareProcessingInstructionsIsRead() throws {
        let docx = try makeDOCX(
            body: "<?x?><w:p><w:r><w:t>The Provider shall not train models.</w:t></w:r></w:p><?y ?><?z data?>"
        )
        let document = try DocumentReader().read(data: docx, name: "pi.docx")
        #expect(document.text.contains("The Provider shall not train models."))
    }

    @Test func onlyTheDeclarationIsKept() {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?><a><?x?>one<?y z?>two</a>"
        let cleaned = String(decoding: XMLInput.withoutProcessingInstructions(Data(xml.utf8)), as: UTF8.self)
        #expect(cleaned == "\u{FEFF}<?xml version=\"1.0\"?><a>onetwo</a>")
    }

    @Test func aDeclarationLaterInTheDocumentIsNoDeclaration() {
        let xml = "<a>x</a><?xml version=\"1.0\"?>"
        #expect(String(decoding: XMLInput.withoutProcessingInstructions(Data(xml.utf8)), as: UTF8.self) == "<a>x</a>")
    }

    @Test func anUnclosedInstructionEndsTheInput() {
        let xml = "<a>x<?y never closed</a>"
        #expect(String(decoding: XMLInput.withoutProcessingInstructions(Data(xml.utf8)), as: UTF8.self) == "<a>x")
    }
}
