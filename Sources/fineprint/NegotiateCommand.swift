import ArgumentParser
import FineprintCore
import FineprintNegotiation
import FineprintReading
import FineprintReport
import Foundation

struct Negotiate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "negotiate",
        abstract: "Write the negotiation pack for a contract: issues, positions and our wording as tracked changes.",
        discussion: """
            The pack has a cover (document, supplier, date, profile, the score explained, counts), a table
            of issues (the supplier's words and clause number, why it matters, what we ask, the fallback,
            the source) and, per issue, the supplier's clause beside our wording with the differences
            marked: Word tracked changes in a DOCX, struck and inserted words in Markdown and HTML.
            Positions come from the playbook (docs/negotiation.md).
            """
    )

    @Argument(help: "The contract (.txt, .md, .html, .pdf or .docx).")
    var input: String

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var allies: AlliedProfileOptions

    @Option(
        help: """
            A standard id (e.g. mcc-ai-high-risk): each ask cites the articles its crosswalk maps to the \
            provision, and the cover lists the articles the contract does not meet.
            """
    )
    var standard: String?

    @Option(help: "Pack format: docx, md or html.")
    var format: PackFormatChoice = .docx

    @Option(help: "The file to write.")
    var out: String

    enum PackFormatChoice: String, ExpressibleByArgument, CaseIterable {
        case docx, md, html
    }

    func run() async throws {
        let (setup, playbook) = try await judging.load(allies: allies)
        let crosswalk = try standard.map { id in
            try CLIError.setup { try Check.crosswalk(id, corpusURL: setup.corpusURL) }
        }
        let document = try judging.reader.read(fileAt: URL(fileURLWithPath: input))
        let analysis = setup.analyzer.analyze(document, playbook: playbook)
        let report = ReportInput(analysis: analysis, corpus: setup.corpus, playbook: playbook, text: document.text)
        let reading = ContractReader(lexicons: setup.corpus.reading).read(text: document.text)
        let supplier = reading.parties.first { $0.role == .supplier }?.names.first
        let pack = PackBuilder(input: report, supplier: supplier, date: Self.today(), crosswalk: crosswalk).build()
        let data: Data =
            switch format {
            case .docx: try DocxRenderer.render(pack)
            case .md: Data(PackMarkdown.render(pack).utf8)
            case .html: Data(PackHTML.render(pack).utf8)
            }
        do { try data.write(to: URL(fileURLWithPath: out)) } catch {
            throw CLIError("cannot write \(out): \(error.localizedDescription)")
        }
        Console.error("wrote \(out): \(pack.issues.count) issues, score \(pack.score)/100")
    }

    /// Today in UTC, yyyy-mm-dd.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
