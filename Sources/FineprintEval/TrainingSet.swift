import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintLearn
import Foundation

/// Turns labelled documents (CUAD or our own label files) into training documents for `ModelTrainer`:
/// each text read and cut into sentences as `analyze` does, the rules run over it, and the labelled
/// clauses located in the text so that the sentences overlapping them are the positives.
public struct TrainingSet: Sendable {
    public var analyzer: Analyzer
    public var reader: DocumentReader

    public init(analyzer: Analyzer, reader: DocumentReader = DocumentReader()) {
        self.analyzer = analyzer
        self.reader = reader
    }

    /// Located and unlocated clause counts, for the report.
    public struct Summary: Sendable {
        public var documents = 0
        public var locatedClauses = 0
        public var unlocatedClauses = 0
    }

    public func build(
        _ documents: [LabelledDocument],
        provisions: [String]
    ) async throws -> ([TrainingDocument], Summary) {
        let built = try await withThrowingTaskGroup(of: (Int, TrainingDocument, Int, Int).self) { group in
            var out = [TrainingDocument?](repeating: nil, count: documents.count)
            var located = 0
            var unlocated = 0
            var next = 0
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            func submit() {
                guard next < documents.count else { return }
                let i = next
                let doc = documents[i]
                next += 1
                group.addTask {
                    let (t, l, u) = try trainingDocument(doc, provisions: provisions)
                    return (i, t, l, u)
                }
            }
            for _ in 0..<workers { submit() }
            for try await (i, t, l, u) in group {
                out[i] = t
                located += l
                unlocated += u
                submit()
            }
            return (out.map { $0! }, located, unlocated)
        }
        return (built.0, Summary(documents: documents.count, locatedClauses: built.1, unlocatedClauses: built.2))
    }

    func trainingDocument(_ doc: LabelledDocument, provisions: [String]) throws -> (TrainingDocument, Int, Int) {
        try trainingDocument(reader.read(fileAt: doc.file), clauses: doc.clauses, provisions: provisions)
    }

    /// The synthetic corpus's composed documents as training documents (read as plain text, as `analyze` reads one).
    public func build(
        synthetic documents: [SyntheticCorpus.Document],
        provisions: [String]
    ) throws -> [TrainingDocument] {
        try documents.map { doc in
            let extracted = try reader.read(data: Data(doc.text.utf8), name: doc.name, format: .txt)
            return try trainingDocument(extracted, clauses: doc.clauses, provisions: provisions).0
        }
    }

    func trainingDocument(
        _ extracted: ExtractedDocument,
        clauses: [String: [String]],
        provisions: [String]
    ) throws -> (TrainingDocument, Int, Int) {
        let (learning, names) = analyzer.learningDocument(extracted, names: true)
        let locator = TextLocator(extracted.text)
        var labels: [String: ProvisionLabels] = [:]
        var located = 0
        var unlocated = 0
        for id in provisions {
            var spans: [TextSpan] = []
            var clauseIndex: [Int] = []
            for clause in clauses[id] ?? [] {
                // Every part of a clause with passages left out, and every copy of a repeated one.
                let found = locator.locate(clause: clause)
                if !found.isEmpty {
                    clauseIndex += Array(repeating: located, count: found.count)
                    spans += found
                    located += 1
                } else {
                    unlocated += 1
                }
            }
            labels[id] = ProvisionLabels(
                present: !(clauses[id] ?? []).isEmpty,
                clauses: spans,
                clauseIndex: clauseIndex
            )
        }
        return (TrainingDocument(document: learning, labels: labels, names: names), located, unlocated)
    }
}
