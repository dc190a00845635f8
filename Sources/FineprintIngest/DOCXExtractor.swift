import FineprintCore
import FineprintZip
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Text and structure from a Word document: word/document.xml's paragraphs, with heading styles
/// (Heading1…9, Title, outline levels) as headings and numbered paragraphs as list items.
enum DOCXExtractor {
    /// `opened`, when given, is `data` already opened as an archive.
    static func extract(
        _ data: Data,
        opened: BoundedZip? = nil,
        name: String,
        maxBytes: Int
    ) throws -> (text: String, blocks: [TextBlock]) {
        let xml: Data
        do {
            let zip = try opened ?? BoundedZip(data)
            guard let entry = zip["word/document.xml"] else {
                throw IngestError.corruptDOCX(name: name, detail: "no word/document.xml inside")
            }
            xml = try zip.unpack(entry, limit: UInt64(max(maxBytes, 1)) * 10)
        } catch let error as ZipReadError {
            throw IngestError.corruptDOCX(name: name, detail: "\(error)")
        }
        return try parse(xml, name: name)
    }

    static func parse(_ xml: Data, name: String) throws -> (text: String, blocks: [TextBlock]) {
        // Word never writes a DTD; one here could only serve entity expansion tricks.
        if xml.range(of: Data("<!DOCTYPE".utf8)) != nil || xml.range(of: Data("<!ENTITY".utf8)) != nil {
            throw IngestError.corruptDOCX(
                name: name,
                detail: "word/document.xml declares a DTD, which Word documents never do"
            )
        }
        let delegate = Delegate()
        let outcome = XMLInput.parse(xml, delegate: delegate, namespaces: false)
        if !outcome.wellFormed {
            throw IngestError.corruptDOCX(
                name: name,
                detail:
                    "word/document.xml is not well-formed XML: \(outcome.error ?? "unknown error") at line \(outcome.line)"
            )
        }
        guard delegate.sawRoot, delegate.depth == 0 else {
            throw IngestError.corruptDOCX(
                name: name,
                detail: "word/document.xml is not well-formed XML: it ends inside an element"
            )
        }
        delegate.finishParagraph()
        return (delegate.builder.text, delegate.builder.blocks)
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var builder = TextBuilder()
        var text = ""
        var inParagraph = false
        var inText = false
        var skipDepth = 0  // inside w:delText, w:instrText, mc:Fallback, …
        var style: String?
        var outlineLevel: Int?
        var numbered = false
        var numberLevel = 0
        var depth = 0
        var sawRoot = false

        static func local(_ name: String) -> Substring {
            if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
            return Substring(name)
        }

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes: [String: String] = [:]
        ) {
            depth += 1
            sawRoot = true
            let name = Self.local(elementName)
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            switch name {
            case "p":
                finishParagraph()
                inParagraph = true
            case "t":
                inText = true
            case "tab", "ptab":
                if inParagraph { text.append("\t") }
            case "br", "cr":
                if inParagraph {
                    if attributes.first(where: { Self.local($0.key) == "type" })?.value == "page" {
                        text.append("\n")
                    } else {
                        text.append("\n")
                    }
                }
            case "noBreakHyphen":
                text.append("-")
            case "pStyle":
                style = value(attributes)
            case "outlineLvl":
                outlineLevel = value(attributes).flatMap { Int($0) }
            case "numPr":
                numbered = true
            case "ilvl":
                numberLevel = value(attributes).flatMap { Int($0) } ?? 0
            case "delText", "instrText", "Fallback", "footnoteReference", "endnoteReference", "commentReference":
                skipDepth = 1
            default:
                break
            }
        }

        func parser(
            _ parser: XMLParser,
            didEndElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            depth -= 1
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            let name = Self.local(elementName)
            if name == "t" { inText = false }
            if name == "p" { finishParagraph() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && skipDepth == 0 { text.append(string) }
        }

        func value(_ attributes: [String: String]) -> String? {
            attributes.first(where: { Self.local($0.key) == "val" })?.value
        }

        func finishParagraph() {
            defer {
                text = ""
                inParagraph = false
                style = nil
                outlineLevel = nil
                numbered = false
                numberLevel = 0
            }
            guard inParagraph || !text.isEmpty else { return }
            if let level = headingLevel() {
                builder.addBlock(text, kind: .heading, level: level)
            } else if numbered {
                builder.addBlock(text, kind: .listItem, level: numberLevel + 1)
            } else {
                builder.addBlock(text, kind: .paragraph)
            }
        }

        /// Heading1…Heading9 (any language's "heading"/"berschrift"/"titre" + digit), Title, or an outline level.
        func headingLevel() -> Int? {
            if let style {
                let lower = style.lowercased()
                if lower == "title" || lower == "titel" || lower == "titre" { return 1 }
                if lower == "subtitle" { return 2 }
                let words = ["heading", "berschrift", "titre", "titolo", "kop", "rubrik", "encabezado", "nagwek"]
                if words.contains(where: { lower.contains($0) }), let digit = lower.last(where: { $0.isNumber }),
                    let d = Int(String(digit)), d >= 1
                {
                    return d
                }
            }
            if let outlineLevel, outlineLevel >= 0, outlineLevel < 9 { return outlineLevel + 1 }
            return nil
        }
    }
}
