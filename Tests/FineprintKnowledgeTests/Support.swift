import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintTestSupport
import Foundation

/// The repository's bundled corpus, which the knowledge base cites into.
enum Repo {
    static let root = RepositoryPaths.root
    static let corpusURL = RepositoryPaths.corpus
    static let corpus: Result<Corpus, Error> = BundledCorpus.corpus
    static let analyzer: Result<Analyzer, Error> = BundledCorpus.analyzer
}

/// A small, valid knowledge base written to a temporary folder; each test breaks it in one way.
/// It cites real ids of the bundled corpus (move `foreign_law_and_forum`, provision `audit_rights`). Its primary
/// sources were last checked on 2026-01-15, the day its items were reviewed; the secondary report never was.
struct KnowledgeFixture {
    var files: [String: String] = [
        "sources.yaml": """
        schema: fineprint.knowledge.sources/1
        sources:
          - { id: statute_a, url: "https://example.org/statute-a", publisher: Example Gazette, title: Statute A, date: 2024-03-01, kind: statute, url_verified: true, last_checked: 2026-01-15 }
          - { id: release_b, url: "https://example.org/release-b", publisher: Example Ministry, title: Release B, date: 2025-05-10, kind: government_release, url_verified: false, last_checked: 2026-01-15 }
          - { id: report_c, url: "https://example.org/report-c", publisher: Example News, title: Report C, date: 2025-06-01, kind: secondary_report, url_verified: true }
        """,
        "reviewers.yaml": """
        schema: fineprint.knowledge.reviewers/1
        reviewers:
          - { id: core-team, name: Core team, role: Signs off items. }
        """,
        "patterns/shared_platform.yaml": """
        schema: fineprint.knowledge.pattern/1
        id: shared_platform
        name: Shared platform
        category: public_service
        summary: One supplier runs a platform for a ministry.
        description: A synthetic pattern written for the tests.
        sub_variants:
          - { id: single_stack, name: Single stack, description: One vendor for every layer. }
        live_precedents: [ministry_deal_2025]
        example_clauses:
          - { title: Audit, text: "The Ministry may audit the Platform." }
        kill_list_moves:
          - { id: foreign_law_and_forum, why_here: Disputes go abroad., mitigation: Keep home courts. }
        precedents: [court_case_2023]
        regulations: [statute_a_art_1]
        scholarly_anchors: [release_b]
        sources: [statute_a]
        confidence: primary_source
        reviewed: { by: core-team, "on": 2026-01-15 }
        version: 1
        """,
        "partnerships.yaml": """
        schema: fineprint.knowledge.partnerships/1
        partnerships:
          - id: ministry_deal_2025
            name: Ministry deal
            parties: [Example Ministry, Example Vendor]
            countries: [NL]
            date: 2025-05-10
            pattern: shared_platform
            instrument: contract
            summary: A synthetic deal.
            public_terms_excerpts:
              - { source: release_b, excerpt: "The agreement is governed by the laws of the State of New York.", checked: primary_text }
            sources: [release_b]
            confidence: primary_source
            reviewed: { by: core-team, "on": 2026-01-15 }
            version: 2
          - id: rumoured_deal_2025
            name: Rumoured deal
            parties: [Example Ministry, Other Vendor]
            date: 2025-06-01
            pattern: shared_platform
            instrument: announcement
            summary: Reported only.
            sources: [report_c]
            confidence: rumored
            reviewed: { by: core-team, "on": 2026-01-15 }
            version: 1
        """,
        "precedents.yaml": """
        schema: fineprint.knowledge.precedents/1
        precedents:
          - id: court_case_2023
            name: A v B
            kind: court_decision
            forum: Example Court
            date: 2023-04-04
            summary: A synthetic judgment.
            relevance: Why it matters.
            provisions: [audit_rights]
            kill_list_moves: [foreign_law_and_forum]
            sources: [statute_a]
            confidence: primary_source
            reviewed: { by: core-team, "on": 2026-01-15 }
            version: 1
        """,
        "regulations.yaml": """
        schema: fineprint.knowledge.regulations/1
        regulations:
          - id: statute_a_art_1
            instrument: Statute A
            article: Art. 1
            title: Audit
            summary: Buyers must be able to audit.
            provisions: [audit_rights]
            applies_from: 2030-01-01
            url: "https://example.org/statute-a#art1"
            sources: [statute_a]
            confidence: primary_source
            reviewed: { by: core-team, "on": 2026-01-15 }
            version: 1
        """,
    ]

    /// Replaces the first occurrence of `old` in `file` (the edit must apply, or the test is wrong).
    mutating func edit(_ file: String, _ old: String, _ new: String) {
        guard let text = files[file], text.contains(old) else { fatalError("fixture \(file) has no '\(old)'") }
        files[file] = text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
    }

    /// Writes the files as `<tmp>/knowledge/...` and returns `<tmp>` (a corpus folder).
    func write() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fineprint-knowledge-\(UUID().uuidString)"
        )
        for (path, text) in files {
            let url = root.appendingPathComponent("knowledge/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    func load() throws -> KnowledgeBase { try KnowledgeLoader.load(fromCorpus: try write()) }

    /// The validator's messages for this fixture, checked against the bundled corpus on a fixed day.
    func problems() throws -> [String] {
        let today = ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z")!
        return KnowledgeValidator.validate(try load(), against: try Repo.corpus.get(), today: today).map(\.description)
    }
}
