import GRDB

/// A knowledge query as an FTS5 search over `knowledge_fts`, ranked by bm25 with a title match
/// counting most, then the summary, with a snippet whose matches sit between \u{1} and \u{2}.
/// Without words it lists the filtered entries by kind and title.
struct SQLiteKnowledgeSearch {
    var query: KnowledgeQuery

    init(_ query: KnowledgeQuery) { self.query = query }

    /// A user's words as an FTS5 expression: every word must occur, the last may be a prefix
    /// (so results follow typing). Each word is quoted, so FTS5 operators in the input are inert.
    var matchExpression: String? {
        let words = query.words
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            index == words.count - 1 ? "\"\(word)\"*" : "\"\(word)\""
        }.joined(separator: " ")
    }

    func request() -> SQLRequest<Row> {
        var conditions: [SQL] = []
        let match = matchExpression
        if let match { conditions.append("knowledge_fts MATCH \(match)") }
        if let kind = query.kind { conditions.append("k.kind = \(kind)") }
        if let tag = query.tag { conditions.append("instr(' ' || k.tags || ' ', ' ' || \(tag) || ' ') > 0") }
        let filter: SQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        guard match != nil else {
            return "SELECT k.*, NULL AS snippet FROM knowledge k\(filter) ORDER BY k.kind, k.title LIMIT \(query.limit)"
        }
        return """
            SELECT k.*, snippet(knowledge_fts, -1, char(1), char(2), '…', 24) AS snippet
            FROM knowledge_fts JOIN knowledge k ON k.rowid = knowledge_fts.rowid\(filter)
            ORDER BY bm25(knowledge_fts, 10.0, 4.0, 1.0, 2.0) LIMIT \(query.limit)
            """
    }

    func hits(_ db: Database) throws -> [KnowledgeHit] {
        try request().fetchAll(db).map { row in
            KnowledgeHit(entry: try KnowledgeRecord(row: row).entry, snippet: row["snippet"])
        }
    }
}
