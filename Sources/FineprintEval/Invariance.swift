import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintReading
import Foundation

/// Runs the analyzer on each document and on its transformed copies and counts the findings that flip:
/// a provision's status, or a kill-list move found in one and not the other.
public struct Invariance: Sendable {
    public struct Flip: Sendable {
        public var document: String
        public var transformation: Transformation
        /// The provision or move id, and what it was before → after.
        public var finding: String
        public var change: String
    }

    public struct Rate: Sendable {
        public var transformation: Transformation
        /// Documents the transformation changed (a document with nothing to rename is not counted).
        public var documents: Int
        public var findings: Int
        public var flips: Int
        public var rate: Double { findings == 0 ? 0 : Double(flips) / Double(findings) }
    }

    public struct Report: Sendable {
        public var rates: [Rate]
        public var flips: [Flip]
    }

    let analyzer: Analyzer
    let playbook: Playbook
    let skipWords: Set<String>
    /// The term classes whose defined terms are renamed.
    let termClasses: Set<String>
    /// The classes `fineprint eval invariance` renames: the buyer's data and the outputs.
    public static let renamedClasses: Set<String> = ["buyer_data", "outputs"]
    let reader = DocumentReader()

    /// `skipWords`: words never renamed as party names (role words, company forms, pronouns).
    public init(analyzer: Analyzer, playbook: Playbook, skipWords: Set<String>, termClasses: Set<String>) {
        self.analyzer = analyzer
        self.playbook = playbook
        self.skipWords = skipWords
        self.termClasses = termClasses
    }

    /// Words never renamed as a party's name: role words, pronouns, company forms, group and document words.
    public static func wordsThatAreNotNames(_ corpus: Corpus) -> Set<String> {
        var words = Set(corpus.parties.supplier + corpus.parties.buyer)
        for lexicon in corpus.reading {
            let roles: [String] = lexicon.supplierRoles + lexicon.buyerRoles
            let pronouns: [String] = lexicon.firstPerson + lexicon.secondPerson
            let others: [String] = lexicon.companyForms + lexicon.groupWords + lexicon.documentWords
            words.formUnion(roles + pronouns + others)
        }
        return words
    }

    /// `labelledParties`: party names labelled for a document (CUAD `Parties`), renamed with those read.
    public func evaluate(_ documents: [LabelledDocument], labelledParties: Bool) throws -> Report {
        var rates = Dictionary(
            uniqueKeysWithValues: Transformation.allCases.map {
                ($0, Rate(transformation: $0, documents: 0, findings: 0, flips: 0))
            }
        )
        var flips: [Flip] = []
        for document in documents {
            let text = try reader.read(fileAt: document.file).text
            let base = try analysis(text, name: document.name)
            let reading = analyzer.reader.read(text: text)
            for transformation in Transformation.allCases {
                guard let changed = transform(text, transformation, reading, document, labelledParties), changed != text
                else { continue }
                let after = try analysis(changed, name: document.name)
                let found = compare(base, after, document: document.name, transformation: transformation)
                rates[transformation]!.documents += 1
                rates[transformation]!.findings += base.provisions.count + playbookMoves
                rates[transformation]!.flips += found.count
                flips += found
            }
        }
        return Report(rates: Transformation.allCases.map { rates[$0]! }, flips: flips)
    }

    private var playbookMoves: Int { analyzer.corpus.moves.count }

    /// One document's text after a transformation (no labelled party names), nil when it changes nothing: to
    /// read a flip's cause with `fineprint eval read --transform`.
    public func transformed(_ text: String, by transformation: Transformation) -> String? {
        let document = LabelledDocument(name: "", file: URL(fileURLWithPath: "/"), clauses: [:])
        let changed = transform(text, transformation, analyzer.reader.read(text: text), document, false)
        return changed == text ? nil : changed
    }

    private func transform(
        _ text: String,
        _ transformation: Transformation,
        _ reading: DocumentReading,
        _ document: LabelledDocument,
        _ labelledParties: Bool
    ) -> String? {
        switch transformation {
        case .renameParties:
            let labelled = labelledParties ? document.clauses["parties"] ?? [] : []
            return Renaming.apply(
                Renaming.partyNames(reading, labelled: labelled, skip: skipWords, text: text),
                to: text
            )
        case .renameTerms:
            let lexicon = analyzer.corpus.reading.first { $0.language == reading.language }
            let numbers = lexicon.map(NumberForms.init) ?? NumberForms.none
            return Renaming.apply(Renaming.termNames(reading, classes: termClasses, numbers: numbers), to: text)
        case .reorderPreamble:
            return PreambleOrder.swapped(text)
        }
    }

    private func analysis(_ text: String, name: String) throws -> Analysis {
        // Both versions go through the same plain-text reading, so only the transformation differs.
        analyzer.analyze(try reader.read(data: Data(text.utf8), name: name, format: .txt), playbook: playbook)
    }

    private func compare(_ a: Analysis, _ b: Analysis, document: String, transformation: Transformation) -> [Flip] {
        var found: [Flip] = []
        for finding in a.provisions {
            guard let other = b.finding(finding.id), other.status != finding.status else { continue }
            found.append(
                Flip(
                    document: document,
                    transformation: transformation,
                    finding: finding.id,
                    change: "\(finding.status.rawValue) → \(other.status.rawValue)"
                )
            )
        }
        let before = Set(a.killListMoves.map(\.id))
        let after = Set(b.killListMoves.map(\.id))
        for id in before.symmetricDifference(after).sorted() {
            found.append(
                Flip(
                    document: document,
                    transformation: transformation,
                    finding: id,
                    change: before.contains(id) ? "move found → not found" : "move not found → found"
                )
            )
        }
        return found
    }
}
