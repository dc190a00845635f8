import Foundation
import Yams

/// Small edits of a YAML document's node tree that keep every other scalar as it was written (quoted dates stay
/// strings, key order stays), for writing into knowledge files.
enum YAMLEdit {
    static func value(_ node: Node, _ key: String) -> Node? {
        node.mapping?.first { $0.key.string == key }?.value
    }

    /// `node` with `key` set to `value` (replaced in place, or appended).
    static func setting(_ node: Node, _ key: String, _ value: Node) -> Node {
        guard let mapping = node.mapping else { return node }
        var pairs = mapping.map { ($0.key, $0.value) }
        if let at = pairs.firstIndex(where: { $0.0.string == key }) {
            pairs[at].1 = value
        } else {
            pairs.append((Self.key(key), value))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
    }

    static func appending(_ node: Node, to key: String, _ element: Node) -> Node {
        let list = value(node, key)?.sequence.map(Array.init) ?? []
        return setting(node, key, .sequence(Node.Sequence(list + [element])))
    }

    static func string(_ s: String) -> Node { Node(s, Tag(.str), .singleQuoted) }

    static func plain(_ s: String) -> Node { Node(s) }

    static func map(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (key($0.0), $0.1) }))
    }

    /// A key as written in the knowledge files: `on` quoted, since YAML 1.1 reads a bare `on` as true.
    static func key(_ name: String) -> Node {
        name == "on" ? Node(name, Tag(.str), .singleQuoted) : Node(name)
    }

    static func document(_ yaml: String, file: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: yaml), node.mapping != nil else {
                throw SignalError("\(file) is not a YAML mapping")
            }
            return node
        } catch let error as SignalError { throw error } catch {
            throw SignalError("\(file): \(error)")
        }
    }

    static func text(_ node: Node) throws -> String {
        try Yams.serialize(node: node, width: 110, allowUnicode: true)
    }

    /// `yaml` with `element` added at the end of the list under the top-level `key`, written as text so that
    /// every comment and line of the file stays as it was (a reviewer's check notes live in comments). Nil when
    /// the list is not the file's last top-level key, where only a rewrite of the whole tree can place it.
    static func appendingText(_ yaml: String, to key: String, _ element: Node) throws -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let topLevel = lines.indices.filter { i in
            guard let first = lines[i].first else { return false }
            return first != " " && first != "#" && first != "-"
        }
        guard let last = topLevel.last, lines[last].hasPrefix("\(key):") else { return nil }
        let indent =
            lines[(last + 1)...].first { $0.drop { $0 == " " }.hasPrefix("- ") }
            .map { String($0.prefix { $0 == " " }) } ?? "  "
        // Blank lines inside a block scalar stay blank (no trailing indent).
        let item = try text(.sequence(Node.Sequence([element])))
        let indented = item.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
        let base = yaml.hasSuffix("\n") ? yaml : yaml + "\n"
        return base + indented + (indented.hasSuffix("\n") ? "" : "\n")
    }
}
