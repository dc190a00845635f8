import FineprintCore

/// What every report renders: the analysis, the corpus it was made with (for names and clause
/// texts), the playbook, and the extracted text the offsets refer to.
public struct ReportInput: Sendable {
    public var analysis: Analysis
    public var corpus: Corpus
    public var playbook: Playbook
    public var text: String
    /// When a person reviewed the analysis: which cells they changed (the analysis is then the
    /// reviewed reading), for the marker and legend; nil for the machine's reading alone.
    public var reviewMarks: ReviewMarks?

    public init(analysis: Analysis, corpus: Corpus, playbook: Playbook, text: String, reviewMarks: ReviewMarks? = nil) {
        self.analysis = analysis
        self.corpus = corpus
        self.playbook = playbook
        self.text = text
        self.reviewMarks = reviewMarks
    }

    /// The reviewer's marker for a cell a person changed, else "".
    func marker(_ provision: String, _ cell: ReviewedCell) -> String {
        reviewMarks?.changed(provision, cell) == true ? " " + ReviewMarks.marker : ""
    }

    func provisionName(_ id: String) -> String { corpus.taxonomy.provision(id)?.name ?? id }
    func dimensionName(_ id: String) -> String { corpus.taxonomy.dimensionName(id) }
    func moveName(_ id: String) -> String { corpus.move(id)?.name ?? id }
    func clauseTitle(_ id: String) -> String { corpus.clause(id)?.title ?? id.replacingUnderscores }

    /// Findings grouped by dimension, in taxonomy order.
    var findingsByDimension: [(dimension: Dimension, findings: [ProvisionFinding])] {
        corpus.taxonomy.dimensions.map { d in (d, analysis.provisions.filter { $0.dimension == d.id }) }
    }
}

/// The output formats of `fineprint analyze`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .markdown: "md"
        case .html: "html"
        }
    }
}

public enum ReportRenderer {
    public static func render(_ input: ReportInput, as format: ReportFormat) throws -> String {
        switch format {
        case .json: try JSONReport.render(input.analysis)
        case .text: TextReport.render(input)
        case .markdown: MarkdownReport.render(input)
        case .html: HTMLReport.render(input)
        }
    }
}

extension String {
    /// Paragraphs of a text written with hard line breaks (as YAML block scalars keep them): lines
    /// are joined, blank lines separate paragraphs.
    var paragraphs: [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty {
                if !current.isEmpty {
                    out.append(current.joined(separator: " "))
                    current = []
                }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    /// A quote cut to at most `limit` characters, on one line.
    func snippet(_ limit: Int = 160) -> String {
        let flat = split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }
}
