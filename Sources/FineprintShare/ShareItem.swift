import FineprintCore
import Foundation
import Yams

/// The kinds of item a bundle carries; the raw value is what `kind:ID` arguments and the
/// predicate use, the scope name what a trust-list entry allows.
public enum ShareKind: String, CaseIterable, Codable, Sendable {
    case clause, playbook, move, knowledge, standard, analysis, evaluation

    public var scopeName: String {
        switch self {
        case .clause: return "clauses"
        case .playbook: return "playbooks"
        case .move: return "moves"
        case .knowledge: return "knowledge"
        case .standard: return "standards"
        case .analysis: return "analyses"
        case .evaluation: return "evaluations"
        }
    }

    /// Accepts a scope as written on the command line: singular or plural kind names.
    public static func scope(named name: String) -> ShareKind? {
        let name = name.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.rawValue == name || $0.scopeName == name }
    }

    var schema: String { "fineprint.share.\(rawValue)/1" }
    /// Standard crosswalks travel as the publisher's YAML file; everything else as JSON.
    var fileExtension: String { self == .standard ? "yaml" : "json" }
}

/// One item to pack: its bytes are signed as they are.
public struct OutgoingItem: Hashable, Sendable {
    public var kind: ShareKind
    public var id: String
    public var title: String
    public var content: Data
    public var withdrawn: Bool

    public init(kind: ShareKind, id: String, title: String, content: Data, withdrawn: Bool = false) {
        self.kind = kind
        self.id = id
        self.title = title
        self.content = content
        self.withdrawn = withdrawn
    }

    /// What a withdrawn item's file holds: only the statement that it is withdrawn.
    public static func withdrawal(kind: ShareKind, id: String) throws -> OutgoingItem {
        let content = try CanonicalJSON.encode(["id": id, "kind": kind.rawValue, "status": "withdrawn"])
        return OutgoingItem(
            kind: kind,
            id: id,
            title: "\(kind.rawValue) \(id) (withdrawn)",
            content: content,
            withdrawn: true
        )
    }
}

enum ItemIdentifier {
    /// Ids become file names inside the bundle, so only a safe alphabet is accepted.
    static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128 && id.first != "."
            && id.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0)
            }
    }
}

/// Check 11: an item's bytes must be what its kind says, and name the id the predicate gives.
enum ItemValidator {
    static func validate(_ item: SharePredicate.Item, content: Data) throws {
        guard let kind = ShareKind(rawValue: item.kind) else {
            throw ShareError.invalidItem(path: item.path, reason: "unknown kind \"\(item.kind)\"")
        }
        guard item.schema == kind.schema else {
            throw ShareError.invalidItem(path: item.path, reason: "schema \(item.schema), expected \(kind.schema)")
        }
        guard ItemIdentifier.isSafe(item.id), item.version >= 1 else {
            throw ShareError.invalidItem(path: item.path, reason: "bad id or version")
        }
        do {
            if item.withdrawn {
                try expectObject(content, id: item.id)
                return
            }
            try validateContent(kind, id: item.id, content: content)
        } catch let error as ShareError {
            throw error
        } catch {
            throw ShareError.invalidItem(path: item.path, reason: "\(error)")
        }
    }

    private static func validateContent(_ kind: ShareKind, id: String, content: Data) throws {
        let decoder = JSONDecoder()
        switch kind {
        case .clause: try expect(try decoder.decode(ModelClause.self, from: content).id, id)
        case .playbook:
            let shared = try decoder.decode(SharedPlaybook.self, from: content)
            try expect(shared.playbook.id, id)
            let problems = shared.positionProblems()
            guard problems.isEmpty else {
                throw ItemProblem("its negotiation positions: " + problems.joined(separator: "; "))
            }
        case .move: try expect(try decoder.decode(KillListMove.self, from: content).id, id)
        case .knowledge: try expectObject(content, id: id)
        case .analysis: _ = try decoder.decode(SharedAnalysis.self, from: content)
        case .evaluation: try expectObject(content, id: nil)
        case .standard:
            guard let text = String(data: content, encoding: .utf8), try Yams.load(yaml: text) is [String: Any] else {
                throw ItemProblem("a standard crosswalk must be a YAML mapping")
            }
        }
    }

    private static func expect(_ found: String, _ id: String) throws {
        guard found == id else { throw ItemProblem("its content has id \"\(found)\", the statement says \"\(id)\"") }
    }

    private static func expectObject(_ content: Data, id: String?) throws {
        guard let object = try JSONSerialization.jsonObject(with: content) as? [String: Any] else {
            throw ItemProblem("not a JSON object")
        }
        if let id { try expect(object["id"] as? String ?? "", id) }
    }
}

struct ItemProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A reviewed analysis as shared: the findings, and the document's text only when the operator
/// chose to include it (evidence quotes are blanked otherwise).
public struct SharedAnalysis: Codable, Hashable, Sendable {
    public var analysis: Analysis
    public var documentText: String?

    public init(analysis: Analysis, documentText: String?) {
        self.analysis = analysis
        self.documentText = documentText
    }

    /// Without the text, every evidence quote is emptied (offsets stay, so a holder of the same
    /// document can still find the passages).
    public static func make(_ analysis: Analysis, text: String?, includeText: Bool) throws -> SharedAnalysis {
        guard !includeText else { return SharedAnalysis(analysis: analysis, documentText: text) }
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(analysis))
        let blanked = try JSONSerialization.data(withJSONObject: blankQuotes(json))
        return SharedAnalysis(analysis: try JSONDecoder().decode(Analysis.self, from: blanked), documentText: nil)
    }

    private static func blankQuotes(_ value: Any) -> Any {
        if var object = value as? [String: Any] {
            for (key, inner) in object { object[key] = key == "quote" && inner is String ? "" : blankQuotes(inner) }
            return object
        }
        if let array = value as? [Any] { return array.map(blankQuotes) }
        return value
    }
}
