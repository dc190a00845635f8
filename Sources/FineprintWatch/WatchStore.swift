import Crypto
import FineprintCompare
import FineprintCore
import Foundation

/// The store's index: every watched source with its dated versions. `fineprint.watch/1`, kept in
/// `index.json` at the store's root.
public struct WatchIndex: Codable, Sendable, Equatable {
    public static let schemaId = "fineprint.watch/1"
    public var schema: String = WatchIndex.schemaId
    public var sources: [WatchSource] = []

    public init() {}

    public func source(_ location: String) -> WatchSource? { sources.first { $0.location == location } }
}

public struct WatchSource: Codable, Sendable, Equatable {
    /// Stable id: the first 16 hex digits of the SHA-256 of `location`.
    public var id: String
    /// The file path (absolute) or http(s) URL as given.
    public var location: String
    /// A display name (the file name or the URL's last path component).
    public var name: String
    /// Oldest first.
    public var versions: [WatchVersion]
}

public struct WatchVersion: Codable, Sendable, Equatable {
    /// SHA-256 of the content's bytes: the object's name in the store.
    public var sha256: String
    public var retrieved: Date
    public var bytes: Int
    /// Path of the content in the store, relative to its root.
    public var object: String
    /// The name the content was read under (its extension decides the format).
    public var fileName: String
    /// What changed against the previous version; nil for the first version.
    public var change: WatchChange?
}

/// The summary of a version's diff against the one before, as kept in the index and the feed.
public struct WatchChange: Codable, Sendable, Equatable {
    public var previous: String
    public var headline: String
    public var cosmeticOnly: Bool
    public var rightsChanged: Bool
    public var better: Int
    public var worse: Int
    public var scoreOld: Int
    public var scoreNew: Int
    /// One line per rights change ("lost breach_notification: strong (72 hours) → absent").
    public var details: [String]
    /// Clause counts: "2 modified, 1 added, …".
    public var clauses: String
    /// Path of the full diff (fineprint.diff/1 JSON) relative to the store's root.
    public var diff: String?

    public init(_ d: VersionDiff, diffPath: String?) {
        previous = d.old.sha256
        headline = d.summary.headline
        cosmeticOnly = d.summary.cosmeticOnly
        rightsChanged = d.summary.rightsChanged
        better = d.summary.better
        worse = d.summary.worse
        scoreOld = d.rights.scoreOld
        scoreNew = d.rights.scoreNew
        details =
            d.rights.provisions.map { "\($0.kind.rawValue) \($0.provision): \($0.old.label) → \($0.new.label)" }
            + d.rights.movesAdded.map { "kill-list move added \($0.id)" }
            + d.rights.movesRemoved.map { "kill-list move removed \($0.id)" }
        let s = d.summary
        clauses =
            "\(s.modified) modified, \(s.added) added, \(s.removed) removed, \(s.moved) moved, \(s.cosmetic) cosmetic only"
        diff = diffPath
    }
}

/// What recording a fetched content did.
public enum RecordOutcome: Sendable, Equatable {
    /// The first version of a new source.
    case first(WatchVersion)
    /// Same bytes as the latest version: nothing recorded.
    case unchanged(WatchVersion)
    /// A new version; diff it against `previous`.
    case changed(previous: WatchVersion, current: WatchVersion)
}

public struct WatchStoreError: Error, CustomStringConvertible {
    public var description: String
}

/// Versions of watched documents, content-addressed by SHA-256 under `objects/`, with `index.json`
/// listing sources and dated versions, and full diffs under `diffs/`.
public struct WatchStore {
    public let root: URL
    public private(set) var index: WatchIndex

    public init(root: URL) throws {
        self.root = root
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("objects"), withIntermediateDirectories: true)
        let indexURL = root.appendingPathComponent("index.json")
        if fm.fileExists(atPath: indexURL.path) {
            do {
                index = try Self.decoder.decode(WatchIndex.self, from: Data(contentsOf: indexURL))
            } catch {
                throw WatchStoreError(description: "\(indexURL.path) is not a fineprint watch index: \(error)")
            }
            guard index.schema == WatchIndex.schemaId else {
                throw WatchStoreError(
                    description: "\(indexURL.path) has schema \(index.schema); expected \(WatchIndex.schemaId)"
                )
            }
        } else {
            index = WatchIndex()
        }
    }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Records `data` as the newest version of `location` unless it equals the latest version.
    public mutating func record(
        location: String,
        name: String,
        data: Data,
        at date: Date = Date()
    ) throws -> RecordOutcome {
        let sha = Self.sha256(data)
        let ext = (name as NSString).pathExtension
        let object = "objects/\(sha.prefix(2))/\(sha)" + (ext.isEmpty ? "" : ".\(ext.lowercased())")
        var s = index.sources.firstIndex { $0.location == location }
        if let s, let latest = index.sources[s].versions.last, latest.sha256 == sha {
            return .unchanged(latest)
        }
        let objectURL = root.appendingPathComponent(object)
        if !FileManager.default.fileExists(atPath: objectURL.path) {
            try FileManager.default.createDirectory(
                at: objectURL.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try data.write(to: objectURL, options: .atomic)
        }
        let version = WatchVersion(
            sha256: sha,
            retrieved: date,
            bytes: data.count,
            object: object,
            fileName: name,
            change: nil
        )
        if s == nil {
            index.sources.append(
                WatchSource(
                    id: String(Self.sha256(Data(location.utf8)).prefix(16)),
                    location: location,
                    name: name,
                    versions: []
                )
            )
            s = index.sources.count - 1
        }
        let previous = index.sources[s!].versions.last
        index.sources[s!].versions.append(version)
        if let previous { return .changed(previous: previous, current: version) }
        return .first(version)
    }

    /// The stored bytes of a version.
    public func data(of version: WatchVersion) throws -> Data {
        let url = root.appendingPathComponent(version.object)
        let data = try Data(contentsOf: url)
        guard Self.sha256(data) == version.sha256 else {
            throw WatchStoreError(description: "\(url.path) does not match its SHA-256; the store is damaged")
        }
        return data
    }

    /// Attaches a diff to the newest version of `location` (and keeps the full diff under diffs/).
    public mutating func attach(_ diff: VersionDiff, to location: String) throws {
        guard let s = index.sources.firstIndex(where: { $0.location == location }), !index.sources[s].versions.isEmpty
        else {
            throw WatchStoreError(description: "no version of \(location) to attach a diff to")
        }
        let path = "diffs/\(diff.old.sha256.prefix(12))-\(diff.new.sha256.prefix(12)).json"
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try DiffRenderer.render(diff, as: .json).utf8).write(to: url, options: .atomic)
        index.sources[s].versions[index.sources[s].versions.count - 1].change = WatchChange(diff, diffPath: path)
    }

    /// Writes index.json (atomically).
    public func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(index).write(to: root.appendingPathComponent("index.json"), options: .atomic)
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
