import FineprintAnalysis
import FineprintCompare
import FineprintCore
import FineprintIngest
import FineprintWatch
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct WatchStoreTests {
    final class FeedReader: NSObject, XMLParserDelegate {
        var entries = 0
        var categories: [String] = []
        var titles: [String] = []
        var root: String?
        private var inTitle = false
        private var depth = 0
        private var text = ""
        func parser(
            _ parser: XMLParser,
            didStartElement name: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root == nil { root = name }
            depth += 1
            if name == "entry" { entries += 1 }
            if name == "category", let t = attributes["term"] { categories.append(t) }
            if name == "title", depth == 3 {
                inTitle = true
                text = ""
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title", inTitle {
                titles.append(text)
                inTitle = false
            }
            depth -= 1
        }
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func recordsOnlyChangedContentAndWritesAValidFeed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let location = "/srv/terms/supplier <A> & co.txt"
        let v1 = VersionDiffTests.base
        let v2 = v1.replacingOccurrences(of: "within 72 hours of becoming aware of it", with: "without undue delay")
        let v3 = v2.replacingOccurrences(of: "SERVICE TERMS", with: "Service Terms")

        var store = try WatchStore(root: root)
        let day = Date(timeIntervalSince1970: 1_760_000_000)
        guard case .first = try store.record(location: location, name: "terms.txt", data: Data(v1.utf8), at: day) else {
            Issue.record("first version not recorded")
            return
        }
        guard
            case .unchanged = try store.record(location: location, name: "terms.txt", data: Data(v1.utf8), at: day + 60)
        else {
            Issue.record("unchanged content was recorded")
            return
        }
        #expect(store.index.sources.count == 1 && store.index.sources[0].versions.count == 1)

        for (k, text) in [v2, v3].enumerated() {
            guard
                case let .changed(previous, current) = try store.record(
                    location: location,
                    name: "terms.txt",
                    data: Data(text.utf8),
                    at: day + Double(86_400 * (k + 1))
                )
            else {
                Issue.record("changed content not recorded")
                return
            }
            let oldDoc = try DocumentReader().read(data: try store.data(of: previous), name: previous.fileName)
            let newDoc = try DocumentReader().read(data: Data(text.utf8), name: current.fileName)
            let diff = VersionDiff.compute(old: oldDoc, new: newDoc, analyzer: Tiny.analyzer, playbook: Tiny.playbook)
            try store.attach(diff, to: location)
        }
        try store.save()

        // The index reloads; objects are content-addressed.
        let reloaded = try WatchStore(root: root)
        #expect(reloaded.index == store.index)
        let versions = reloaded.index.sources[0].versions
        #expect(versions.count == 3)
        #expect(versions[0].change == nil)
        #expect(versions[1].change?.rightsChanged == true)
        #expect(versions[1].change?.cosmeticOnly == false)
        #expect(versions[2].change?.cosmeticOnly == true)
        #expect(versions[2].change?.rightsChanged == false)
        for v in versions {
            #expect(v.object.contains(v.sha256))
            #expect(try reloaded.data(of: v).count == v.bytes)
        }
        if let path = versions[1].change?.diff {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path))
        } else {
            Issue.record("no diff path")
        }

        let xml = AtomFeed.render(reloaded.index, feedId: root.path, now: day)
        let reader = FeedReader()
        let (parsed, error) = XMLParsingLock.run {
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = reader
            return (parser.parse(), parser.parserError)
        }
        #expect(parsed, "feed is not well-formed: \(String(describing: error))")
        #expect(reader.root == "feed")
        #expect(reader.entries == 2)
        #expect(reader.categories == ["cosmetic", "rights"])
        #expect(reader.titles.contains { $0.contains("cosmetic changes only") })
        #expect(reader.titles.contains { $0.contains("breach_notification") })
        #expect(xml.contains("xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(xml.contains("&lt;A&gt; &amp; co"))
    }

    @Test func aRevertIsANewVersionReusingItsObject() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var store = try WatchStore(root: root)
        _ = try store.record(location: "x", name: "x.txt", data: Data("one".utf8))
        _ = try store.record(location: "x", name: "x.txt", data: Data("two".utf8))
        guard case .changed = try store.record(location: "x", name: "x.txt", data: Data("one".utf8)) else {
            Issue.record("revert not recorded")
            return
        }
        let objects = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("objects").path)
            .filter { $0.hasSuffix(".txt") }
        #expect(objects.count == 2)
    }
}

/// The successive versions of suppliers' terms in the shared data, when it is there.
@Suite struct HistoryTests {
    static func series() -> [(name: String, files: [URL])] {
        let fm = FileManager.default
        guard let suppliers = try? fm.contentsOfDirectory(atPath: Paths.history.path) else { return [] }
        var result: [(String, [URL])] = []
        for supplier in suppliers.sorted() {
            let dir = Paths.history.appendingPathComponent(supplier)
            for doc in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                let folder = dir.appendingPathComponent(doc)
                let files = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                    .filter { $0.hasSuffix(".md") }.map { folder.appendingPathComponent($0) }
                if files.count >= 2 { result.append(("\(supplier)/\(doc)", files)) }
            }
        }
        return result
    }

    @Test(
        .enabled(
            if: Paths.historyExists,
            "vendor-terms/history is not there (../shared/data/vendor-terms relative to the repository)"
        )
    )
    func successiveVersionsDiff() throws {
        let series = Self.series()
        #expect(!series.isEmpty)
        let analyzer: Analyzer
        let playbook: Playbook
        if Paths.realCorpusLoads, case .success(let corpus) = Paths.realCorpus {
            analyzer = try Analyzer(corpus: corpus)
            playbook = corpus.playbook("tier1")!
        } else {
            analyzer = Tiny.analyzer
            playbook = Tiny.playbook
        }
        let reader = DocumentReader()
        var pairs = 0
        var slowest = 0.0
        for (name, files) in series {
            var previous: ExtractedDocument?
            for file in files {
                let doc = try reader.read(fileAt: file)
                if let old = previous {
                    let d = VersionDiff.compute(old: old, new: doc, analyzer: analyzer, playbook: playbook)
                    pairs += 1
                    slowest = max(slowest, d.timings.totalMilliseconds)
                    let problems = offsetProblems(d, old: old, new: doc)
                    #expect(problems.isEmpty, "\(name) \(file.lastPathComponent): \(problems.prefix(5))")
                    #expect(d.old.clauses + d.new.clauses > 0)
                    // Every clause of both versions appears exactly once.
                    #expect(d.clauses.filter { $0.old != nil }.count == d.old.clauses)
                    #expect(d.clauses.filter { $0.new != nil }.count == d.new.clauses)
                    if old.text == doc.text { #expect(d.summary.identical) }
                    _ = try DiffRenderer.render(d, as: .html)
                }
                previous = doc
            }
        }
        #expect(pairs > 0)
        print("history: \(pairs) successive pairs diffed; slowest \(String(format: "%.1f", slowest)) ms (this build)")
    }

    @Test(.enabled(if: Paths.realCorpusLoads, "the bundled corpus does not load yet"))
    func bundledCorpusDiffAndCompare() throws {
        guard case .success(let corpus) = Paths.realCorpus else { return }
        let analyzer = try Analyzer(corpus: corpus)
        let playbook = try #require(corpus.playbook("tier1"))
        let old = try Tiny.document(VersionDiffTests.base, name: "old.txt")
        let newText = VersionDiffTests.base.replacingOccurrences(
            of:
                "2. Data use. The Supplier will not use Customer Content to improve the Services or to train any model.\n\n",
            with: ""
        )
        let new = try Tiny.document(newText, name: "new.txt")
        let d = VersionDiff.compute(old: old, new: new, analyzer: analyzer, playbook: playbook)
        #expect(d.summary.removed == 1)
        #expect(offsetProblems(d, old: old, new: new).isEmpty)
        let c = Comparison.build(
            [analyzer.analyze(old, playbook: playbook), analyzer.analyze(new, playbook: playbook)],
            corpus: corpus,
            playbook: playbook
        )
        #expect(c.provisions.count == corpus.taxonomy.provisions.count)
        #expect(c.ranking.count == 2)
    }
}
