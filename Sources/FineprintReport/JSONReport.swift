import FineprintCore
import Foundation

/// The `fineprint.analysis/1` JSON document (spec/analysis-json.md).
public enum JSONReport {
    public static func render(_ analysis: Analysis) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(analysis)
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode(_ data: Data) throws -> Analysis {
        try JSONDecoder().decode(Analysis.self, from: data)
    }
}
