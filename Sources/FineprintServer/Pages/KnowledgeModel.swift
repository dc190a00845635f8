import FineprintCore
import FineprintStore

/// The knowledge search page (view: knowledge.mustache): the query, the filters and the results.
struct KnowledgeModel: PageModel {
    static let template = "knowledge"
    struct KindFilter {
        var id: String
        var label: String
        var count: Int
        var selected: Bool
    }
    struct Result {
        var kind: String
        var kindLabel: String
        var id: String
        var title: String
        var summary: String
        var snippet: String?
        var tags: [String]
        /// Who shared it, for an ally's or adopted item.
        var badge: String?
    }
    var title = "Knowledge base"
    var query: String
    var kinds: [KindFilter]
    var tag: String?
    var results: [Result]
    var count: Int
    var searched: Bool

    init(
        _ search: KnowledgeSearchParameters,
        hits: [KnowledgeHit],
        counts: [String: Int],
        badge: (String, String) -> String? = { _, _ in nil }
    ) {
        query = search.text
        tag = search.tagFilter
        kinds = KnowledgeCatalog.kinds.map {
            KindFilter(id: $0.id, label: $0.label, count: counts[$0.id] ?? 0, selected: $0.id == search.kindFilter)
        }
        results = hits.map { hit in
            Result(
                kind: hit.entry.kind,
                kindLabel: KnowledgeCatalog.label(hit.entry.kind),
                id: hit.entry.id,
                title: hit.entry.title,
                summary: Format.snippet(hit.entry.summary, limit: 280),
                snippet: hit.snippet.map(Self.markedSnippet),
                tags: hit.entry.tags,
                badge: badge(hit.entry.kind, hit.entry.id)
            )
        }
        count = results.count
        searched = search.isFiltered
    }

    /// An FTS5 snippet (matches between \u{1} and \u{2}) as escaped HTML with <mark>. The pieces are
    /// escaped one by one, since the escaper turns control characters into spaces.
    static func markedSnippet(_ raw: String) -> String {
        var html = ""
        for (index, piece) in raw.split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated() {
            guard index > 0, let end = piece.firstIndex(of: "\u{2}") else {
                html += Markup.escape(String(piece))
                continue
            }
            html +=
                "<mark>" + Markup.escape(String(piece[..<end])) + "</mark>"
                + Markup.escape(String(piece[piece.index(after: end)...]))
        }
        return html
    }
}

/// One knowledge item's page (view: knowledge-entry.mustache).
struct KnowledgeEntryModel: PageModel {
    static let template = "knowledge-entry"
    var title: String
    var kind: String
    var kindLabel: String
    var id: String
    var summary: String?
    var sections: [KnowledgeSection]
    var tags: [String]
    /// An ally's item: who signed it, which version, when (`ShareOrigin.badge`).
    var badge: String? = nil
    /// An adopted item: where it came from; and the newer version its publisher sent since.
    var provenance: String? = nil
    var newer: String? = nil
    /// The item's own page under /allies (who signed it, with the key's fingerprint).
    var signedItem: String? = nil
}

/// A titled block of a knowledge entry's detail page.
struct KnowledgeSection {
    var heading: String
    var paragraphs: [String]
    var items: [String]
    /// Many short items: laid out in columns.
    var compact: Bool

    init(heading: String, paragraphs: [String], items: [String]) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.items = items
        compact = items.count > 6 && items.allSatisfy { $0.count <= 60 }
    }
}
