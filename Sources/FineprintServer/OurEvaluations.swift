import FineprintShare
import FineprintStore
import Foundation

/// Our own evaluation results, read at start-up so allies' figures can be shown beside them.
enum OurEvaluations {
    static func load(_ files: [URL]) throws -> [SharedEvaluation] {
        try files.map { url in
            guard let data = FileManager.default.contents(atPath: url.path), let evaluation = SharedEvaluation(data)
            else {
                throw StoreError.cannotOpen(
                    path: url.path,
                    detail: "not our evaluation results (the JSON of `fineprint eval labels|cuad --json`)"
                )
            }
            return evaluation
        }
    }
}
