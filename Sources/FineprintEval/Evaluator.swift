import Dispatch
import FineprintAnalysis
import FineprintCore
import FineprintIngest
import Foundation

/// Runs the analyzer over labelled documents and scores it (docs/evaluation.md).
public struct Evaluator: Sendable {
    public var analyzer: Analyzer
    public var playbook: Playbook
    public var reader: DocumentReader

    public init(analyzer: Analyzer, playbook: Playbook, reader: DocumentReader = DocumentReader()) {
        self.analyzer = analyzer
        self.playbook = playbook
        self.reader = reader
    }

    public func evaluate(
        _ documents: [LabelledDocument],
        provisions: [String],
        dataset: String,
        split: DataSplit
    ) async throws -> EvaluationReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let perDocument = try await withThrowingTaskGroup(of: [String: Observation].self) { group in
            var results: [[String: Observation]] = []
            var next = 0
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            func submit() {
                guard next < documents.count else { return }
                let doc = documents[next]
                next += 1
                group.addTask { try observe(doc, provisions: provisions) }
            }
            for _ in 0..<workers { submit() }
            for try await result in group {
                results.append(result)
                submit()
            }
            return results
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let scores = provisions.map { id in
            Metrics.scores(id, perDocument.compactMap { $0[id] }.sorted { $0.document < $1.document })
        }
        return EvaluationReport(
            dataset: dataset,
            split: split.rawValue,
            documents: documents.count,
            provisions: scores,
            macro: Metrics.macro(scores),
            millisecondsPerDocument: documents.isEmpty ? 0 : elapsed / Double(documents.count)
        )
    }

    func observe(_ doc: LabelledDocument, provisions: [String]) throws -> [String: Observation] {
        let extracted = try reader.read(fileAt: doc.file)
        let analysis = analyzer.analyze(extracted, playbook: playbook)
        let locator = TextLocator(extracted.text)
        var out: [String: Observation] = [:]
        for id in provisions {
            guard let finding = analysis.finding(id) else { continue }
            // Every occurrence of a clause counts as that clause: documents that repeat a passage
            // (a page printed twice) are not penalised for evidence found in the other copy.
            var gold: [[TextSpan]] = []
            var unlocated = 0
            for clause in doc.clauses[id] ?? [] {
                let spans = locator.locate(clause: clause)
                if spans.isEmpty { unlocated += 1 } else { gold.append(spans) }
            }
            out[id] = Observation(
                document: doc.name,
                labelled: doc.isPresent(id),
                predicted: finding.status == .present,
                confidence: finding.confidence,
                evidence: finding.evidence.map(\.span),
                goldSpans: gold,
                unlocated: unlocated
            )
        }
        return out
    }
}
