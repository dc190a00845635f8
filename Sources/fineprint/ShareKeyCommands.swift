import ArgumentParser
import FineprintShare
import Foundation

struct ShareKeygen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make the publisher's Ed25519 signing key, its public key file and its revocation notice."
    )

    @Option(help: "The publisher id allies will know you by (e.g. ee-mkm).")
    var publisher: String
    @Option(help: "The publishing body's name.")
    var name: String
    @Option(help: "The two-letter country code.")
    var country: String
    @Option(help: "The folder for the key files (created if missing).")
    var keyDir: String
    @Option(help: "A file whose first line is the passphrase protecting the private key (recommended).")
    var passphraseFile: String?

    func run() async throws {
        let passphrase = try ShareFiles.passphrase(passphraseFile)
        let folder = try KeyDirectory.generate(
            at: keyDir,
            publisher: .init(id: publisher, name: name, country: country.uppercased()),
            passphrase: passphrase
        )
        let identity = try folder.identity()
        if passphrase == nil {
            Console.error("warning: the private key is not passphrase-protected; give --passphrase-file to protect it")
        }
        print("key of \(publisher) made in \(keyDir)")
        print("  public key to give allies: \(keyDir)/\(publisher).pub")
        print("  fingerprint (read it to allies over a second channel): \(identity.key.groupedFingerprint)")
        print("  revocation notice (keep it offline): \(folder.revocationNotice.path)")
    }
}

struct ShareKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Show, rotate or revoke the publisher's key.",
        subcommands: [Show.self, Rotate.self, Revoke.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the key's publisher and fingerprint.")
        @Option(help: "The key folder.")
        var keyDir: String

        func run() async throws {
            let identity = try KeyDirectory(path: keyDir).identity()
            print("publisher: \(identity.publisher.id) — \(identity.publisher.name) (\(identity.publisher.country))")
            print("fingerprint: \(identity.key.groupedFingerprint)")
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the key with a new one and write a rotation notice signed by both, for allies."
        )
        @Option(help: "The key folder.")
        var keyDir: String
        @Option(help: "The current key's passphrase file.")
        var passphraseFile: String?
        @Option(help: "The new key's passphrase file (default: the same passphrase).")
        var newPassphraseFile: String?

        func run() async throws {
            let folder = KeyDirectory(path: keyDir)
            let old = try folder.identity().key
            let notice = try folder.rotate(
                passphrase: try ShareFiles.passphrase(passphraseFile),
                newPassphrase: try ShareFiles.passphrase(newPassphraseFile)
            )
            print("rotated \(old.groupedFingerprint)")
            print("     to \(try folder.identity().key.groupedFingerprint)")
            print("send allies the rotation notice \(notice.path) (they apply it with `fineprint share trust rotate`)")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the key's revocation notice (made at keygen) where allies can be sent it."
        )
        @Option(help: "The key folder.")
        var keyDir: String
        @Option(help: "Where to write the notice.")
        var out: String

        func run() async throws {
            let folder = KeyDirectory(path: keyDir)
            guard let notice = FileManager.default.contents(atPath: folder.revocationNotice.path) else {
                throw CLIError("no revocation notice in \(keyDir)", exitCode: 2)
            }
            guard FileManager.default.createFile(atPath: out, contents: notice) else {
                throw CLIError("cannot write \(out)", exitCode: 2)
            }
            print("revocation notice of \(try folder.identity().key.groupedFingerprint) written to \(out)")
            print("allies apply it with `fineprint share trust revoke --notice \(out)`; stop using this key")
        }
    }
}
