import GRDB

/// A row of the `knowledge` table (in both databases). In SQLite it is the content of the `knowledge_fts` index (kept in
/// step with it by triggers). Tags are stored space-separated, as both databases search them.
struct KnowledgeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "knowledge"

    var kind: String
    var id: String
    var title: String
    var summary: String
    var body: String
    var tags: String

    enum Columns {
        static let kind = Column(CodingKeys.kind)
        static let id = Column(CodingKeys.id)
        static let title = Column(CodingKeys.title)
        static let tags = Column(CodingKeys.tags)
    }

    var entry: KnowledgeEntry {
        KnowledgeEntry(
            kind: kind,
            id: id,
            title: title,
            summary: summary,
            body: body,
            tags: tags.split(separator: " ").map(String.init)
        )
    }
}

// The initialiser is in an extension so that the memberwise one, which the PostgreSQL store uses, remains.
extension KnowledgeRecord {
    init(_ entry: KnowledgeEntry) {
        kind = entry.kind
        id = entry.id
        title = entry.title
        summary = entry.summary
        body = entry.body
        tags = entry.tags.joined(separator: " ")
    }
}
