import FineprintCore
import FineprintServer
import FineprintStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenAPIKit
import Testing
import ZIPFoundation

/// Uploads through the queue: the answer comes at once with the job, the job page and API follow
/// it, and a worker pool turns it into analyses.
@Suite("Uploads as jobs")
struct JobRoutesTests {
    static func bench(capacity: Int = 100) async throws -> WebWorkbench {
        // The queue in the store's own database, as `buildApplication` sets it up.
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        var bench = try await Repo.workbench(store: store)
        bench.jobs = JobDesk(queue: store.jobQueue(), capacity: capacity, retryAfterSeconds: 7)
        return bench
    }

    static func post(
        _ client: any TestClientProtocol,
        _ data: Data,
        name: String,
        key: String? = nil,
        path: String = "/api/analyses"
    ) async throws -> TestResponse {
        var headers = Multipart.headers
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await client.execute(
            uri: path,
            method: .post,
            headers: headers,
            body: Multipart.body(file: data, filename: name, profile: "tier2")
        )
    }

    static func jobID(_ response: TestResponse) throws -> String {
        let object = try #require(response.json as? [String: Any])
        return try #require(object["id"] as? String)
    }

    @Test func anUploadIsAcceptedAtOnceAndARetryReturnsTheSameJob() async throws {
        let bench = try await Self.bench()
        let contract = try Repo.contract("vendor-ai-terms.md")
        let validator = try OpenAPIValidator(data: try Data(contentsOf: Repo.openAPIURL))
        try await Repo.withApp(bench) { client in
            let first = try await Self.post(client, contract, name: "terms.md", key: "retry-me")
            #expect(first.status == .accepted)
            let id = try Self.jobID(first)
            #expect(first.headers[.location] == "/api/jobs/\(id)")
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: first.body))
            let schema = try validator.schema(path: "/api/analyses", method: .post, status: 202)
            #expect(validator.problems(value, against: schema).isEmpty)
            let retry = try await Self.post(client, contract, name: "terms.md", key: "retry-me")
            #expect(try Self.jobID(retry) == id)
            let other = try await Self.post(client, contract, name: "terms.md")
            #expect(try Self.jobID(other) != id)
            try await client.execute(uri: "/api/jobs/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let object = try #require(response.json as? [String: Any])
                #expect(object["state"] as? String == "queued" && object["profile"] as? String == "tier2")
                let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                let schema = try validator.schema(path: "/api/jobs/{id}", method: .get, status: 200)
                #expect(validator.problems(value, against: schema).isEmpty)
            }
            try await client.execute(uri: "/api/jobs/0123", method: .get) { #expect($0.status == .notFound) }
        }
        #expect(try await bench.store.analysisCount() == 0)
    }

    @Test func thePageRedirectsToAJobPageThatBecomesTheReport() async throws {
        let bench = try await Self.bench()
        let desk = try #require(bench.jobs)
        try await Repo.withApp(bench) { client in
            let answer = try await Self.post(
                client,
                try Repo.contract("vendor-ai-terms.md"),
                name: "t.md",
                path: "/analyses"
            )
            #expect(answer.status == .seeOther)
            let location = try #require(answer.headers[.location])
            #expect(location.hasPrefix("/jobs/"))
            try await client.execute(uri: location, method: .get) { page in
                #expect(page.status == .ok)
                #expect(page.headers[HTTPField.Name("Refresh")!] == "2")
                #expect(page.text.contains("<progress"))
            }
            // A long lease: on a loaded machine a 5 s lease can lapse mid-analysis, and the rerun would
            // store a second analysis (the window docs/web.md describes), which is not what this test is about.
            var settings = JobWorkerPoolTests.fast
            settings.lease = .seconds(120)
            let pool = JobWorkerPool(queue: desk.queue, settings: settings, work: bench.analyseJob)
            try await JobWorkerPoolTests.runPool(pool) { try await desk.queue.depth() == 0 }
            try await client.execute(uri: location, method: .get) { page in
                #expect(page.status == .seeOther)
                #expect(page.headers[.location]?.hasPrefix("/analyses/") == true)
            }
        }
        #expect(try await bench.store.analysisCount() == 1)
    }

    @Test func aFullQueueAnswers503WithRetryAfter() async throws {
        let bench = try await Self.bench(capacity: 1)
        let contract = Data("The Supplier shall store all Customer Data in Ireland.".utf8)
        try await Repo.withApp(bench) { client in
            #expect(try await Self.post(client, contract, name: "a.txt", key: "a").status == .accepted)
            let refused = try await Self.post(client, contract, name: "b.txt", key: "b")
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "7")
            let validator = try OpenAPIValidator(data: try Data(contentsOf: Repo.openAPIURL))
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: refused.body))
            let schema = try validator.schema(path: "/api/analyses", method: .post, status: 503)
            #expect(validator.problems(value, against: schema).isEmpty)
            // The page gets the same answer, as a page.
            let page = try await Self.post(client, contract, name: "b.txt", key: "b", path: "/analyses")
            #expect(page.status == .serviceUnavailable && page.text.contains("<html"))
            // A retry of the accepted upload still finds its job.
            #expect(try await Self.post(client, contract, name: "a.txt", key: "a").status == .accepted)
        }
    }

    @Test func aZipOfAFolderIsOneJobOfItsContracts() async throws {
        let bench = try await Self.bench()
        let archive = try Archive(accessMode: .create)
        let entries: [(String, Data)] = [
            ("folder/terms.md", try Repo.contract("vendor-ai-terms.md")),
            ("folder/framework.txt", try Repo.contract("sovereign-framework-agreement.txt")),
            ("folder/.DS_Store", Data([0, 1, 2])),
            ("__MACOSX/folder/._terms.md", Data([0, 1])),
            ("folder/picture.png", Data([137, 80, 78, 71])),
        ]
        for (path, data) in entries {
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) {
                position,
                size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let zip = try #require(archive.data)
        try await Repo.withApp(bench) { client in
            let answer = try await Self.post(client, zip, name: "contracts.zip")
            #expect(answer.status == .accepted)
            let object = try #require(answer.json as? [String: Any])
            let files = try #require(object["files"] as? [[String: Any]])
            #expect(files.compactMap { $0["name"] as? String } == ["terms.md", "framework.txt"])
            // Not an archive at all: refused before anything is queued.
            let broken = try await Self.post(client, Data("not a zip".utf8), name: "x.zip")
            #expect(broken.status == .unprocessableContent)
        }
        #expect(try await bench.jobs?.queue.depth() == 1)
    }

    @Test func aZipBombIsRefused() async throws {
        let bench = try await Self.bench()
        let archive = try Archive(accessMode: .create)
        let zeros = Data(count: 5_000_000)
        try archive.addEntry(
            with: "big.txt",
            type: .file,
            uncompressedSize: Int64(zeros.count),
            compressionMethod: .deflate
        ) {
            position,
            size in zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        let zip = try #require(archive.data)
        #expect(zip.count < 50_000)
        try await Repo.withApp(bench) { client in
            let answer = try await Self.post(client, zip, name: "bomb.zip")
            #expect(answer.status == .unprocessableContent)
            #expect(answer.text.contains("unpack"))
        }
        #expect(try await bench.jobs?.queue.depth() == 0)
    }

    @Test(arguments: [DamagedZip.overlongEntry, DamagedZip.directoryBeyondEnd])
    func aDamagedZipIsRefusedWithoutQueueing(_ damage: DamagedZip) async throws {
        let bench = try await Self.bench()
        let archive = try Archive(accessMode: .create)
        let text = try Repo.contract("vendor-ai-terms.md")
        try archive.addEntry(with: "terms.md", type: .file, uncompressedSize: Int64(text.count)) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        let zip = damage.apply(to: try #require(archive.data))
        try await Repo.withApp(bench) { client in
            let answer = try await Self.post(client, zip, name: "contracts.zip")
            #expect(answer.status == damage.status)
            #expect(answer.text.contains(damage.message))
        }
        #expect(try await bench.jobs?.queue.depth() == 0)
    }

    /// Two ways a zip lies about where its bytes are; either once made the reader loop or trap.
    enum DamagedZip: CaseIterable, Sendable {
        /// The entry claims more compressed bytes than the whole archive holds.
        case overlongEntry
        /// The central directory is said to start past the end of the bytes.
        case directoryBeyondEnd

        /// A read file answers the far seek with nothing: no entries, so no contracts.
        var status: HTTPResponse.Status { self == .overlongEntry ? .unprocessableContent : .badRequest }
        var message: String {
            self == .overlongEntry ? "claims 2147483647 compressed bytes" : "holds no contract files"
        }

        func apply(to zip: Data) -> Data {
            var bytes = [UInt8](zip)
            switch self {
            case .overlongEntry:
                for (signature, field) in [(UInt32(0x0403_4b50), 18), (0x0201_4b50, 20)] {
                    if let at = Self.find(signature, in: bytes) { Self.write(0x7FFF_FFFF, at: at + field, in: &bytes) }
                }
            case .directoryBeyondEnd:
                if let at = Self.find(0x0605_4b50, in: bytes) { Self.write(0x00FF_FFFF, at: at + 16, in: &bytes) }
            }
            return Data(bytes)
        }

        static func find(_ signature: UInt32, in bytes: [UInt8]) -> Int? {
            let pattern = (0..<4).map { UInt8(truncatingIfNeeded: signature >> (8 * $0)) }
            return (0...(bytes.count - 4)).last { Array(bytes[$0..<$0 + 4]) == pattern }
        }

        static func write(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        }
    }

    /// A form with several `file` parts and the page's hidden `idempotency_key` field.
    static func form(_ files: [(name: String, data: Data)], key: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        let boundary = Multipart.boundary
        buffer.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"idempotency_key\"\r\n\r\n\(key)\r\n"
        )
        for file in files {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n\r\n"
            )
            buffer.writeBytes(file.data)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    @Test func theFilesOfOneFormAreOneJobAndTheHiddenKeyMakesAResubmissionReturnIt() async throws {
        let bench = try await Self.bench()
        let files = [
            (name: "terms.md", data: try Repo.contract("vendor-ai-terms.md")),
            (name: "framework.txt", data: try Repo.contract("sovereign-framework-agreement.txt")),
        ]
        let body = Self.form(files, key: "form-key-1")
        try await Repo.withApp(bench) { client in
            let first = try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: Multipart.headers,
                body: body
            )
            #expect(first.status == .seeOther)
            let location = try #require(first.headers[.location])
            let again = try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: Multipart.headers,
                body: body
            )
            #expect(again.headers[.location] == location)
            let id = String(location.dropFirst("/jobs/".count))
            try await client.execute(uri: "/api/jobs/\(id)", method: .get) { response in
                let object = try #require(response.json as? [String: Any])
                let names = (object["files"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(names == ["terms.md", "framework.txt"])
            }
        }
        #expect(try await bench.jobs?.queue.depth() == 1)
    }

    @Test func theServerQueuesInItsOneDatabaseAndItsWorkersRunTheJob() async throws {
        let folder = try Repo.temporaryFolder()
        var arguments = TestArguments(folder: folder)
        arguments.jobs = JobSettings(workers: 1, queueCapacity: 10)
        try await arguments.testAsAdmin { client in
            let answer = try await Self.post(client, try Repo.contract("vendor-ai-terms.md"), name: "terms.md")
            #expect(answer.status == .accepted)
            let id = try Self.jobID(answer)
            var state = ""
            // Only a guard against a hang: a machine busy with other suites can take minutes.
            let deadline = ContinuousClock.now + .seconds(600)
            while state != "done", state != "failed", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                let job = try await client.execute(uri: "/api/jobs/\(id)", method: .get) { $0.json as? [String: Any] }
                state = job?["state"] as? String ?? ""
            }
            #expect(state == "done")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains("jobs.sqlite"))
        #expect(names.contains("fineprint.sqlite"))
    }
}
