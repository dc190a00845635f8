import FineprintCore
import FineprintIngest
import Foundation
import Yams

/// One gold label file: a single document, annotated for every provision of the taxonomy
/// (docs/labels-format.md).
public struct GoldLabelFile: Decodable, Sendable {
    public var schema: String
    /// The document's path relative to the data folder, e.g. "ChatGPT/Commercial Terms.md".
    public var document: String
    /// SHA-256 of the document's bytes when it was annotated: a changed document is reported, not mis-scored.
    public var sha256: String
    /// dev (rules may be tuned on it) or validation (held out).
    public var split: String
    public var annotated: Annotation
    /// Provision id → its label. Every provision must be there, absent ones included.
    public var provisions: [String: ProvisionLabel]

    public struct Annotation: Decodable, Sendable {
        public var by: String
        public var date: String
        /// Which annotation round (set) the file came from (docs/labels-format.md), so that one blind set
        /// can be scored on its own; optional.
        public var set: Int?
    }

    public static let schemaName = "fineprint.labels/1"
}

/// The gold judgement for one provision in one document.
public struct ProvisionLabel: Decodable, Sendable {
    public var present: Bool
    /// Short exact excerpts of the document (located whitespace- and case-insensitively); required when present.
    public var evidence: [String]?
    /// How protective the annotator judges the provision (for hazards: how softened), when present.
    public var strength: Strength?
    /// Why a borderline call went the way it did.
    public var note: String?
}

/// A labelled document together with the split its label file declares.
public struct GoldLabelledDocument: Sendable {
    public var document: LabelledDocument
    public var split: DataSplit
    public var labels: GoldLabelFile
}

/// Loads and checks gold label files against the documents they describe.
public enum GoldLabels {
    /// Every problem found in the label files, one per line, so a broken annotation is fixed in one pass.
    public struct LoadError: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    /// Evidence quotes shorter than this are rejected: a couple of words locate nothing specific.
    public static let minimumQuoteWords = 4
    /// A quote found more often than this is too unspecific to score evidence against.
    public static let maximumQuoteOccurrences = 2

    /// Reads every `*.yaml` file in `labels` (sorted by name), checks each against its document in
    /// `data` and the taxonomy's `provisions`, and returns the labelled documents. Throws `LoadError`
    /// listing all problems when any file is wrong.
    public static func load(
        labels: URL,
        data: URL,
        provisions: [String],
        reader: DocumentReader = DocumentReader()
    ) throws -> [GoldLabelledDocument] {
        let files = try labelFiles(in: labels)
        guard !files.isEmpty else { throw LoadError(problems: ["\(labels.path): no label files (*.yaml)"]) }
        var out: [GoldLabelledDocument] = []
        var problems: [String] = []
        var seen: [String: String] = [:]
        for name in files {
            let url = labels.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                let file = try parse(text, name: name)
                if let other = seen[file.document] {
                    problems.append("\(name): labels '\(file.document)' again (already in \(other))")
                    continue
                }
                seen[file.document] = name
                out.append(try check(file, name: name, data: data, provisions: provisions, reader: reader))
            } catch let error as LoadError {
                problems += error.problems
            } catch {
                problems.append("\(name): \(error)")
            }
        }
        guard problems.isEmpty else { throw LoadError(problems: problems) }
        return out
    }

    /// The file names (last path component) of the documents the label files in `labels` declare as
    /// validation: what a training step must not see, nor a vendor's twin page of the same name.
    public static func heldOutFileNames(in labels: URL) throws -> Set<String> {
        // No label folder, nothing held out (a corpus kept outside the repository has none).
        guard FileManager.default.fileExists(atPath: labels.path) else { return [] }
        var names: Set<String> = []
        for name in try labelFiles(in: labels) {
            let file = try parse(
                try String(contentsOf: labels.appendingPathComponent(name), encoding: .utf8),
                name: name
            )
            if file.split == DataSplit.validation.rawValue {
                names.insert(URL(fileURLWithPath: file.document).lastPathComponent)
            }
        }
        return names
    }

    /// The label files (*.yaml, *.yml) of a folder, in name order; a folder that cannot be listed is an error.
    static func labelFiles(in labels: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: labels.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw LoadError(problems: ["\(labels.path): cannot list the label folder"])
        }
    }

    /// Decodes one label file; the YAML must match the format exactly.
    public static func parse(_ yaml: String, name: String) throws -> GoldLabelFile {
        let file: GoldLabelFile
        do {
            file = try YAMLDecoder().decode(GoldLabelFile.self, from: yaml)
        } catch {
            throw LoadError(problems: ["\(name): not a label file: \(error)"])
        }
        guard file.schema == GoldLabelFile.schemaName else {
            throw LoadError(problems: ["\(name): schema is '\(file.schema)', expected '\(GoldLabelFile.schemaName)'"])
        }
        return file
    }

    /// Every provision of the taxonomy labelled, and nothing else.
    static func coverageProblems(_ file: GoldLabelFile, name: String, provisions: [String]) -> [String] {
        var problems: [String] = []
        let known = Set(provisions)
        for id in provisions where file.provisions[id] == nil {
            problems.append("\(name): provision '\(id)' is not labelled (write present: false when it is absent)")
        }
        for id in file.provisions.keys.sorted() where !known.contains(id) {
            problems.append("\(name): '\(id)' is not a provision of the taxonomy")
        }
        return problems
    }

    /// One provision's label: evidence exactly when present, no strength when absent, and every quote long
    /// enough and found in the document (at most `maximumQuoteOccurrences` times).
    static func labelProblems(_ label: ProvisionLabel, id: String, name: String, locator: TextLocator) -> [String] {
        var problems: [String] = []
        let quotes = label.evidence ?? []
        if label.present && quotes.isEmpty {
            problems.append("\(name): \(id) is present but has no evidence quote")
        }
        if !label.present && !quotes.isEmpty {
            problems.append("\(name): \(id) is absent but has evidence quotes")
        }
        if !label.present && label.strength != nil {
            problems.append("\(name): \(id) is absent but has a strength")
        }
        for quote in quotes {
            if quote.split(whereSeparator: \.isWhitespace).count < minimumQuoteWords {
                problems.append(
                    "\(name): \(id): quote too short to be evidence (at least \(minimumQuoteWords) words): \"\(quote)\""
                )
                continue
            }
            // A quote may occur more than once (some documents print the same terms twice), but
            // one found all over the document is not evidence of anything in particular.
            switch locator.find(quote).count {
            case 0: problems.append("\(name): \(id): quote not found in the document: \"\(quote.prefix(80))\"")
            case 1...maximumQuoteOccurrences: break
            case let n:
                problems.append("\(name): \(id): quote occurs \(n) times; lengthen it: \"\(quote.prefix(80))\"")
            }
        }
        return problems
    }

    /// Checks a parsed file against its document and the taxonomy: the hash, the split, every provision
    /// covered and none unknown, evidence exactly when present, and every quote found (at most twice).
    public static func check(
        _ file: GoldLabelFile,
        name: String,
        data: URL,
        provisions: [String],
        reader: DocumentReader = DocumentReader()
    ) throws -> GoldLabelledDocument {
        var problems: [String] = []
        let split = DataSplit(rawValue: file.split)
        if split == nil || split == .all {
            problems.append("\(name): split must be dev or validation, not '\(file.split)'")
        }
        problems += coverageProblems(file, name: name, provisions: provisions)
        let url = data.appendingPathComponent(file.document)
        let extracted: ExtractedDocument
        do {
            extracted = try reader.read(fileAt: url)
        } catch {
            throw LoadError(problems: problems + ["\(name): cannot read '\(file.document)': \(error)"])
        }
        if extracted.sha256 != file.sha256.lowercased() {
            problems.append(
                "\(name): '\(file.document)' has changed since it was annotated "
                    + "(sha256 \(extracted.sha256), labels were made against \(file.sha256)); re-check the labels"
            )
        }
        let locator = TextLocator(extracted.text)
        var clauses: [String: [String]] = [:]
        for id in provisions {
            guard let label = file.provisions[id] else { continue }
            let quotes = label.evidence ?? []
            problems += labelProblems(label, id: id, name: name, locator: locator)
            clauses[id] = label.present ? quotes : []
        }
        guard problems.isEmpty, let split else { throw LoadError(problems: problems) }
        return GoldLabelledDocument(
            document: LabelledDocument(name: file.document, file: url, clauses: clauses),
            split: split,
            labels: file
        )
    }
}

extension DataSplit {
    /// The documents of this split as their label files declare it (`all`: every document).
    public func filter(_ documents: [GoldLabelledDocument]) -> [LabelledDocument] {
        documents.filter { self == .all || $0.split == self }.map(\.document)
    }
}
