import FineprintCore
import FineprintStore
import Foundation
import GRDB
import Testing

struct DeletionTests {
    typealias Backend = StoreContract.Backend

    @Test(arguments: Backend.available) func deletingADocumentTakesItsAnalyses(_ backend: Backend) async throws {
        try await StoreContract(backend).withStore { store in
            let deleting = try #require(store as? any DeletingStore)
            let kept = try await store.saveDocument(Fixtures.document("kept text")).document
            let doomed = try await store.saveDocument(Fixtures.document("doomed", name: "d.txt")).document
            let a = try await store.saveAnalysis(Fixtures.analysis(sha: doomed.sha256))
            let b = try await store.saveAnalysis(Fixtures.analysis(sha: doomed.sha256, profile: "tier2"))
            let c = try await store.saveAnalysis(Fixtures.analysis(sha: kept.sha256))
            let gone = try #require(try await deleting.deleteDocument(sha256: doomed.sha256))
            #expect(gone.name == "d.txt" && gone.analysisIds == [a.id, b.id])
            #expect(try await store.document(sha256: doomed.sha256) == nil)
            #expect(try await store.documentBytes(sha256: doomed.sha256) == nil)
            #expect(try await store.analysis(id: a.id) == nil)
            #expect(try await store.analyses(limit: 10, offset: 0).map(\.id) == [c.id])
            #expect(try await deleting.deleteDocument(sha256: doomed.sha256) == nil)
            #expect(try await deleting.deleteAnalysis(id: c.id))
            #expect(try await !deleting.deleteAnalysis(id: c.id))
            #expect(try await store.document(sha256: kept.sha256) != nil)
        }
    }

    @Test(arguments: Backend.available) func deletingADocumentTakesTheJobsThatMadeIt(_ backend: Backend) async throws {
        try await StoreContract(backend).withStore { store in
            let queue = try #require(store as? any JobQueueStore).jobQueue()
            let document = Fixtures.document("job bytes")
            let job = try await queue.enqueue(
                NewJob(profile: "tier1", files: [JobUpload(name: "a.txt", bytes: Data("job bytes".utf8))])
            ).job
            let claimed = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
            let result = JobResult(document: document, analysis: Fixtures.analysis(sha: document.sha256))
            try await queue.complete(claimed.lease, results: [result])
            let gone = try #require(try await (store as! any DeletingStore).deleteDocument(sha256: document.sha256))
            #expect(gone.jobs == 1)
            #expect(try await queue.job(id: job.id) == nil)
        }
    }

    @Test(arguments: Backend.available) func retentionDeletesOnlyWhatIsPastThePeriod(_ backend: Backend) async throws {
        try await StoreContract(backend).withStore { store in
            let deleting = try #require(store as? any DeletingStore)
            let log = try #require(store as? any AuditLogStore).auditLog()
            let doc = try await store.saveDocument(Fixtures.document("old contract")).document
            let sweep = RetentionSweep(days: 30, store: deleting, log: log)
            #expect(try await sweep.run(now: doc.createdAt.addingTimeInterval(29 * 86_400)).isEmpty)
            #expect(try await store.document(sha256: doc.sha256) != nil)
            let deleted = try await sweep.run(now: doc.createdAt.addingTimeInterval(31 * 86_400))
            #expect(deleted.map(\.sha256) == [doc.sha256])
            #expect(try await store.document(sha256: doc.sha256) == nil)
            let rows = try await log.events(AuditFilter(action: .retentionDelete))
            #expect(rows.map(\.targetID) == [doc.sha256] && rows.first?.actor == nil)
            #expect(try await log.verify() == .intact(rows: 1))
        }
    }

    /// The deleted text must not survive in free pages, in the WAL, or anywhere else in the files.
    @Test func deletedTextIsGoneFromTheSQLiteFiles() async throws {
        let folder = try Fixtures.temporaryFolder()
        let secret = "ZEBRA-CLAUSE-\(UUID().uuidString)"
        let keptMarker = "KEPT-CLAUSE-\(UUID().uuidString)"
        let store = try SQLiteStore(dataDirectory: folder)
        let text = String(repeating: secret + " indemnifies. ", count: 400)
        let doc = try await store.saveDocument(Fixtures.document(text, name: "secret.txt")).document
        _ = try await store.saveDocument(Fixtures.document(keptMarker + " kept", name: "kept.txt"))
        _ = try await store.saveAnalysis(Fixtures.analysis(sha: doc.sha256, name: secret))
        #expect(try Self.filesContain(secret, in: folder))
        _ = try await store.deleteDocument(sha256: doc.sha256)
        #expect(try !Self.filesContain(secret, in: folder))
        #expect(try Self.filesContain(keptMarker, in: folder))
    }

    static func filesContain(_ marker: String, in folder: URL) throws -> Bool {
        let needle = Data(marker.utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            if data.range(of: needle) != nil { return true }
        }
        return false
    }
}
