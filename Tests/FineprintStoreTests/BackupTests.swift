import FineprintStore
import Foundation
import GRDB
import Testing

struct BackupTests {
    /// A backup taken while uploads are being written is consistent: restored into a new folder,
    /// it opens, its counts match a state the store went through, and its audit chain verifies.
    @Test func backupDuringWritesRestoresIntoANewFolder() async throws {
        let folder = try Fixtures.temporaryFolder()
        let store = try SQLiteStore(dataDirectory: folder)
        let log = store.auditLog()
        let backupFile = try Fixtures.temporaryFolder().appendingPathComponent("fineprint-backup.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<60 {
                    let text = "contract number \(index) " + UUID().uuidString
                    var document = Fixtures.document(text, name: "c\(index).txt")
                    document.sha256 = String(format: "%064d", index)
                    let saved = try await store.saveDocument(document).document
                    _ = try await store.saveAnalysis(Fixtures.analysis(sha: saved.sha256))
                    try await log.append(
                        NewAuditEvent(actor: "ana", action: .upload, targetKind: "document", targetID: saved.sha256)
                    )
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(20))
                try SQLiteBackup.backup(store, to: backupFile)
            }
            try await group.waitForAll()
        }
        let restored = try Fixtures.temporaryFolder().appendingPathComponent("restored")
        try SQLiteBackup.restore(backupFile, into: restored, force: false)
        let copy = try SQLiteStore(dataDirectory: restored)
        let analyses = try await copy.analysisCount()
        guard case .intact(let rows) = try await copy.auditLog().verify() else {
            Issue.record("the restored audit chain is broken")
            return
        }
        // Each upload wrote a document, an analysis and an audit row in that order: a snapshot
        // never holds an audit row without its analysis.
        #expect(rows <= analyses && analyses <= rows + 1)
        #expect(try await store.analysisCount() == 60)
    }

    @Test func restoreRefusesANonEmptyFolderAndForeignFiles() async throws {
        let source = try Fixtures.temporaryFolder()
        let store = try SQLiteStore(dataDirectory: source)
        _ = try await store.saveDocument(Fixtures.document("hello"))
        let backupFile = source.appendingPathComponent("backup.sqlite")
        try SQLiteBackup.backup(store, to: backupFile)

        let occupied = try Fixtures.temporaryFolder()
        try Data("x".utf8).write(to: occupied.appendingPathComponent("notes.txt"))
        #expect(throws: RestoreError.notEmpty(occupied.path)) {
            try SQLiteBackup.restore(backupFile, into: occupied, force: false)
        }
        try SQLiteBackup.restore(backupFile, into: occupied, force: true)
        #expect(
            try await SQLiteStore(dataDirectory: occupied).document(sha256: Fixtures.document("hello").sha256) != nil
        )

        let junk = source.appendingPathComponent("junk.sqlite")
        try Data(repeating: 7, count: 4096).write(to: junk)
        #expect(throws: RestoreError.notFineprint(junk.path)) {
            try SQLiteBackup.restore(junk, into: try Fixtures.temporaryFolder(), force: false)
        }
        let foreign = source.appendingPathComponent("foreign.sqlite")
        try await DatabaseQueue(path: foreign.path).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: RestoreError.notFineprint(foreign.path)) {
            try SQLiteBackup.restore(foreign, into: try Fixtures.temporaryFolder(), force: false)
        }
    }
}
