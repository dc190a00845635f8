import ArgumentParser
import FineprintCompare
import FineprintCore
import FineprintIngest
import FineprintWatch
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep versions of suppliers' terms and report what changed in the rights.",
        discussion: """
            SOURCE is a file, a folder (every document in it), or an http(s) URL. URLs are fetched only
            with --allow-network; Fineprint never goes online otherwise. Each run stores the content in
            --store (content-addressed by SHA-256, with index.json listing sources and dated versions),
            records a new version only when the bytes changed, diffs it against the previous version, and
            writes an Atom feed of the changes (--feed, default STORE/feed.atom). Changes that are only
            cosmetic are recorded and marked as such in the feed, not headlined. Run it from cron weekly.
            See docs/compare-and-diff.md.
            """
    )

    @Argument(help: "Files, folders or http(s) URLs to watch.")
    var sources: [String]

    @Option(help: "The folder that keeps the versions (created if missing).")
    var store: String

    @Flag(help: "Allow fetching http(s) URLs. Without it a URL source is an error.")
    var allowNetwork = false

    @Option(help: "Write the Atom feed here (default: STORE/feed.atom).")
    var feed: String?

    @OptionGroup var judging: JudgingOptions

    @Option(help: "Seconds to wait for a URL.")
    var timeout = 30.0

    /// A URL without --allow-network, or a scheme other than http(s), is a usage error found before any work.
    func validate() throws {
        for s in sources where Self.isURL(s) && !allowNetwork {
            throw ValidationError(
                "\(s) is a URL; fetching it needs --allow-network (Fineprint stays offline otherwise)"
            )
        }
        for s in sources where !Self.isURL(s) && s.contains("://") {
            throw ValidationError("\(s): only http and https URLs can be watched")
        }
    }

    func run() async throws {
        let (setup, chosen) = try judging.load()
        var watchStore = try CLIError.setup { try WatchStore(root: URL(fileURLWithPath: store)) }
        var failures = 0
        for source in sources {
            let items: [(location: String, name: String, data: Data)]
            do {
                items = try await fetch(source)
            } catch {
                Console.error("\(source): \(error)")
                failures += 1
                continue
            }
            for item in items {
                do {
                    try record(item, in: &watchStore, setup: setup, playbook: chosen)
                } catch {
                    Console.error("\(item.location): \(error)")
                    failures += 1
                }
            }
        }
        try watchStore.save()
        let feedPath = feed ?? URL(fileURLWithPath: store).appendingPathComponent("feed.atom").path
        let xml = AtomFeed.render(watchStore.index, feedId: URL(fileURLWithPath: store).standardizedFileURL.path)
        try OutputSink.write(xml, to: feedPath)
        if failures > 0 { throw ExitCode(1) }
    }

    /// Records one fetched document and, when it changed, the diff against its previous version.
    private func record(
        _ item: (location: String, name: String, data: Data),
        in watchStore: inout WatchStore,
        setup: AnalysisSetup,
        playbook: Playbook
    ) throws {
        switch try watchStore.record(location: item.location, name: item.name, data: item.data) {
        case .first:
            print("\(item.name): first version recorded")
        case .unchanged:
            print("\(item.name): unchanged")
        case let .changed(previous, current):
            let reader = judging.reader
            let oldDoc = try reader.read(data: try watchStore.data(of: previous), name: previous.fileName)
            let newDoc = try reader.read(data: item.data, name: current.fileName)
            let diff = VersionDiff.compute(old: oldDoc, new: newDoc, analyzer: setup.analyzer, playbook: playbook)
            try watchStore.attach(diff, to: item.location)
            let mark =
                diff.summary.rightsChanged
                ? "RIGHTS CHANGED" : diff.summary.cosmeticOnly ? "cosmetic only" : "wording changed"
            print(
                "\(item.name): new version — \(mark): \(diff.summary.headline) "
                    + String(format: "(diff %.1f ms)", diff.timings.totalMilliseconds)
            )
        }
    }

    static func isURL(_ s: String) -> Bool {
        let l = s.lowercased()
        return l.hasPrefix("http://") || l.hasPrefix("https://")
    }

    /// The documents a source stands for: one for a file or URL, every document for a folder.
    func fetch(_ source: String) async throws -> [(location: String, name: String, data: Data)] {
        if Self.isURL(source) {
            guard let url = URL(string: source) else { throw CLIError("not a valid URL") }
            let data = try await Self.download(url, timeout: timeout, maxBytes: judging.limit.maxSize)
            var name = url.lastPathComponent
            if name.isEmpty || name == "/" { name = url.host ?? "page" }
            if DocumentReader.format(forExtension: (name as NSString).pathExtension) == nil { name += ".html" }
            return [(source, name, data)]
        }
        return try InputFiles.expand([source]).map { url in
            let path = url.standardizedFileURL.path
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read") }
            return (path, url.lastPathComponent, data)
        }
    }

    static func download(_ url: URL, timeout: Double, maxBytes: Int) async throws -> Data {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("fineprint-watch", forHTTPHeaderField: "User-Agent")
        let box: (Data, Int) = try await withCheckedThrowingContinuation { continuation in
            let task = URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: CLIError("fetch failed: \(error.localizedDescription)"))
                    return
                }
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                continuation.resume(returning: (data ?? Data(), status))
            }
            task.resume()
        }
        guard (200..<300).contains(box.1) else { throw CLIError("HTTP status \(box.1)") }
        guard box.0.count <= maxBytes else { throw CLIError("larger than \(maxBytes) bytes") }
        guard !box.0.isEmpty else { throw CLIError("empty response") }
        return box.0
    }
}
