import FineprintShare
import FineprintTestSupport
import Foundation
import Testing

/// Python with pyca/cryptography, found or installed into a virtual environment at test time.
enum PythonCrypto {
    /// The interpreter to use, or nil when neither python3 with `cryptography` nor pip is available.
    static let interpreter: String? = {
        if run(["python3", "-c", "import cryptography"]) == 0 { return "python3" }
        guard let folder = try? TemporaryFiles.folder("share-venv") else { return nil }
        let venv = folder.appendingPathComponent("venv").path
        guard run(["python3", "-m", "venv", venv]) == 0,
            run(["\(venv)/bin/pip", "install", "--quiet", "cryptography"]) == 0
        else { return nil }
        return "\(venv)/bin/python"
    }()

    @discardableResult
    static func run(_ arguments: [String], output: Pipe? = nil) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Checks a bundle with code not written in Swift: unzips it, rebuilds the DSSE PAE, verifies
    /// the Ed25519 signature with the PEM key shipped in the bundle, checks the key id is the
    /// SHA-256 of the key's DER and every subject's SHA-256. Prints OK or the failure.
    static let script = #"""
        import base64, hashlib, json, sys, zipfile
        from cryptography.hazmat.primitives.serialization import load_pem_public_key, Encoding, PublicFormat

        def b64(text):
            text = text.replace("-", "+").replace("_", "/")
            return base64.b64decode(text + "=" * (-len(text) % 4))

        bundle = zipfile.ZipFile(sys.argv[1])
        envelope = json.loads(bundle.read("envelope.dsse.json"))
        pem = bundle.read("keys/publisher.pub").decode()
        key = load_pem_public_key(pem[pem.index("-----BEGIN PUBLIC KEY-----"):].encode())
        der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
        payload = b64(envelope["payload"])
        ptype = envelope["payloadType"].encode()
        pae = b"DSSEv1 %d %s %d %s" % (len(ptype), ptype, len(payload), payload)
        signature = envelope["signatures"][0]
        assert signature["keyid"] == "sha256:" + hashlib.sha256(der).hexdigest(), "keyid"
        key.verify(b64(signature["sig"]), pae)
        statement = json.loads(payload)
        assert statement["_type"] == "https://in-toto.io/Statement/v1"
        for subject in statement["subject"]:
            assert hashlib.sha256(bundle.read(subject["name"])).hexdigest() == subject["digest"]["sha256"], subject["name"]
        print("OK", len(statement["subject"]))
        """#
}

@Suite(
    "Interoperability: pyca/cryptography verifies our bundles",
    .enabled(if: PythonCrypto.interpreter != nil, "needs python3 with pyca/cryptography, or pip to install it")
)
struct InteroperabilityTests {
    func check(_ bundle: Data) throws -> (status: Int32, output: String) {
        let folder = try TemporaryFiles.folder("share-interop")
        let bundleURL = folder.appendingPathComponent("bundle.fpshare")
        let scriptURL = folder.appendingPathComponent("verify.py")
        try bundle.write(to: bundleURL)
        try Data(PythonCrypto.script.utf8).write(to: scriptURL)
        let pipe = Pipe()
        let status = PythonCrypto.run(
            [try #require(PythonCrypto.interpreter), scriptURL.path, bundleURL.path],
            output: pipe
        )
        return (status, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func pythonVerifiesOurSignatureAndDigests() throws {
        let result = try check(try ShareFixture.pack(ShareFixture.Publisher()))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("OK 6"))
    }

    @Test func pythonRefusesABundleWithAChangedPayload() throws {
        let publisher = ShareFixture.Publisher()
        let tampered = try ShareFixture.rewrite(try ShareFixture.pack(publisher)) { files in
            var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: files["envelope.dsse.json"]!)
            var body = try #require(DSSEEnvelope.decodeBase64(envelope.payload))
            body[40] ^= 0x01
            envelope.payload = body.base64EncodedString()
            files["envelope.dsse.json"] = try JSONEncoder().encode(envelope)
        }
        #expect(try check(tampered).status != 0)
    }
}
