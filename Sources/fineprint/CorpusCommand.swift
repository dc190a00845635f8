import ArgumentParser
import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintKnowledge
import FineprintStandards
import Foundation

struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Check, describe and export the corpus and its knowledge base.",
        subcommands: [Validate.self, Stats.self, Export.self, Stale.self]
    )

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check schema, references, ids, patterns, dates and sources of the corpus and knowledge base."
        )

        @OptionGroup var corpus: CorpusOptions

        func run() async throws {
            let url = try CorpusLocator.locate(explicit: corpus.corpus)
            let loaded = try CorpusLoader.load(from: url)
            let knowledge = try KnowledgeLoader.load(fromCorpus: url)
            var problems = CorpusValidator.validate(loaded).map(\.description)
            do { _ = try Analyzer(corpus: loaded) } catch { problems.append("patterns: \(error)") }
            problems += KnowledgeValidator.validate(knowledge, against: loaded).map(\.description)
            let standards = try StandardsLoader.load(fromCorpus: url)
            problems += CrosswalkValidator.validate(standards, taxonomy: loaded.taxonomy).map(\.description)
            problems += SignalsValidation.problems(corpus: url, loaded: loaded, knowledge: knowledge)
            guard problems.isEmpty else {
                for p in problems { Console.error(p) }
                throw CLIError("\(problems.count) problem(s) in \(url.path)")
            }
            print("corpus \(url.path) is valid: \(summary(loaded))")
            print("knowledge base is valid: \(summary(knowledge))")
            let articles = standards.reduce(0) { $0 + $1.articles.count }
            print("standards are valid: \(standards.count) crosswalks, \(articles) articles")
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count what the corpus and knowledge base hold.")

        @OptionGroup var corpus: CorpusOptions

        func run() async throws {
            let url = try CorpusLocator.locate(explicit: corpus.corpus)
            let loaded = try CorpusLoader.load(from: url)
            let knowledge = try KnowledgeLoader.load(fromCorpus: url)
            print(summary(loaded))
            for d in loaded.taxonomy.dimensions {
                let ids = loaded.taxonomy.provisions(in: d.id).map(\.id)
                let cues = loaded.rules.filter { ids.contains($0.provision) }.reduce(0) { $0 + $1.cues.count }
                print("  \(d.id): \(ids.count) provisions, \(cues) cues")
            }
            print("knowledge: \(summary(knowledge))")
            print(knowledgeTable(knowledge), terminator: "")
        }
    }

    struct Stale: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List knowledge sources and items not checked for longer than an age limit."
        )

        @Option(help: "Age limit in days, written 180d or 180.")
        var olderThan = "180d"

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "Output format: text or json (fineprint.stale/1).")
        var format: Format = .text

        @Option(help: "The corpus folder (default: the bundled corpus).")
        var corpus: String?

        func run() async throws {
            guard let days = KnowledgeStaleness.days(fromAge: olderThan) else {
                throw ValidationError("--older-than takes a positive number of days, such as 180d")
            }
            do {
                let url = try CorpusLocator.locate(explicit: corpus)
                let report = StaleReport.of(try KnowledgeLoader.load(fromCorpus: url), olderThan: days)
                switch format {
                case .text: print(staleReport(report.entries, days: days), terminator: "")
                case .json: print(String(decoding: try report.json(), as: UTF8.self))
                }
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the corpus, knowledge base and partnership scorecards as one JSON document."
        )

        enum Format: String, ExpressibleByArgument { case json }

        @Option(help: "Output format (json).")
        var format: Format = .json

        @Option(name: .shortAndLong, help: "Write here instead of standard output.")
        var out: String?

        @Flag(help: "Also export items below primary_source confidence (not published by default).")
        var includeUnpublished = false

        @Option(help: "The playbook partnership scorecards are read against.")
        var profile = "tier1"

        @OptionGroup var corpus: CorpusOptions

        func run() async throws {
            let loaded = try KnowledgeSetup(corpusPath: corpus.corpus, profile: profile, listingProblems: true)
            let export = CorpusExport(
                corpus: loaded.analysis.corpus,
                knowledge: loaded.knowledge,
                scorecards: loaded.scorer.scorecards(),
                includeUnpublished: includeUnpublished
            )
            let data = try export.json()
            if let out {
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                Console.error("wrote \(out) (\(data.count) bytes)")
            } else {
                FileHandle.standardOutput.write(data)
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        }
    }
}

func summary(_ c: Corpus) -> String {
    let cues = c.rules.reduce(0) { $0 + $1.cues.count }
    return "\(c.taxonomy.dimensions.count) dimensions, \(c.taxonomy.provisions.count) provisions, "
        + "\(c.rules.count) rules with \(cues) cues, \(c.moves.count) kill-list moves, "
        + "\(c.clauses.count) model clauses, \(c.playbooks.count) playbooks, "
        + "\(c.jurisdictions.count) jurisdictions"
}

func summary(_ k: KnowledgeBase) -> String {
    let verified = k.sources.filter(\.urlVerified).count
    return "\(k.patterns.count) patterns, \(k.partnerships.count) partnerships, \(k.precedents.count) precedents, "
        + "\(k.regulations.count) regulatory provisions, \(k.sources.count) sources (\(verified) addresses verified)"
}

/// One line per stale entry, oldest first, under a count.
func staleReport(_ entries: [StaleEntry], days: Int) -> String {
    guard !entries.isEmpty else { return "nothing in the knowledge base was last checked more than \(days) days ago\n" }
    var text =
        "\(entries.count) knowledge entr\(entries.count == 1 ? "y" : "ies") not checked in the last \(days) days:\n"
    for e in entries {
        let when =
            switch (e.lastChecked, e.ageInDays) {
            case (nil, _): "never checked"
            case (let date?, let age?): "last checked \(date) (\(age) days ago)"
            case (let date?, nil): "last checked '\(date)' (not a date)"
            }
        text += "  " + e.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + e.id + "  " + when + "\n"
    }
    return text
}

/// Items per kind and confidence: what is published by default and what waits for a primary source.
func knowledgeTable(_ k: KnowledgeBase) -> String {
    func row(_ name: String, _ items: [Confidence]) -> String {
        let counts = Confidence.allCases.map { c in items.filter { $0 == c }.count }
        return name.padding(toLength: 14, withPad: " ", startingAt: 0)
            + counts.map { String($0).leftPadded(16) }.joined() + "\n"
    }
    var text =
        "  " + "".padding(toLength: 14, withPad: " ", startingAt: 0)
        + Confidence.allCases.map { $0.rawValue.leftPadded(16) }.joined() + "\n"
    text += "  " + row("patterns", k.patterns.map(\.confidence))
    text += "  " + row("partnerships", k.partnerships.map(\.confidence))
    text += "  " + row("precedents", k.precedents.map(\.confidence))
    text += "  " + row("regulations", k.regulations.map(\.confidence))
    let kinds = Dictionary(grouping: k.sources, by: \.kind).map { "\($0.key.rawValue) \($0.value.count)" }.sorted()
    text += "  sources by kind: " + kinds.joined(separator: ", ") + "\n"
    let excerpts = k.partnerships.reduce(0) { $0 + $1.publicTermsExcerpts.count }
    text +=
        "  public-terms excerpts: \(excerpts) in \(k.partnerships.filter { !$0.publicTermsExcerpts.isEmpty }.count) partnerships\n"
    return text
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
