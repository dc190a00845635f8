/// The share ledger's tables, one text for both databases (only the byte and time types differ).
enum ShareLedgerSchema {
    static func statements(blob: String, time: String) -> [String] {
        [
            """
            CREATE TABLE share_trusted_key (
                fingerprint TEXT PRIMARY KEY, public_key \(blob) NOT NULL, publisher TEXT NOT NULL,
                verified_via TEXT NOT NULL, added_at \(time) NOT NULL, valid_until \(time), scopes TEXT NOT NULL,
                revoked_at \(time), revocation_reason TEXT, replaced_by TEXT)
            """,
            "CREATE INDEX share_trusted_key_publisher ON share_trusted_key(publisher)",
            "CREATE TABLE share_publisher (publisher TEXT PRIMARY KEY, threshold BIGINT NOT NULL)",
            """
            CREATE TABLE share_import (
                bundle_id TEXT PRIMARY KEY, publisher TEXT NOT NULL, digest TEXT NOT NULL, signers TEXT NOT NULL,
                sequence BIGINT NOT NULL, imported_at \(time) NOT NULL, item_count BIGINT NOT NULL)
            """,
            """
            CREATE TABLE shared_item (
                publisher TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
                sha256 TEXT NOT NULL, withdrawn BOOLEAN NOT NULL, title TEXT NOT NULL, signer TEXT NOT NULL,
                bundle_id TEXT NOT NULL REFERENCES share_import(bundle_id), imported_at \(time) NOT NULL,
                content \(blob) NOT NULL, PRIMARY KEY (publisher, kind, id, version))
            """,
        ]
    }

    /// The second step: the date each shared item's bundle was signed, and the items adopted from allies.
    static func adoptionStatements(blob: String, time: String) -> [String] {
        [
            "ALTER TABLE shared_item ADD COLUMN signed_at \(time)",
            """
            CREATE TABLE adopted_item (
                kind TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, content \(blob) NOT NULL,
                from_publisher TEXT NOT NULL, from_id TEXT NOT NULL, from_version BIGINT NOT NULL,
                from_bundle TEXT NOT NULL, from_sha256 TEXT NOT NULL, signer TEXT NOT NULL, signed_at \(time),
                adopted_at \(time) NOT NULL, adopted_by TEXT, PRIMARY KEY (kind, id))
            """,
        ]
    }
}
