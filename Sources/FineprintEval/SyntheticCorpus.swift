import Foundation
import Yams

/// Our own synthetic training clauses for every provision (`corpus/training/synthetic`, docs/evaluation.md,
/// "Learning all 40 provisions"): templates with slots, written by us, expanded by composition into many
/// concrete clauses. Positives make the provision present; hard negatives use the same words with the
/// opposite polarity, the buyer's duty instead of the supplier's, or a related provision.
public struct SyntheticCorpus: Sendable {
    /// One expanded clause.
    public struct Clause: Sendable, Hashable {
        public var text: String
        /// The provision whose file the clause comes from.
        public var provision: String
        /// Whether the clause makes `provision` present.
        public var positive: Bool
        /// Every provision the clause makes present (its own when positive, and any named by a negative).
        public var positiveFor: [String]
        /// The drafting style of its party names (web terms, public-sector contract…).
        public var style: String

        public init(text: String, provision: String, positive: Bool, positiveFor: [String], style: String) {
            self.text = text
            self.provision = provision
            self.positive = positive
            self.positiveFor = positiveFor
            self.style = style
        }
    }

    public var clauses: [Clause]

    /// How many variants of each template are drawn per party style (different durations, data terms…).
    public static let fillsPerStyle = 3

    public init(clauses: [Clause]) { self.clauses = clauses }

    /// Reads `slots.yaml` and every other `*.yaml` file of the folder, in name order.
    public static func load(folder: URL) throws -> SyntheticCorpus {
        let slotsURL = folder.appendingPathComponent("slots.yaml")
        guard FileManager.default.fileExists(atPath: slotsURL.path) else {
            throw SyntheticCorpusError("no slots.yaml in \(folder.path)")
        }
        let slots = try decode(SlotFile.self, from: slotsURL)
        guard !slots.styles.isEmpty else { throw SyntheticCorpusError("slots.yaml defines no style") }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "slots.yaml" }.sorted()
        var clauses: [Clause] = []
        for name in files {
            let file = try decode(TemplateFile.self, from: folder.appendingPathComponent(name))
            guard file.schema == TemplateFile.schemaName else {
                throw SyntheticCorpusError("\(name): schema \(file.schema), expected \(TemplateFile.schemaName)")
            }
            clauses += try expand(file, slots: slots, fileName: name)
        }
        return SyntheticCorpus(clauses: clauses)
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: try String(contentsOf: url, encoding: .utf8))
        } catch let error as SyntheticCorpusError {
            throw error
        } catch {
            throw SyntheticCorpusError("\(url.lastPathComponent): \(error)")
        }
    }

    /// Every template × every style × `fillsPerStyle` slot fillings; exact repeats dropped.
    static func expand(_ file: TemplateFile, slots: SlotFile, fileName: String) throws -> [Clause] {
        var seen = Set<String>()
        var out: [Clause] = []
        let sides =
            [(true, file.positives.map { Template(text: $0.text, also: $0.positiveFor ?? []) })]
            + [(false, file.negatives.map { Template(text: $0.text, also: $0.positiveFor ?? []) })]
        for (positive, templates) in sides {
            for (t, template) in templates.enumerated() {
                for style in slots.styles {
                    for fill in 0..<fillsPerStyle {
                        let key = "\(file.provision)|\(positive)|\(t)|\(style.name)|\(fill)"
                        let text = try SlotFiller(style: style, slots: slots.slots, key: key)
                            .fill(template.text, in: fileName)
                        guard seen.insert(text).inserted else { continue }
                        out.append(
                            Clause(
                                text: text,
                                provision: file.provision,
                                positive: positive,
                                positiveFor: (positive ? [file.provision] : []) + template.also,
                                style: style.name
                            )
                        )
                    }
                }
            }
        }
        return out
    }

    struct Template {
        var text: String
        var also: [String]
    }
}

public struct SyntheticCorpusError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// `slots.yaml`: the party styles and the shared slot values.
struct SlotFile: Decodable {
    var schema: String
    var styles: [PartyStyle]
    var slots: [String: [String]]
}

/// One way of naming the parties; its values are used together in a clause.
struct PartyStyle: Decodable {
    var name: String
    var S: String
    var S_obj: String
    var S_pos: String
    var B: String
    var B_obj: String
    var B_pos: String
    /// The buyer's data as this style names it (a defined term, or "your Content").
    var data: [String]
}

/// One provision's file: its templates.
struct TemplateFile: Decodable {
    static let schemaName = "fineprint.synthetic/1"
    var schema: String
    var provision: String
    var positives: [TemplateEntry]
    var negatives: [TemplateEntry]
}

/// A template: a plain string, or `{text:, positive_for: [ids]}` for a negative that is another provision's positive.
struct TemplateEntry: Decodable {
    var text: String
    var positiveFor: [String]?

    enum CodingKeys: String, CodingKey {
        case text
        case positiveFor = "positive_for"
    }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(String.self) {
            text = single
            positiveFor = nil
        } else {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            positiveFor = try c.decodeIfPresent([String].self, forKey: .positiveFor)
        }
    }
}
