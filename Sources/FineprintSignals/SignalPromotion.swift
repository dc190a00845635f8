import FineprintCore
import Foundation
import Yams

/// Writes a reviewed signal into the knowledge base's files: a `sources.yaml` entry for the primary document it
/// points at, and a new or amended `regulations.yaml` item citing it, with confidence, reviewer and date, version
/// + 1 and a `provenance` block naming the signal, its snapshot and the feed. Pure: YAML text in, YAML text out;
/// the caller writes the files and runs the knowledge validator.
public struct SignalPromotion: Sendable {
    /// What the item says: an amendment of an existing regulation, or a new one written by the reviewer.
    public enum Target: Sendable {
        case amend(regulationId: String)
        case new(NewRegulation)
    }

    /// A new regulation item: the reviewer's own wording (never the feed's prose).
    public struct NewRegulation: Sendable {
        public var id: String
        public var instrument: String
        public var jurisdiction: String
        public var article: String
        public var summary: String
        public var provisions: [String]

        public init(
            id: String,
            instrument: String,
            jurisdiction: String,
            article: String,
            summary: String,
            provisions: [String]
        ) {
            self.id = id
            self.instrument = instrument
            self.jurisdiction = jurisdiction
            self.article = article
            self.summary = summary
            self.provisions = provisions
        }
    }

    public var item: SignalItem
    public var source: SignalSource
    public var snapshot: String
    public var target: Target
    /// A reviewer id from reviewers.yaml.
    public var reviewer: String
    /// ISO date of the review.
    public var date: String
    /// True when the reviewer opened the primary document at the item's address.
    public var urlVerified: Bool

    public init(
        item: SignalItem,
        source: SignalSource,
        target: Target,
        reviewer: String,
        date: String,
        urlVerified: Bool
    ) {
        self.item = item
        self.source = source
        self.snapshot = item.snapshotSHA256
        self.target = target
        self.reviewer = reviewer
        self.date = date
        self.urlVerified = urlVerified
    }

    /// Primary only from the issuing authority's own channel and with the document opened in review.
    public var confidence: Confidence { source.primary && urlVerified ? .primarySource : .singleSource }

    /// The knowledge source id the item cites: `sig_` and the signal's hex id.
    public var sourceId: String { "sig_" + item.id.replacingOccurrences(of: "sig-", with: "") }

    public struct Result: Sendable {
        public var sourcesYAML: String
        public var regulationsYAML: String
        public var regulationId: String
        public var version: Int
    }

    public func apply(sourcesYAML: String, regulationsYAML: String) throws -> Result {
        guard let url = item.entry.url else { throw SignalError("signal \(item.id) has no address to cite") }
        let sources = try YAMLEdit.document(sourcesYAML, file: "knowledge/sources.yaml")
        let list = YAMLEdit.value(sources, "sources")?.sequence.map(Array.init) ?? []
        let existing = list.first { YAMLEdit.value($0, "url")?.string == url }
        let citedId = existing.flatMap { YAMLEdit.value($0, "id")?.string } ?? sourceId
        let sourcesText =
            try existing == nil ? withSource(sourceEntry(url: url), in: sourcesYAML, tree: sources) : sourcesYAML
        var regulations = try YAMLEdit.document(regulationsYAML, file: "knowledge/regulations.yaml")
        var items = YAMLEdit.value(regulations, "regulations")?.sequence.map(Array.init) ?? []
        let (id, version): (String, Int)
        switch target {
        case .amend(let regulationId):
            guard let at = items.firstIndex(where: { YAMLEdit.value($0, "id")?.string == regulationId }) else {
                throw SignalError("regulations.yaml has no item \(regulationId) to amend")
            }
            version = (YAMLEdit.value(items[at], "version")?.int ?? 0) + 1
            items[at] = amended(items[at], cited: citedId, version: version)
            id = regulationId
        case .new(let new):
            guard !items.contains(where: { YAMLEdit.value($0, "id")?.string == new.id }) else {
                throw SignalError("regulations.yaml already has an item \(new.id); amend it instead")
            }
            items.append(newItem(new, url: url, cited: citedId))
            (id, version) = (new.id, 1)
        }
        regulations = YAMLEdit.setting(regulations, "regulations", .sequence(Node.Sequence(items)))
        return Result(
            sourcesYAML: sourcesText,
            regulationsYAML: try YAMLEdit.text(regulations),
            regulationId: id,
            version: version
        )
    }

    /// The sources file with `entry` added, as text where it can be, so reviewers' comments survive.
    private func withSource(_ entry: Node, in yaml: String, tree: Node) throws -> String {
        if let text = try YAMLEdit.appendingText(yaml, to: "sources", entry) { return text }
        return try YAMLEdit.text(YAMLEdit.appending(tree, to: "sources", entry))
    }

    private func sourceEntry(url: String) -> Node {
        let day = (item.entry.published ?? item.entry.updated ?? item.firstSeen)
        return YAMLEdit.map([
            ("id", YAMLEdit.plain(sourceId)), ("url", YAMLEdit.plain(url)),
            ("publisher", YAMLEdit.plain(source.publisher)), ("title", YAMLEdit.plain(item.entry.title)),
            ("date", YAMLEdit.string(SignalDay.string(from: day))),
            ("kind", YAMLEdit.plain(source.sourceKind.rawValue)),
            ("url_verified", Node(urlVerified ? "true" : "false")), ("last_checked", YAMLEdit.string(date)),
        ])
    }

    private func amended(_ node: Node, cited: String, version: Int) -> Node {
        var n = node
        let cites = YAMLEdit.value(n, "sources")?.sequence?.contains { $0.string == cited } ?? false
        if !cites { n = YAMLEdit.appending(n, to: "sources", YAMLEdit.plain(cited)) }
        return stamped(n, version: version)
    }

    private func newItem(_ new: NewRegulation, url: String, cited: String) -> Node {
        let n = YAMLEdit.map([
            ("id", YAMLEdit.plain(new.id)), ("instrument", YAMLEdit.plain(new.instrument)),
            ("jurisdiction", YAMLEdit.plain(new.jurisdiction)), ("article", YAMLEdit.plain(new.article)),
            ("title", YAMLEdit.plain(item.entry.title)), ("summary", YAMLEdit.plain(new.summary)),
            ("provisions", .sequence(Node.Sequence(new.provisions.map(YAMLEdit.plain)))),
            ("url", YAMLEdit.plain(url)), ("sources", .sequence(Node.Sequence([YAMLEdit.plain(cited)]))),
        ])
        return stamped(n, version: 1)
    }

    /// Confidence, review, version and the provenance block: what every promotion writes.
    private func stamped(_ node: Node, version: Int) -> Node {
        var n = YAMLEdit.setting(node, "confidence", YAMLEdit.plain(confidence.rawValue))
        n = YAMLEdit.setting(
            n,
            "reviewed",
            YAMLEdit.map([("by", YAMLEdit.plain(reviewer)), ("on", YAMLEdit.string(date))])
        )
        n = YAMLEdit.setting(n, "version", Node(String(version)))
        let provenance = YAMLEdit.map([
            ("signal", YAMLEdit.plain(item.id)), ("signal_source", YAMLEdit.plain(source.id)),
            ("native_id", YAMLEdit.string(item.entry.nativeId)), ("revision", Node(String(item.revision))),
            ("snapshot_sha256", YAMLEdit.plain(snapshot)), ("feed", YAMLEdit.plain(source.address)),
            ("first_seen", YAMLEdit.string(SignalDay.string(from: item.firstSeen))),
        ])
        return YAMLEdit.setting(n, "provenance", provenance)
    }
}
