import FineprintCore
import FineprintStore
import Foundation

/// What the store tests write: a small analysis and documents whose hash follows their text.
enum Fixtures {
    static func analysis(sha: String, name: String = "a.txt", profile: String = "tier1", score: Int = 55) -> Analysis {
        Analysis(
            document: DocumentSummary(name: name, sha256: sha, format: .txt, characters: 11),
            profile: profile,
            provisions: [
                ProvisionFinding(
                    id: "governing_law",
                    dimension: "jurisdiction",
                    status: .present,
                    confidence: 0.9,
                    strength: .weak,
                    value: "California",
                    evidence: [Evidence(start: 0, end: 5, quote: "hello")]
                )
            ],
            killListMoves: [MoveFinding(id: "unilateral_change", confidence: 0.8, evidence: [], mitigation: "c1")],
            dimensions: [DimensionScore(id: "jurisdiction", score: 40, gaps: ["governing_law"])],
            gaps: [],
            score: score,
            timings: Timings(milliseconds: 3)
        )
    }

    static func document(_ text: String, name: String = "a.txt") -> NewDocument {
        let sha = String(repeating: String(text.count % 10), count: 64)
        return NewDocument(sha256: sha, name: name, format: .txt, bytes: Data(text.utf8), text: text)
    }

    /// A new empty folder for one test's database.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
