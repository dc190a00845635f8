import FineprintStore
import Foundation
import GRDB
import Testing

struct AuditLogTests {
    typealias Backend = StoreContract.Backend

    static func event(
        _ action: AuditAction,
        actor: String? = "ana",
        target: String = "1",
        at seconds: Double = 0
    )
        -> NewAuditEvent
    {
        NewAuditEvent(
            time: Date(timeIntervalSince1970: 1_800_000_000 + seconds),
            actor: actor,
            action: action,
            targetKind: "analysis",
            targetID: target,
            address: "127.0.0.1",
            detail: "detail with ünïcode, commas, \"quotes\""
        )
    }

    @Test(arguments: Backend.available) func appendsChainAndFilter(_ backend: Backend) async throws {
        try await StoreContract(backend).withStore { store in
            let log = try #require(store as? any AuditLogStore).auditLog()
            let first = try await log.append(Self.event(.upload))
            let second = try await log.append(Self.event(.view, actor: nil, at: 60))
            try await log.append(Self.event(.download, actor: "bo", at: 120))
            #expect(first.sequence == 1 && first.previousHash == AuditEvent.genesisHash)
            #expect(second.previousHash == first.hash && second.hash == second.computedHash)
            #expect(try await log.verify() == .intact(rows: 3))
            let all = try await log.events(AuditFilter())
            #expect(all.map(\.action) == ["download", "view", "upload"])
            #expect(all.last == first)
            #expect(try await log.events(AuditFilter(actor: "bo")).map(\.sequence) == [3])
            #expect(try await log.events(AuditFilter(action: .view)).map(\.actor) == [nil])
            let since = Date(timeIntervalSince1970: 1_800_000_000 + 60)
            #expect(try await log.events(AuditFilter(since: since)).map(\.sequence) == [3, 2])
            #expect(try await log.events(AuditFilter(limit: 1)).map(\.sequence) == [3])
        }
    }

    @Test(arguments: Backend.available) func concurrentAppendsNeverFork(_ backend: Backend) async throws {
        try await StoreContract(backend).withStore { store in
            let log = try #require(store as? any AuditLogStore).auditLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask { try await log.append(Self.event(.view, target: String(index))) }
                }
                try await group.waitForAll()
            }
            #expect(try await log.verify() == .intact(rows: 40))
        }
    }

    @Test func sqliteRefusesUpdateAndDelete() async throws {
        let queue = try DatabaseQueue()
        let log = try SQLiteStore(writer: queue).auditLog()
        try await log.append(Self.event(.upload))
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE audit_event SET actor = 'mallory'") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM audit_event") }
        }
        #expect(try await log.verify() == .intact(rows: 1))
    }

    @Test func verifyNamesTheFirstAlteredRow() async throws {
        let queue = try DatabaseQueue()
        let log = try SQLiteStore(writer: queue).auditLog()
        for index in 0..<5 { try await log.append(Self.event(.view, target: String(index))) }
        // Someone with the file in hand drops the triggers and edits a row directly.
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_event_no_update")
            try db.execute(sql: "UPDATE audit_event SET actor = 'mallory' WHERE sequence = 3")
        }
        guard case .broken(let sequence, _) = try await log.verify() else {
            Issue.record("the altered row went unnoticed")
            return
        }
        #expect(sequence == 3)
    }

    @Test func verifyFindsARemovedRow() async throws {
        let queue = try DatabaseQueue()
        let log = try SQLiteStore(writer: queue).auditLog()
        for index in 0..<4 { try await log.append(Self.event(.view, target: String(index))) }
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_event_no_delete")
            try db.execute(sql: "DELETE FROM audit_event WHERE sequence = 2")
        }
        #expect(try await log.verify() == .broken(sequence: 3, reason: "expected row 2 here: a row is missing"))
    }

    @Test func canonicalEncodingTellsNilFromEmpty() {
        let absent = AuditEvent(Self.event(.view, actor: nil), after: nil)
        let empty = AuditEvent(Self.event(.view, actor: ""), after: nil)
        #expect(absent.hash != empty.hash)
        #expect(absent.hash.count == 64)
    }
}
