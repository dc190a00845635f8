import Crypto
import Foundation

/// A publisher's key folder: `ID.key` (private, 0600), `ID.pub` (to give allies), the revocation
/// notice made at generation (`ID.revocation.json`, 0600, keep it offline), rotation notices, and
/// `ID.state.json` with the export sequence and the version given to each item.
public struct KeyDirectory: Sendable {
    public let url: URL

    public init(path: String) { url = URL(fileURLWithPath: path) }

    /// Who the folder's key belongs to (read from the public key file).
    public struct Identity: Sendable {
        public var publisher: SharePredicate.Publisher
        public var key: SharePublicKey
    }

    /// Makes a new key pair and its revocation notice; refuses to replace an existing key.
    @discardableResult
    public static func generate(
        at path: String,
        publisher: SharePredicate.Publisher,
        passphrase: Data?,
        now: Date = Date()
    ) throws -> KeyDirectory {
        guard ItemIdentifier.isSafe(publisher.id) else {
            throw ShareError.badKeyFile("a publisher id may hold letters, digits, '.', '_' and '-' only")
        }
        guard publisher.country.count == 2, publisher.country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw ShareError.badKeyFile("--country takes a two-letter ISO 3166 code, not \"\(publisher.country)\"")
        }
        let directory = KeyDirectory(path: path)
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        guard try directory.keyFiles().isEmpty else {
            throw ShareError.badKeyFile("\(path) already holds a key; use `share key rotate` to replace it")
        }
        try directory.install(Curve25519.Signing.PrivateKey(), publisher: publisher, passphrase: passphrase, now: now)
        return directory
    }

    /// Writes a key's files (private, public, revocation notice).
    private func install(
        _ key: Curve25519.Signing.PrivateKey,
        publisher: SharePredicate.Publisher,
        passphrase: Data?,
        now: Date
    ) throws {
        let id = publisher.id
        let keyFile = try PrivateKeyFile(key: key, publisher: id, passphrase: passphrase)
        try write(try CanonicalJSON.pretty(keyFile), to: "\(id).key", secret: true)
        let pub = PublicKeyFile(
            key: SharePublicKey(key.publicKey),
            publisher: id,
            name: publisher.name,
            country: publisher.country
        )
        try write(Data(pub.text.utf8), to: "\(id).pub", secret: false)
        let notice = try KeyNotice.revocation(of: key, publisher: id, reason: "key withdrawn by its publisher", at: now)
        try write(try CanonicalJSON.pretty(notice), to: "\(id).revocation.json", secret: true)
    }

    public func identity() throws -> Identity {
        let id = try publisherId()
        guard let data = FileManager.default.contents(atPath: file("\(id).pub").path) else {
            throw ShareError.badKeyFile("\(file("\(id).pub").path) is missing")
        }
        let pub = try PublicKeyFile(text: String(decoding: data, as: UTF8.self))
        return Identity(
            publisher: .init(id: id, name: pub.name ?? id, country: pub.country ?? "ZZ"),
            key: pub.key
        )
    }

    public func signingKey(passphrase: Data?) throws -> Curve25519.Signing.PrivateKey {
        let id = try publisherId()
        guard let data = FileManager.default.contents(atPath: file("\(id).key").path),
            let keyFile = try? JSONDecoder().decode(PrivateKeyFile.self, from: data)
        else { throw ShareError.badKeyFile("\(file("\(id).key").path) is not a Fineprint private key file") }
        return try keyFile.signingKey(passphrase: passphrase)
    }

    public var revocationNotice: URL { file("\((try? publisherId()) ?? "key").revocation.json") }

    /// Replaces the key with a new one: the old private key moves to `retired/`, and a rotation
    /// notice signed by both keys is written for allies. Returns the notice's location.
    public func rotate(passphrase: Data?, newPassphrase: Data?, now: Date = Date()) throws -> URL {
        let identity = try identity()
        let old = try signingKey(passphrase: passphrase)
        let new = Curve25519.Signing.PrivateKey()
        let notice = try KeyNotice.rotation(from: old, to: new, publisher: identity.publisher.id, at: now)
        let stamp = String(identity.key.fingerprint.dropFirst(7).prefix(16))
        let retired = url.appendingPathComponent("retired")
        try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
        let id = identity.publisher.id
        for suffix in ["key", "pub", "revocation.json"] {
            try FileManager.default.moveItem(
                at: file("\(id).\(suffix)"),
                to: retired.appendingPathComponent("\(id)-\(stamp).\(suffix)")
            )
        }
        try install(new, publisher: identity.publisher, passphrase: newPassphrase ?? passphrase, now: now)
        let name = "\(id).rotation-\(stamp).json"
        try write(try CanonicalJSON.pretty(notice), to: name, secret: false)
        return file(name)
    }

    func publisherId() throws -> String {
        let keys = try keyFiles()
        guard keys.count == 1, let only = keys.first else {
            throw ShareError.badKeyFile(
                keys.isEmpty
                    ? "no key in \(url.path); make one with `fineprint share keygen`" : "\(url.path) holds several keys"
            )
        }
        return String(only.dropLast(4))
    }

    private func keyFiles() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".key") }.sorted()
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func write(_ data: Data, to name: String, secret: Bool) throws {
        let path = file(name).path
        if secret, FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        // Created with its final mode, so a secret is never readable by others, even briefly.
        guard
            FileManager.default.createFile(
                atPath: path,
                contents: data,
                attributes: [.posixPermissions: secret ? 0o600 : 0o644]
            )
        else { throw ShareError.badKeyFile("cannot write \(path)") }
    }
}

/// What the publisher has issued so far: the last export sequence and each item's version and digest.
struct PublisherState: Codable {
    struct Issued: Codable {
        var version: Int
        var sha256: String
    }

    var sequence = 0
    var items: [String: Issued] = [:]
}

extension KeyDirectory {
    /// Gives each item its version (unchanged content keeps its version, changed content gets the
    /// next) and the bundle the next sequence number; `commit` saves both once the bundle is written.
    public func plan(
        _ items: [OutgoingItem]
    ) throws -> (sequence: Int, items: [(item: OutgoingItem, version: Int)], commit: () throws -> Void) {
        let id = try publisherId()
        let stateFile = "\(id).state.json"
        var state =
            FileManager.default.contents(atPath: file(stateFile).path).flatMap {
                try? JSONDecoder().decode(PublisherState.self, from: $0)
            } ?? PublisherState()
        state.sequence += 1
        var versioned: [(item: OutgoingItem, version: Int)] = []
        for item in items {
            let key = "\(item.kind.rawValue):\(item.id)"
            let sha = Hex.sha256(item.content)
            let previous = state.items[key]
            let version = previous.map { $0.sha256 == sha ? $0.version : $0.version + 1 } ?? 1
            state.items[key] = .init(version: version, sha256: sha)
            versioned.append((item, version))
        }
        let final = state
        return (
            state.sequence, versioned, { try self.write(try CanonicalJSON.pretty(final), to: stateFile, secret: false) }
        )
    }
}
