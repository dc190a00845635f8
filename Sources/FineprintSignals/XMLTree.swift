import FineprintCore
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree read with `XMLParser` (namespaces processed, external entities never resolved), bounded in
/// elements and text. Feeds are small; a tree keeps the mapping to items simple.
final class XMLNode {
    let name: String
    let namespace: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLNode] = []

    init(name: String, namespace: String, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func child(_ name: String, in namespaces: Set<String>? = nil) -> XMLNode? {
        children.first { $0.name == name && (namespaces?.contains($0.namespace) ?? true) }
    }

    func all(_ name: String, in namespaces: Set<String>? = nil) -> [XMLNode] {
        children.filter { $0.name == name && (namespaces?.contains($0.namespace) ?? true) }
    }

    func value(_ name: String, in namespaces: Set<String>? = nil) -> String? {
        guard let t = child(name, in: namespaces)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty
        else { return nil }
        return t
    }
}

enum XMLTree {
    /// Parses `data` into its root element. A document type declaring entities is refused before parsing: feeds
    /// need none, and refusing them closes entity expansion ("billion laughs") and external entities alike.
    static func parse(_ data: Data, limits: FeedLimits) throws -> XMLNode {
        guard data.count <= limits.maxBytes else {
            throw SignalError("the document is \(data.count) bytes; at most \(limits.maxBytes) are read")
        }
        if declaresEntities(data) {
            throw SignalError("the document declares XML entities; feeds never need them and they are refused")
        }
        let builder = TreeBuilder(limits: limits)
        let outcome = XMLInput.parse(data, delegate: builder, namespaces: true)
        if let stop = builder.stopReason { throw SignalError(stop) }
        guard builder.stack.isEmpty else {
            throw SignalError("not well-formed XML: the document ends before its elements close (cut off?)")
        }
        guard outcome.wellFormed, let root = builder.root else {
            throw SignalError("not well-formed XML (line \(outcome.line)): \(outcome.error ?? "no root element")")
        }
        return root
    }

    /// Whether the prolog declares an entity (`<!ENTITY`), looked for in the first 64 KiB, before the root element.
    static func declaresEntities(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(65_536), as: UTF8.self)
        return head.range(of: "<!ENTITY", options: .caseInsensitive) != nil
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    let limits: FeedLimits
    var root: XMLNode?
    var stack: [XMLNode] = []
    var elements = 0
    var stopReason: String?

    init(limits: FeedLimits) { self.limits = limits }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements += 1
        guard elements <= limits.maxElements else {
            stop(parser, "more than \(limits.maxElements) XML elements")
            return
        }
        guard stack.count < 64 else {
            stop(parser, "XML nested deeper than 64 elements")
            return
        }
        let node = XMLNode(name: elementName, namespace: namespaceURI ?? "", attributes: attributeDict)
        if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement _: String, namespaceURI _: String?, qualifiedName _: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop(parser, "the document declares XML entities; feeds never need them and they are refused")
    }

    private func append(_ string: String) {
        guard let node = stack.last, node.text.utf8.count < limits.maxTextLength else { return }
        node.text += string
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        if stopReason == nil { stopReason = reason }
        parser.abortParsing()
    }
}
