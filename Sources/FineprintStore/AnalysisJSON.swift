import FineprintCore
import Foundation

/// The one JSON coding of a whole analysis kept by every store (the `fineprint.analysis/1` shape,
/// keys sorted so that equal analyses give equal bytes).
enum AnalysisJSON {
    static func encode(_ analysis: Analysis) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(analysis)
    }

    static func decode(_ data: Data) throws -> Analysis {
        try JSONDecoder().decode(Analysis.self, from: data)
    }
}
