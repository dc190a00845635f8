import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintKnowledge
import Foundation

struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "knowledge",
        abstract: "Read the knowledge base: deal patterns and partnership scorecards.",
        subcommands: [Patterns.self, Pattern.self, Scorecard.self]
    )

    /// Shared by the subcommands: the bundled (or given) corpus and its validated knowledge base.
    struct Source: ParsableArguments {
        @OptionGroup var corpus: CorpusOptions

        @Flag(help: "Also show items below primary_source confidence.")
        var includeUnpublished = false

        func load() throws -> KnowledgeSetup { try KnowledgeSetup(corpusPath: corpus.corpus, profile: "tier1") }
    }

    struct Patterns: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the deal patterns.")
        @OptionGroup var source: Source

        func run() async throws {
            let knowledge = try source.load().knowledge
            let shown = source.includeUnpublished ? knowledge : knowledge.published
            for p in shown.patterns {
                let tracked = shown.partnerships(exhibiting: p.id).count
                print(
                    "\(p.id)  \(p.name)  [\(p.category.rawValue), \(tracked) partnerships, \(p.killListMoves.count) moves]"
                )
                print("    \(p.summary.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
    }

    struct Pattern: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pattern page as Markdown.")
        @Argument(help: "The pattern id (see `fineprint knowledge patterns`).")
        var id: String
        @OptionGroup var source: Source

        func run() async throws {
            let loaded = try source.load()
            let knowledge = loaded.knowledge
            let shown = source.includeUnpublished ? knowledge : knowledge.published
            guard let pattern = shown.pattern(id) else {
                let hidden =
                    knowledge.pattern(id) != nil ? " (it is not primary-sourced; add --include-unpublished)" : ""
                throw CLIError(
                    "no pattern '\(id)'\(hidden); known: \(shown.patterns.map(\.id).joined(separator: ", "))"
                )
            }
            print(
                PatternPage(
                    pattern: pattern,
                    knowledge: knowledge,
                    corpus: loaded.analysis.corpus,
                    scorecard: loaded.scorer.scorecard(for:),
                    includeUnpublished: source.includeUnpublished
                ).markdown(),
                terminator: ""
            )
        }
    }

    struct Scorecard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score partnerships on what their public terms show (all, or the ids given)."
        )
        @Argument(help: "Partnership ids (default: every partnership shown).")
        var ids: [String] = []
        @Flag(help: "Write JSON instead of text.")
        var json = false
        @OptionGroup var source: Source

        func run() async throws {
            let loaded = try source.load()
            let knowledge = loaded.knowledge
            let shown = source.includeUnpublished ? knowledge : knowledge.published
            let chosen =
                try ids.isEmpty
                ? shown.partnerships
                : ids.map { id in
                    guard let p = shown.partnership(id) else {
                        throw CLIError(
                            "no partnership '\(id)' (shown: primary-sourced only unless --include-unpublished)"
                        )
                    }
                    return p
                }
            let cards = chosen.map(loaded.scorer.scorecard(for:))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(cards), as: UTF8.self))
                return
            }
            for (p, card) in zip(chosen, cards) {
                print("\(p.name) (\(p.date)) — \(card.excerptsRead) public-terms excerpt(s) read")
                for s in card.visibleMoves { print("  move visible: \(s.id) — \"\(s.quote)\" [\(s.source)]") }
                for s in card.evidentProtections {
                    print(
                        "  protection evident: \(s.id) (\(s.strength?.rawValue ?? "-")) — \"\(s.quote)\" [\(s.source)]"
                    )
                }
                for s in card.evidentHazards { print("  hazard evident: \(s.id) — \"\(s.quote)\" [\(s.source)]") }
                print(
                    "  unknown: \(card.unknownMoves.count) pattern move(s) (\(card.unknownMoves.joined(separator: ", "))), "
                        + "\(card.unknownProtections.count) protections not spoken to"
                )
            }
        }
    }
}
