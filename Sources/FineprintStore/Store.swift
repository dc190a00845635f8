import FineprintCore
import Foundation

/// Where the workbench keeps what users give it and what it found: uploaded documents
/// (addressed by the SHA-256 of their bytes, so the same file is stored once), analyses with
/// their findings, and the full-text index of the knowledge base.
///
/// The web app talks only to this protocol; `SQLiteStore` is the embedded default and
/// `PostgresStore` the server database for multi-user deployments.
public protocol Store: Sendable {
    /// Stores a document unless one with the same bytes is already there; returns the stored row
    /// and whether it was new.
    func saveDocument(_ document: NewDocument) async throws -> (document: StoredDocument, inserted: Bool)
    func document(sha256: String) async throws -> StoredDocument?
    /// The bytes as uploaded, for downloads and re-analysis.
    func documentBytes(sha256: String) async throws -> Data?

    /// Stores an analysis of a stored document (with one queryable row per finding); each call makes
    /// a new analysis, even for the same document and tier.
    func saveAnalysis(_ analysis: Analysis) async throws -> AnalysisSummary
    func analysis(id: Int64) async throws -> StoredAnalysis?
    /// The most recent analyses first.
    func analyses(limit: Int, offset: Int) async throws -> [AnalysisSummary]
    func analysisCount() async throws -> Int

    /// Replaces the whole knowledge index (it is derived from the corpus at start-up).
    func replaceKnowledge(_ entries: [KnowledgeEntry]) async throws
    func searchKnowledge(_ query: KnowledgeQuery) async throws -> [KnowledgeHit]
    func knowledgeEntry(kind: String, id: String) async throws -> KnowledgeEntry?
    /// How many entries each kind has, for the filter list.
    func knowledgeCounts() async throws -> [String: Int]
}

/// A document to store: its bytes and what the reader extracted from them.
public struct NewDocument: Sendable {
    public var sha256: String
    public var name: String
    public var format: DocumentFormat
    public var bytes: Data
    public var text: String

    public init(sha256: String, name: String, format: DocumentFormat, bytes: Data, text: String) {
        self.sha256 = sha256
        self.name = name
        self.format = format
        self.bytes = bytes
        self.text = text
    }
}

/// A stored document without its bytes.
public struct StoredDocument: Hashable, Codable, Sendable {
    public var sha256: String
    /// The name it was first uploaded under.
    public var name: String
    public var format: DocumentFormat
    public var byteCount: Int
    /// The extracted text the analyses' evidence offsets refer to.
    public var text: String
    public var createdAt: Date

    public init(sha256: String, name: String, format: DocumentFormat, byteCount: Int, text: String, createdAt: Date) {
        self.sha256 = sha256
        self.name = name
        self.format = format
        self.byteCount = byteCount
        self.text = text
        self.createdAt = createdAt
    }
}

/// One line of the history of analyses.
public struct AnalysisSummary: Hashable, Codable, Sendable {
    public var id: Int64
    public var documentSha256: String
    public var documentName: String
    public var profile: String
    public var score: Int
    public var gaps: Int
    public var moves: Int
    public var createdAt: Date
    /// The random id every URL and API answer uses (`id` stays inside the store and its caller).
    public var publicId: String
    /// The public id of the matter the analysis belongs to.
    public var matterId: String

    public init(
        id: Int64,
        documentSha256: String,
        documentName: String,
        profile: String,
        score: Int,
        gaps: Int,
        moves: Int,
        createdAt: Date,
        publicId: String = "",
        matterId: String = ""
    ) {
        self.id = id
        self.publicId = publicId
        self.matterId = matterId
        self.documentSha256 = documentSha256
        self.documentName = documentName
        self.profile = profile
        self.score = score
        self.gaps = gaps
        self.moves = moves
        self.createdAt = createdAt
    }
}

/// A stored analysis with its full findings.
public struct StoredAnalysis: Hashable, Sendable {
    public var summary: AnalysisSummary
    public var analysis: Analysis

    public init(summary: AnalysisSummary, analysis: Analysis) {
        self.summary = summary
        self.analysis = analysis
    }
}

/// One searchable item of the knowledge base: a pattern, a kill-list move, a model clause, a
/// partnership, a precedent, a regulatory provision or a source.
public struct KnowledgeEntry: Hashable, Codable, Sendable {
    /// What sort of item it is ("pattern", "move", "clause", "partnership", "precedent", "regulation", "source").
    public var kind: String
    public var id: String
    public var title: String
    /// One or two sentences shown in result lists.
    public var summary: String
    /// All the other text worth finding it by.
    public var body: String
    /// Taxonomy dimensions or provisions it concerns, for the filter.
    public var tags: [String]

    public init(kind: String, id: String, title: String, summary: String, body: String, tags: [String]) {
        self.kind = kind
        self.id = id
        self.title = title
        self.summary = summary
        self.body = body
        self.tags = tags
    }
}

public struct KnowledgeQuery: Hashable, Sendable {
    /// Words to find (every word must occur; the last may be a prefix). Empty lists everything.
    public var text: String
    public var kind: String?
    public var tag: String?
    public var limit: Int

    public init(text: String = "", kind: String? = nil, tag: String? = nil, limit: Int = 100) {
        self.text = text
        self.kind = kind
        self.tag = tag
        self.limit = limit
    }

    /// The words to find, lowercased: runs of letters and digits, everything else separates them,
    /// so no search-syntax operator typed by the user reaches either store's query language.
    var words: [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}

/// A search result: the entry and, for a text search, a snippet with the matches marked.
public struct KnowledgeHit: Hashable, Sendable {
    public var entry: KnowledgeEntry
    /// The matching passage with matches between \u{1} and \u{2} (markers the caller escapes around).
    public var snippet: String?

    public init(entry: KnowledgeEntry, snippet: String?) {
        self.entry = entry
        self.snippet = snippet
    }
}
