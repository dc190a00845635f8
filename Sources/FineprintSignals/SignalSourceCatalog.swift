import Foundation
import Yams

/// The declared sources: every `corpus/signals/sources/*.yaml` (schema `fineprint.signals.source/1`, one source a
/// file named after its id).
public struct SignalSourceCatalog: Sendable {
    public static let schema = "fineprint.signals.source/1"
    public var sources: [SignalSource]

    public init(sources: [SignalSource]) {
        self.sources = sources
    }

    public func source(_ id: String) -> SignalSource? { sources.first { $0.id == id } }

    /// Reads `corpus/signals/sources/`; a missing folder is an empty catalog. Throws on the first file that is not a
    /// source declaration.
    public static func load(fromCorpus corpus: URL) throws -> SignalSourceCatalog {
        let folder = corpus.appendingPathComponent("signals/sources")
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.path) else { return SignalSourceCatalog(sources: []) }
        let files = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var sources: [SignalSource] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                sources.append(try decode(text, file: file))
            } catch let error as SignalError {
                throw error
            } catch {
                throw SignalError("signals/sources/\(file): \(error)")
            }
        }
        return SignalSourceCatalog(sources: sources)
    }

    /// One source declaration (the text of a `sources/ID.yaml` file).
    public static func decode(_ text: String, file: String) throws -> SignalSource {
        struct Envelope: Decodable { var schema: String }
        let envelope = try YAMLDecoder().decode(Envelope.self, from: text)
        guard envelope.schema == schema else {
            throw SignalError("signals/sources/\(file): schema \(envelope.schema); expected \(schema)")
        }
        struct File: Decodable { var source: SignalSource }
        return try YAMLDecoder().decode(File.self, from: text).source
    }

    /// Every problem of the catalog: ids, file names, addresses, intervals, patterns, selectors.
    public func validate(fileNames: [String]? = nil) -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for s in sources {
            let at = "signals/sources/\(s.id).yaml"
            if !seen.insert(s.id).inserted { problems.append("\(at): duplicate id \(s.id)") }
            if s.id.range(of: "^[a-z0-9_]+$", options: .regularExpression) == nil {
                problems.append("\(at): id must be snake_case")
            }
            problems += Self.addressProblems(s).map { "\(at): \($0)" }
            if s.minimumIntervalHours < 1 { problems.append("\(at): minimum_interval_hours must be at least 1") }
            if s.expectedUpdateDays <= 0 { problems.append("\(at): expected_update_days must be positive") }
            for p in s.include + s.exclude + [s.html?.linkPattern].compactMap({ $0 })
            where (try? NSRegularExpression(pattern: p)) == nil {
                problems.append("\(at): '\(p)' is not a regular expression")
            }
            if (s.kind == .html) != (s.html != nil) {
                problems.append("\(at): an html source needs `html.link_pattern`, and only an html source has one")
            }
            if let body = s.postBody, (try? JSONSerialization.jsonObject(with: Data(body.utf8))) == nil {
                problems.append("\(at): post_body must be JSON")
            }
            if s.licence.isEmpty || s.attribution.isEmpty { problems.append("\(at): licence and attribution needed") }
            if s.sourceKind == .secondaryReport, s.primary {
                problems.append("\(at): a secondary_report source cannot be primary")
            }
        }
        if let fileNames {
            for name in fileNames where !sources.contains(where: { "\($0.id).yaml" == name }) {
                problems.append("signals/sources/\(name): the file name must be the source's id")
            }
        }
        return problems
    }

    private static func addressProblems(_ s: SignalSource) -> [String] {
        guard let url = s.requestURL, let scheme = url.scheme?.lowercased(), url.host != nil else {
            return ["address is not a URL"]
        }
        return scheme == "https" ? [] : ["address must be https"]
    }
}

/// A harvester error with a message for the operator.
public struct SignalError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
