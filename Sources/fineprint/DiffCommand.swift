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
            """
    )

    @Argument(help: "The older version.")
    var old: String

    @Argument(help: "The newer version.")
    var new: String

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var output: OutputOptions<Format>

    @Flag(help: "Do not print the timing line.")
    var quiet = false

    enum Format: String, OutputFormatChoice {
        case text, json, markdown, html
        var compare: CompareFormat { CompareFormat(rawValue: rawValue)! }
    }

    func run() async throws {
        let (setup, chosen) = try judging.load()
        let reader = judging.reader
        let oldDocument = try reader.read(fileAt: URL(fileURLWithPath: old))
        let newDocument = try reader.read(fileAt: URL(fileURLWithPath: new))
        let diff = VersionDiff.compute(old: oldDocument, new: newDocument, analyzer: setup.analyzer, playbook: chosen)
        try OutputSink.write(try DiffRenderer.render(diff, as: output.format.compare), to: output.out)
        if !quiet {
            let t = diff.timings
            Console.progress(
                String(
                    format: "diff of %d and %d characters in %.1f ms (analyses %.1f ms, alignment %.1f ms)\n",
                    diff.old.characters,
                    diff.new.characters,
                    t.totalMilliseconds,
                    t.analysisMilliseconds,
                    t.alignmentMilliseconds
                )
            )
        }
    }
}
