import FineprintAnalysis
import FineprintCompare
import FineprintCore
import FineprintIngest
import FineprintRegister
import FineprintServer
import FineprintStore
import FineprintWatch
import Foundation
import HummingbirdTesting
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The fictional ministry's register (`corpus/register/example/ministry.yaml`), loaded as
/// `fineprint register example` loads it: its contracts analysed, stored and linked.
enum RegisterExample {
    static let seedURL = Repo.corpusURL.appendingPathComponent("register/example/ministry.yaml")

    static func register(at now: Date = Date()) throws -> (RegisterSeed, Register) {
        let seed = try RegisterSeed.decode(yaml: try String(contentsOf: seedURL, encoding: .utf8))
        return (seed, try seed.register(at: now))
    }

    /// A store holding the example register with its contracts linked, and a workbench over it.
    static func workbench(watchFolder: URL? = nil) async throws -> (WebWorkbench, Register) {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        var (seed, register) = try register()
        let corpus = try Repo.corpus.get()
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        for contract in seed.contracts {
            let url = seedURL.deletingLastPathComponent().appendingPathComponent(contract.file).standardizedFileURL
            let document = try DocumentReader().read(fileAt: url)
            let analysis = analyzer.analyze(document, playbook: playbook)
            _ = try await store.saveDocument(
                NewDocument(
                    sha256: document.sha256,
                    name: document.name,
                    format: document.format,
                    bytes: try Data(contentsOf: url),
                    text: document.text
                )
            )
            let summary = try await store.saveAnalysis(analysis)
            let link = ContractLink(
                id: contract.id,
                supplier: contract.supplier,
                components: Set(contract.components),
                analysisId: summary.id,
                documentName: summary.documentName,
                profile: summary.profile,
                score: summary.score,
                linkedAt: Date()
            )
            register.link(contract: link, analysis: analysis, at: Date())
        }
        try await store.saveRegister(register, organisation: "default")
        var bench = try await Repo.workbench(store: store, watchFolder: watchFolder)
        bench.registerPolicies = try PolicyFile.decode(
            yaml: try String(
                contentsOf: Repo.corpusURL.appendingPathComponent("register/policies.yaml"),
                encoding: .utf8
            )
        ).policies
        return (bench, register)
    }

    /// A watch store in which `location` lost its no-training promise between two recorded versions.
    static func watchStoreWithAWorseChange(location: String) throws -> URL {
        let folder = try Repo.temporaryFolder().appendingPathComponent("watch")
        let corpus = try Repo.corpus.get()
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        var store = try WatchStore(root: folder)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        for (n, text) in WatchPageTests.versions.enumerated() {
            let outcome = try store.record(
                location: location,
                name: "auroral-terms.md",
                data: Data(text.utf8),
                at: start.addingTimeInterval(Double(n) * 86_400)
            )
            if case .changed(let previous, let current) = outcome {
                let reader = DocumentReader()
                let old = try reader.read(data: try store.data(of: previous), name: previous.fileName)
                let new = try reader.read(data: try store.data(of: current), name: current.fileName)
                try store.attach(
                    VersionDiff.compute(old: old, new: new, analyzer: analyzer, playbook: playbook),
                    to: location
                )
            }
        }
        try store.save()
        return folder
    }
}

/// Every `<svg>…</svg>` of a page, each checked to be well-formed XML.
enum SVGCheck {
    static func svgs(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.upperBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// Parses the SVG; returns the `href` of every `<a>` (nil when it is not well-formed).
    static func links(_ svg: String) -> [String]? {
        let collector = LinkCollector()
        let parsed = XMLParsingLock.run {
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = collector
            return parser.parse()
        }
        return parsed ? collector.links : nil
    }

    final class LinkCollector: NSObject, XMLParserDelegate {
        var links: [String] = []
        func parser(
            _ parser: XMLParser,
            didStartElement name: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "a", let href = attributes["href"] { links.append(href) }
        }
    }
}
