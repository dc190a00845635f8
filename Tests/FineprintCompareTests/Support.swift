import FineprintAnalysis
import FineprintCompare
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintTestSupport
import Foundation

/// A small corpus written here, so the diff and comparison tests do not depend on the bundled rules.
enum Tiny {
    static let corpus: Corpus = {
        let parts = SmallCorpusParts.self
        let taxonomy = Taxonomy(
            dimensions: [
                Dimension(id: "data", name: "Data", summary: "data"),
                Dimension(id: "exit", name: "Exit", summary: "exit"),
            ],
            provisions: [
                parts.noSecondaryUse, parts.breachNotice, parts.terminationForConvenience, parts.unilateralChange,
            ]
        )
        let rules = [
            parts.noSecondaryUseRule, parts.breachNoticeRule, parts.terminationForConvenienceRule,
            parts.unilateralChangeRule,
        ]
        let moves = [parts.trainsOnData]
        let clauses = [parts.noTrainingClause, parts.changeClause]
        let playbook = Playbook(
            id: "test",
            name: "Test <profile>",
            description: "d",
            requirements: [
                Requirement(provision: "secondary_use_restriction", level: .required, weight: 2),
                Requirement(provision: "breach_notification", level: .required, minimumStrength: .adequate),
                Requirement(provision: "termination_for_convenience", level: .required),
                Requirement(provision: "unilateral_change", level: .mustBeAbsent),
            ]
        )
        var corpus = Corpus(
            taxonomy: taxonomy,
            rules: rules,
            moves: moves,
            clauses: clauses,
            playbooks: [playbook],
            parties: PartyLexicon(supplier: ["supplier", "we"], buyer: ["customer", "you"]),
            jurisdictions: [],
            forums: ForumLexicon(institutions: [], cities: [])
        )
        corpus.reading = [SmallCorpusParts.grammarOnly]
        return corpus
    }()

    static let analyzer: Analyzer = try! Analyzer(corpus: corpus)
    static var playbook: Playbook { corpus.playbooks[0] }

    static func document(_ text: String, name: String = "terms.txt") throws -> ExtractedDocument {
        try DocumentReader().read(data: Data(text.utf8), name: name, format: .txt)
    }

    static func diff(_ old: String, _ new: String) throws -> VersionDiff {
        VersionDiff.compute(
            old: try document(old, name: "old.txt"),
            new: try document(new, name: "new.txt"),
            analyzer: analyzer,
            playbook: playbook
        )
    }
}

/// Paths of the repository and the shared data.
enum Paths {
    static let root = RepositoryPaths.root
    static let corpus = RepositoryPaths.corpus
    /// ../shared/data/vendor-terms relative to the repository root.
    static let vendorTerms = RepositoryPaths.sharedData("vendor-terms")
    static let history = vendorTerms.appendingPathComponent("history")

    static var historyExists: Bool { RepositoryPaths.folderExists(history) }

    static let realCorpus: Result<Corpus, Error> = BundledCorpus.corpus
    static var realCorpusLoads: Bool {
        guard case .success(let c) = realCorpus, c.playbook("tier1") != nil else { return false }
        return (try? Analyzer(corpus: c)) != nil
    }
}

/// Checks every offset of a diff against the two texts; returns the problems.
func offsetProblems(_ d: VersionDiff, old: ExtractedDocument, new: ExtractedDocument) -> [String] {
    let a = Array(old.text.unicodeScalars)
    let b = Array(new.text.unicodeScalars)
    var problems: [String] = []
    func check(_ start: Int?, _ end: Int?, _ s: [Unicode.Scalar], _ what: String, quote: String? = nil) {
        guard let start, let end else {
            problems.append("\(what): missing offsets")
            return
        }
        guard 0 <= start, start <= end, end <= s.count else {
            problems.append("\(what): \(start)..<\(end) outside 0..<\(s.count)")
            return
        }
        if let quote {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[start..<end])
            if String(v) != quote { problems.append("\(what): text at \(start)..<\(end) is not the quote") }
        }
    }
    for (k, c) in d.clauses.enumerated() {
        if let r = c.old { check(r.start, r.end, a, "clause \(k) old") }
        if let r = c.new { check(r.start, r.end, b, "clause \(k) new") }
        if c.status == .added, let r = c.new { check(r.start, r.end, b, "clause \(k) added", quote: c.text) }
        if c.status == .removed, let r = c.old { check(r.start, r.end, a, "clause \(k) removed", quote: c.text) }
        for (n, seg) in (c.segments ?? []).enumerated() {
            switch seg.op {
            case .equal:
                check(seg.oldStart, seg.oldEnd, a, "clause \(k) segment \(n) old")
                check(seg.newStart, seg.newEnd, b, "clause \(k) segment \(n) new", quote: seg.text)
            case .delete: check(seg.oldStart, seg.oldEnd, a, "clause \(k) segment \(n) delete", quote: seg.text)
            case .insert: check(seg.newStart, seg.newEnd, b, "clause \(k) segment \(n) insert", quote: seg.text)
            }
        }
    }
    for p in d.rights.provisions {
        if let e = p.old.evidence { check(e.start, e.end, a, "\(p.provision) old evidence", quote: e.quote) }
        if let e = p.new.evidence { check(e.start, e.end, b, "\(p.provision) new evidence", quote: e.quote) }
    }
    return problems
}
