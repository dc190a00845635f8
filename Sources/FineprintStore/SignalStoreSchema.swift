import FineprintSignals
import Foundation

/// The signal store's tables, one text for both databases (byte, time and key types differ). Items and health
/// are kept as JSON beside the columns queries filter on, so both stores decode them the same way.
enum SignalStoreSchema {
    static let migrationName = "signals v1: snapshots, items, revisions, decisions, source health, fetch log"

    static func statements(blob: String, time: String, serial: String) -> [String] {
        [
            """
            CREATE TABLE signal_snapshot (
                sha256 TEXT PRIMARY KEY, source TEXT NOT NULL, location TEXT NOT NULL, origin TEXT NOT NULL,
                retrieved_at \(time) NOT NULL, status BIGINT, byte_count BIGINT NOT NULL, bytes \(blob) NOT NULL)
            """,
            "CREATE INDEX signal_snapshot_source ON signal_snapshot(source, retrieved_at)",
            """
            CREATE TABLE signal_item (
                id TEXT PRIMARY KEY, source TEXT NOT NULL, native_id TEXT NOT NULL, state TEXT NOT NULL,
                cluster TEXT NOT NULL, seeded BOOLEAN NOT NULL, score DOUBLE PRECISION NOT NULL,
                last_changed \(time) NOT NULL, json \(blob) NOT NULL, UNIQUE (source, native_id))
            """,
            "CREATE INDEX signal_item_state ON signal_item(state)",
            """
            CREATE TABLE signal_revision (
                item_id TEXT NOT NULL REFERENCES signal_item(id), revision BIGINT NOT NULL,
                recorded_at \(time) NOT NULL, technical BOOLEAN NOT NULL, json \(blob) NOT NULL,
                PRIMARY KEY (item_id, revision))
            """,
            """
            CREATE TABLE signal_decision (
                id \(serial), item_id TEXT NOT NULL REFERENCES signal_item(id), action TEXT NOT NULL,
                decided_by TEXT NOT NULL, decided_at \(time) NOT NULL, reason TEXT NOT NULL,
                scored_relevant BOOLEAN NOT NULL)
            """,
            "CREATE INDEX signal_decision_item ON signal_decision(item_id)",
            "CREATE TABLE signal_source_health (source TEXT PRIMARY KEY, json \(blob) NOT NULL)",
            """
            CREATE TABLE signal_fetch_attempt (
                id \(serial), source TEXT NOT NULL, attempted_at \(time) NOT NULL, url TEXT NOT NULL, status BIGINT,
                byte_count BIGINT NOT NULL, sha256 TEXT, outcome TEXT NOT NULL)
            """,
            "CREATE INDEX signal_fetch_attempt_source ON signal_fetch_attempt(source, attempted_at)",
        ]
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static func encode<T: Encodable>(_ value: T) throws -> Data { try encoder.encode(value) }

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
