import ArgumentParser
import FineprintShare
import Foundation

/// `fineprint share recipient-key|seal|open`: bundles encrypted to one ally with HPKE.
struct ShareRecipientKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipient-key",
        abstract:
            "Make the X25519 key allies seal bundles to (recipient.key, mode 0600, and recipient.pub to send them)."
    )

    @Option(help: "The key folder.")
    var keyDir: String

    func run() async throws {
        let key = try KeyDirectory(path: keyDir).makeRecipientKey()
        print(
            "recipient key \(SharePublicKey.grouped(SealedBundle.fingerprint(key))); send \(keyDir)/recipient.pub to allies"
        )
    }
}

struct ShareSeal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Encrypt a bundle to one ally's recipient key (HPKE); the bundle inside stays signed."
    )

    @Argument(help: "The .fpshare file.")
    var file: String

    @Option(help: "The ally's recipient.pub.")
    var to: String

    @Option(help: "Where to write the sealed bundle.")
    var out: String

    func run() async throws {
        guard let text = FileManager.default.contents(atPath: to) else {
            throw CLIError("cannot read \(to)", exitCode: 2)
        }
        let key = try KeyDirectory.recipientPublicKey(text: String(decoding: text, as: UTF8.self))
        let sealed = try SealedBundle.seal(try ShareFiles.read(file), to: key)
        try sealed.write(to: URL(fileURLWithPath: out))
        print("sealed for \(SharePublicKey.grouped(SealedBundle.fingerprint(key))): \(out)")
    }
}

struct ShareOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Decrypt a bundle sealed to our recipient key; then verify and import it as any bundle."
    )

    @Argument(help: "The sealed file.")
    var file: String

    @Option(help: "Our key folder (holding recipient.key).")
    var keyDir: String

    @Option(help: "Where to write the bundle.")
    var out: String

    func run() async throws {
        let bundle = try SealedBundle.open(
            try ShareFiles.read(file),
            with: try KeyDirectory(path: keyDir).recipientKey()
        )
        try bundle.write(to: URL(fileURLWithPath: out))
        print("opened: \(out) (now `fineprint share verify \(out)`)")
    }
}
