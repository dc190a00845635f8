import FineprintStore
import Foundation
import GRDB
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test func aLockedDatabaseIsReportedAsBusy() async throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("fineprint.sqlite").path
        let store = try SQLiteStore(path: path, busyTimeout: 0.2)
        // Another process holding the write lock.
        let other = try DatabaseQueue(path: path)
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            DispatchQueue.global().async {
                do {
                    try other.inTransaction(.exclusive) { _ in
                        let semaphore = DispatchSemaphore(value: 0)
                        Task {
                            do {
                                _ = try await store.saveDocument(Fixtures.document("blocked"))
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
        #expect(try await store.saveDocument(Fixtures.document("blocked")).inserted)
    }

    @Test func aFullDatabaseIsReportedAsFullAndKeepsWhatItHad() async throws {
        let queue = try DatabaseQueue()
        let store = try SQLiteStore(writer: queue)
        let kept = try await store.saveDocument(Fixtures.document("small")).document
        // No room left beyond the pages already in use: what a full disk looks like to SQLite.
        try await queue.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let big = String(repeating: "contract text ", count: 50_000)
        await #expect(throws: StoreError.full(path: queue.path)) {
            _ = try await store.saveDocument(Fixtures.document(big, name: "big.txt"))
        }
        #expect(try await store.document(sha256: kept.sha256) == kept)
    }

    @Test func aFileThatIsNotADatabaseIsReportedAsDamaged() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("fineprint.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case .corrupt(let place, _) = error as? StoreError else { return false }
            return place == path
        }
    }

    @Test func errorsSayWhatToDo() {
        #expect(StoreError.busy(path: "x").description.contains("try again"))
        #expect(StoreError.full(path: "x").description.contains("free some space"))
    }
}
