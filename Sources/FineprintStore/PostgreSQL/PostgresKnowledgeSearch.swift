import PostgresNIO

/// A knowledge query as PostgreSQL full-text search: the same words-all-present, last-word-prefix
/// semantics as the SQLite store's FTS5 expression, ranked by the weighted vector, with a headline
/// whose matches sit between \u{1} and \u{2}.
struct PostgresKnowledgeSearch {
    var query: KnowledgeQuery

    init(_ query: KnowledgeQuery) { self.query = query }

    /// `word1 & word2:*`. Words are letters and digits only (everything else separates them), so no
    /// tsquery operator from the input survives.
    var tsquery: String? {
        let words = query.words
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in index == words.count - 1 ? "\(word):*" : word }.joined(
            separator: " & "
        )
    }

    func statement() -> PostgresQuery {
        var binds = PostgresBindings()
        var conditions: [String] = []
        let tsquery = self.tsquery
        if let tsquery {
            binds.append(tsquery)
            conditions.append("search @@ to_tsquery('english', $\(binds.count))")
        }
        if let kind = query.kind {
            binds.append(kind)
            conditions.append("kind = $\(binds.count)")
        }
        if let tag = query.tag {
            binds.append(tag)
            conditions.append("position(' ' || $\(binds.count) || ' ' in ' ' || tags || ' ') > 0")
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        binds.append(query.limit)
        let limit = "$\(binds.count)"
        guard tsquery != nil else {
            return PostgresQuery(
                unsafeSQL: "SELECT kind, id, title, summary, body, tags, NULL::text FROM knowledge"
                    + whereClause + " ORDER BY kind, title LIMIT \(limit)",
                binds: binds
            )
        }
        // The headline is cut from whichever field matched, joined in weight order.
        let sql = """
            SELECT kind, id, title, summary, body, tags,
                   ts_headline('english', title || ' — ' || summary || ' — ' || body, to_tsquery('english', $1),
                               'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…')
            FROM knowledge\(whereClause)
            ORDER BY ts_rank(search, to_tsquery('english', $1)) DESC, kind, title LIMIT \(limit)
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
