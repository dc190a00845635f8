import FineprintCore
import FineprintStore
import Foundation
import GRDB
import Testing

@Suite("SQLite store")
struct StoreTests {
    static func analysis(sha: String, name: String = "a.txt", profile: String = "tier1", score: Int = 55) -> Analysis {
        Analysis(document: DocumentSummary(name: name, sha256: sha, format: .txt, characters: 11), profile: profile,
                 provisions: [ProvisionFinding(id: "governing_law", dimension: "jurisdiction", status: .present, confidence: 0.9,
                                               strength: .weak, value: "California", evidence: [Evidence(start: 0, end: 5, quote: "hello")])],
                 killListMoves: [MoveFinding(id: "unilateral_change", confidence: 0.8, evidence: [], mitigation: "c1")],
                 dimensions: [DimensionScore(id: "jurisdiction", score: 40, gaps: ["governing_law"])],
                 gaps: [], score: score, timings: Timings(milliseconds: 3))
    }

    static func document(_ text: String, name: String = "a.txt") -> NewDocument {
        let sha = String(repeating: String(text.count % 10), count: 64)
        return NewDocument(sha256: sha, name: name, format: .txt, bytes: Data(text.utf8), text: text)
    }

    @Test func sameBytesAreStoredOnce() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let first = try await store.saveDocument(Self.document("hello world", name: "first.txt"))
        let again = try await store.saveDocument(Self.document("hello world", name: "renamed.txt"))
        #expect(first.inserted)
        #expect(!again.inserted)
        #expect(again.document.name == "first.txt")
        #expect(try await store.documentBytes(sha256: first.document.sha256) == Data("hello world".utf8))
    }

    @Test func everyAnalysisIsANewRowAndRoundTrips() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let doc = try await store.saveDocument(Self.document("hello world")).document
        let a = try await store.saveAnalysis(Self.analysis(sha: doc.sha256, profile: "tier1", score: 55))
        let b = try await store.saveAnalysis(Self.analysis(sha: doc.sha256, profile: "tier2", score: 70))
        #expect(a.id != b.id)
        #expect(try await store.analysisCount() == 2)
        let list = try await store.analyses(limit: 10, offset: 0)
        #expect(list.map(\.id) == [b.id, a.id])
        let loaded = try #require(try await store.analysis(id: a.id))
        #expect(loaded.analysis == Self.analysis(sha: doc.sha256, profile: "tier1", score: 55))
        #expect(loaded.summary.moves == 1)
        #expect(try await store.analysis(id: 9999) == nil)
    }

    @Test func anAnalysisOfAnUnknownDocumentIsRefused() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        await #expect(throws: StoreError.unknownDocument(sha256: String(repeating: "f", count: 64))) {
            _ = try await store.saveAnalysis(Self.analysis(sha: String(repeating: "f", count: 64)))
        }
    }

    @Test func nothingIsLostWhenTheStoreIsReopened() async throws {
        let folder = try Repo.temporaryFolder()
        var id: Int64 = 0
        do {
            let store = try SQLiteStore(dataDirectory: folder)
            let doc = try await store.saveDocument(Self.document("kept across restarts")).document
            id = try await store.saveAnalysis(Self.analysis(sha: doc.sha256)).id
        }
        let reopened = try SQLiteStore(dataDirectory: folder)
        let loaded = try #require(try await reopened.analysis(id: id))
        #expect(loaded.summary.documentName == "a.txt")
        #expect(try await reopened.document(sha256: loaded.analysis.document.sha256)?.text == "kept across restarts")
    }

    @Test func knowledgeSearchRanksTitleMatchesAndFilters() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        try await store.replaceKnowledge([
            KnowledgeEntry(kind: "move", id: "m1", title: "Training on customer data", summary: "The vendor trains.",
                           body: "Models improve using your prompts.", tags: ["data", "high"]),
            KnowledgeEntry(kind: "clause", id: "c1", title: "Audit rights", summary: "Buyer may audit.",
                           body: "Includes training records.", tags: ["audit"]),
        ])
        let training = try await store.searchKnowledge(KnowledgeQuery(text: "training"))
        #expect(training.map(\.entry.id) == ["m1", "c1"])
        #expect(training[0].snippet?.contains("\u{1}") == true)
        // The last word is a prefix; operators in the input are inert.
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "custom")).map(\.entry.id) == ["m1"])
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "audit OR \"")).map(\.entry.id) == [])
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "training", kind: "clause")).map(\.entry.id) == ["c1"])
        #expect(try await store.searchKnowledge(KnowledgeQuery(tag: "audit")).map(\.entry.id) == ["c1"])
        #expect(try await store.knowledgeCounts() == ["move": 1, "clause": 1])
        // Replacing the index drops what was there.
        try await store.replaceKnowledge([])
        #expect(try await store.searchKnowledge(KnowledgeQuery(text: "training")).isEmpty)
    }

    @Test func aLockedDatabaseIsReportedAsBusy() async throws {
        let folder = try Repo.temporaryFolder()
        let store = try SQLiteStore(path: folder.appendingPathComponent("fineprint.sqlite").path, busyTimeout: 0.2)
        // Another process holding the write lock.
        let other = try DatabaseQueue(path: folder.appendingPathComponent("fineprint.sqlite").path)
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            DispatchQueue.global().async {
                do {
                    try other.inTransaction(.exclusive) { _ in
                        let semaphore = DispatchSemaphore(value: 0)
                        Task {
                            do {
                                _ = try await store.saveDocument(Self.document("blocked"))
                                done.resume(throwing: TestFailure("the write went through a held lock"))
                            } catch let error as StoreError {
                                if case .busy = error { done.resume() } else { done.resume(throwing: error) }
                            } catch { done.resume(throwing: error) }
                            semaphore.signal()
                        }
                        semaphore.wait()
                        return .rollback
                    }
                } catch { done.resume(throwing: error) }
            }
        }
        // Once the lock is gone, the same write succeeds.
        #expect(try await store.saveDocument(Self.document("blocked")).inserted)
    }

    @Test func errorsSayWhatToDo() {
        #expect(StoreError.busy(path: "x").description.contains("try again"))
        #expect(StoreError.full(path: "x").description.contains("free some space"))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
