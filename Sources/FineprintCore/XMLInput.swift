import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML bytes made safe for FoundationXML's parser. On Linux it crashes the whole program on a processing instruction
/// without data (`<?x?>`: libxml2 hands it a null pointer that it reads as a string), so Fineprint never lets it see
/// one: every processing instruction after the XML declaration is removed before parsing. Word parts and feeds carry
/// none that matter.
public enum XMLInput {
    /// How a parse ended: well formed or not, the parser's error and the line it stopped at.
    public struct Outcome: Sendable {
        public var wellFormed: Bool
        public var error: String?
        public var line: Int
    }

    /// Parses `data` for `delegate` the one way Fineprint parses XML: processing instructions removed, external
    /// entities never resolved, one parse at a time in the program (`XMLParsingLock`).
    public static func parse(_ data: Data, delegate: any XMLParserDelegate, namespaces: Bool) -> Outcome {
        XMLParsingLock.run {
            let parser = XMLParser(data: withoutProcessingInstructions(data))
            parser.shouldResolveExternalEntities = false
            parser.shouldProcessNamespaces = namespaces
            parser.delegate = delegate
            let wellFormed = parser.parse()
            return Outcome(
                wellFormed: wellFormed,
                error: parser.parserError.map { "\($0.localizedDescription)" },
                line: parser.lineNumber
            )
        }
    }

    public static func withoutProcessingInstructions(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "?"),
                !isDeclaration(bytes, at: i)
            else {
                out.append(bytes[i])
                i += 1
                continue
            }
            guard let end = closing(bytes, from: i + 2) else { break }
            i = end
        }
        return Data(out)
    }

    /// `<?xml` followed by white space, with only a byte-order mark or white space before it.
    static func isDeclaration(_ bytes: [UInt8], at i: Int) -> Bool {
        let head = Array("<?xml".utf8)
        guard i + head.count < bytes.count, Array(bytes[i..<i + head.count]) == head,
            [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + head.count])
        else { return false }
        return bytes[0..<i].allSatisfy { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }

    /// The index after the `?>` that closes a processing instruction, or nil when none does.
    static func closing(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start
        while j + 1 < bytes.count {
            if bytes[j] == UInt8(ascii: "?") && bytes[j + 1] == UInt8(ascii: ">") { return j + 2 }
            j += 1
        }
        return nil
    }
}
