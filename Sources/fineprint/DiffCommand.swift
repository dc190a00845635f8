import ArgumentParser
import FineprintCompare
import FineprintCore
import FineprintIngest
import Foundation

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of a document — in the buyer's rights first.",
        discussion: """
        Aligns OLD and NEW clause by clause (surviving renumbering and moved clauses), shows word-level
        changes, added and removed clauses, and above them the change in rights: provisions gained,
        lost, strengthened or weakened, hazards added or removed, values changed, kill-list moves
        added or removed, and the score. Changes in links, dates, whitespace, typography, case and
        numbering are labelled cosmetic. The time taken is printed on standard error.
        See docs/compare-and-diff.md.
        """)

    @Argument(help: "The older version.")
    var old: String

    @Argument(help: "The newer version.")
    var new: String

    @Option(help: "The sovereignty tier or playbook to judge against (tier1, tier2, tier3).")
    var profile = "tier1"

    @Option(help: "A playbook file of your own (YAML, as corpus/playbooks/*.yaml); overrides --profile.")
    var playbook: String?

    @Option(help: "Output format: text, json, markdown or html.")
    var format: Format = .text

    @Option(help: "Write the diff to this file instead of standard output.")
    var out: String?

    @Option(help: "The corpus folder (default: the bundled corpus).")
    var corpus: String?

    @Option(help: "Largest input file accepted, in bytes.")
    var maxSize = 25_000_000

    @Flag(help: "Do not print the timing line.")
    var quiet = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html
        var compare: CompareFormat { CompareFormat(rawValue: rawValue)! }
    }

    func run() async throws {
        let bench: Workbench
        let chosen: FineprintCore.Playbook
        do {
            bench = try Workbench(corpusPath: corpus)
            chosen = try bench.playbook(profile: profile, file: playbook)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        let reader = DocumentReader(maxBytes: maxSize)
        let oldDocument: ExtractedDocument, newDocument: ExtractedDocument
        do {
            oldDocument = try reader.read(fileAt: URL(fileURLWithPath: old))
            newDocument = try reader.read(fileAt: URL(fileURLWithPath: new))
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        let diff = VersionDiff.compute(old: oldDocument, new: newDocument, analyzer: bench.analyzer, playbook: chosen)
        do {
            try OutputSink.write(try DiffRenderer.render(diff, as: format.compare), to: out)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        if !quiet {
            let t = diff.timings
            Console.progress(String(format: "diff of %d and %d characters in %.1f ms (analyses %.1f ms, alignment %.1f ms)\n",
                                    diff.old.characters, diff.new.characters, t.totalMilliseconds,
                                    t.analysisMilliseconds, t.alignmentMilliseconds))
        }
    }
}
