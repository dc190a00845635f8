import ArgumentParser
import FineprintCore
import FineprintIngest
import Foundation

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the analysis of generated texts from 128 KB to 8 MB (linear cost, bounded evidence).",
        discussion: """
            Builds each kind of text from the fixture contracts (ordinary; no full stops; one line; \
            packed with the corpus's cue words), analyses it once per size as `analyze` does (reading \
            included) and prints seconds, seconds per MB, the cost per MB against ordinary text of the \
            same size, and the longest evidence quote in characters. Measure on a release build.
            """
    )

    @Option(help: "Sizes to generate, comma-separated, in bytes or with K/M (1M = 1,048,576 bytes).")
    var sizes = "128K,512K,1M,2M,4M,8M"

    @Option(help: "Kinds of text, comma-separated: ordinary, no-stops, one-line, cue-words.")
    var kinds = BenchText.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "The folder of contracts the texts are made from (its .txt and .md files).")
    var fixtures = "Tests/Fixtures/contracts"

    @Option(help: "Also write each generated text to this folder (as KIND-SIZE.txt), e.g. for `analyze`.")
    var write: String?

    @OptionGroup var judging: JudgingOptions

    func run() async throws {
        let (bench, playbook) = try judging.load()
        let byteSizes = try Self.parseSizes(sizes)
        let chosen = try kinds.split(separator: ",").map { name in
            guard let kind = BenchText(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown kind \(name); use \(BenchText.allCases.map(\.rawValue))")
            }
            return kind
        }
        let contracts = try Self.contractText(folder: fixtures)
        let words = BenchText.cueWords(bench.corpus)
        let reader = DocumentReader(maxBytes: Int.max)
        print("kind        size      seconds   s/MB   ×ordinary  units  longest quote")
        var ordinaryCost: [Int: Double] = [:]
        for kind in chosen {
            for size in byteSizes {
                let text = kind.make(bytes: size, contracts: contracts, cueWords: words)
                if let write { try save(text, kind: kind, size: size, folder: write) }
                let started = DispatchTime.now().uptimeNanoseconds
                let document = try reader.read(data: Data(text.utf8), name: "\(kind.rawValue).txt", format: .txt)
                let analysis = bench.analyzer.analyze(document, playbook: playbook)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                let perMB = seconds / (Double(size) / 1_048_576)
                if kind == .ordinary { ordinaryCost[size] = perMB }
                let ratio = ordinaryCost[size].map { String(format: "%9.2f", perMB / $0) } ?? "        -"
                let name = kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                let sizeLabel = String(repeating: " ", count: max(0, 6 - Self.label(size).count)) + Self.label(size)
                let figures = String(format: "%10.3f %6.3f", seconds, perMB)
                let counts = String(format: "%7d %14d", document.sentences.count, Self.longestQuote(analysis))
                print("\(name) \(sizeLabel) \(figures) \(ratio)\(counts)")
            }
        }
    }

    /// The longest evidence quote of the analysis, in characters (Unicode scalars).
    static func longestQuote(_ analysis: Analysis) -> Int {
        let items = analysis.provisions.flatMap(\.evidence) + analysis.killListMoves.flatMap(\.evidence)
        return items.map(\.quote.unicodeScalars.count).max() ?? 0
    }

    static func contractText(folder: String) throws -> String {
        let url = URL(fileURLWithPath: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && $0 != "README.md" }
        guard !names.isEmpty else { throw ValidationError("no .txt or .md contracts in \(folder)") }
        return try names.map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n\n")
    }

    static func parseSizes(_ list: String) throws -> [Int] {
        try list.split(separator: ",").map { item in
            let text = item.trimmingCharacters(in: .whitespaces).uppercased()
            let multiplier = text.hasSuffix("K") ? 1024 : text.hasSuffix("M") ? 1_048_576 : 1
            let digits = multiplier == 1 ? text : String(text.dropLast())
            guard let n = Int(digits), n > 0, n <= 64 * 1024, n * multiplier <= 64 * 1_048_576 else {
                throw ValidationError("bad size \(item): use bytes or K/M, at most 64M")
            }
            return n * multiplier
        }
    }

    static func label(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576)M" : "\(bytes / 1024)K"
    }

    private func save(_ text: String, kind: BenchText, size: Int, folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: folder).appendingPathComponent("\(kind.rawValue)-\(Self.label(size)).txt")
        try Data(text.utf8).write(to: url)
    }
}
