import FineprintServer
import Foundation
import FuzzSupport
import Hummingbird
import HummingbirdTesting
import PropertyBased
import Testing

/// The upload form reader: the request that used to crash the server, the RFC 7578 details we
/// rely on, its limits, and fuzzing of the reader on its own and through the app.
@Suite("Multipart uploads", .timeLimit(.minutes(30)))
struct MultipartTests {
    static let boundary = "----fuzzb"
    static let limits = MultipartLimits(maxFileBytes: 100_000)

    /// A part header name with a byte over 0x7F crashed multipart-kit (it indexed a 128-entry table
    /// with the byte); now it is a 400 and the server keeps answering.
    @Test func aHeaderNameWithAHighByteIsRefusedAndTheServerLives() async throws {
        let bench = try await Repo.workbench()
        let crafted = Data("--b\r\nX\u{E9}: 1\r\n\r\nx\r\n--b--\r\n".utf8)
        try await Repo.withApp(bench) { client in
            try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: [.contentType: "multipart/form-data; boundary=b"],
                body: ByteBuffer(bytes: crafted)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("not a plain ASCII word"))
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok")
            }
        }
    }

    @Test func severalFilesAQuotedBoundaryAndAnExtendedFilename() throws {
        let body = Data(
            ("preamble\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\ntier1\r\n"
                + "--\(Self.boundary)\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a \\\"q\\\".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfirst\r\nwith a line\r\n"
                + "--\(Self.boundary)\r\nContent-Disposition: form-data; name=file; filename=\"plain.md\"; "
                + "filename*=UTF-8''%C3%BCber%20b.md\r\n\r\n\r\n--\(Self.boundary)--\r\nepilogue").utf8
        )
        let boundary = try MultipartForm.boundary(
            fromContentType: "Multipart/Form-Data; charset=utf-8; boundary=\"\(Self.boundary)\""
        )
        #expect(boundary == Self.boundary)
        let parts = try MultipartForm.parse(body, boundary: boundary, limits: Self.limits)
        #expect(parts.map(\.name) == ["profile", "file", "file"])
        #expect(parts[0].filename == nil && parts[0].body == Data("tier1".utf8))
        #expect(parts[1].filename == "a \"q\".txt" && parts[1].contentType == "text/plain")
        #expect(parts[1].body == Data("first\r\nwith a line".utf8))
        #expect(parts[2].filename == "über b.md" && parts[2].body.isEmpty)
    }

    @Test func boundariesThatAreNotValidAreRefused() {
        for contentType in [
            "multipart/form-data", "multipart/form-data; boundary=", "text/plain; boundary=x",
            "multipart/form-data; boundary=\(String(repeating: "x", count: 71))",
            "multipart/form-data; boundary=\"a\u{E9}\"",
        ] {
            #expect(throws: MultipartError.self, "\(contentType)") {
                try MultipartForm.boundary(fromContentType: contentType)
            }
        }
    }

    @Test func malformedBodiesAreClearErrors() {
        let b = Self.boundary
        let cases: [(String, MultipartError)] = [
            ("", .malformed("no boundary line")),
            (
                "--\(b)\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nno end",
                .malformed("a part has no closing boundary")
            ),
            ("--\(b)\r\nContent-Disposition: form-data; name=\"f\"", .malformed("a part's headers are cut off")),
            ("--\(b)\r\nno colon here\r\n\r\nx\r\n--\(b)--", .malformed("a part header has no colon")),
            ("--\(b)\r\n folded: x\r\n\r\nx\r\n--\(b)--", .malformed("a part header name is not a plain ASCII word")),
            (
                "--\(b)\r\nContent-Type: text/plain\r\n\r\nx\r\n--\(b)--",
                .malformed("a part has no Content-Disposition")
            ),
            (
                "--\(b)\r\nContent-Disposition: attachment\r\n\r\nx\r\n--\(b)--",
                .malformed("a part is not a named form-data field")
            ),
            ("--\(b)x\r\n", .malformed("a boundary line does not end in CRLF")),
        ]
        for (body, expected) in cases {
            #expect(throws: expected, "\(body)") {
                try MultipartForm.parse(Data(body.utf8), boundary: b, limits: Self.limits)
            }
        }
    }

    @Test func limitsAreEnforced() throws {
        let b = Self.boundary
        var limits = MultipartLimits(maxFileBytes: 10)
        limits.maxParts = 2
        limits.maxFieldBytes = 4
        limits.maxHeadersPerPart = 3
        limits.maxHeaderBytes = 200
        func part(_ headers: String, _ body: String) -> String { "--\(b)\r\n\(headers)\r\n\r\n\(body)\r\n" }
        let field = "Content-Disposition: form-data; name=\"f\""
        let file = "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\""
        let cases: [(String, MultipartError)] = [
            (part(field, "a") + part(field, "b") + part(field, "c") + "--\(b)--", .tooManyParts(limit: 2)),
            (part(field, "12345") + "--\(b)--", .fieldTooLarge(name: "f", limit: 4)),
            (part(file, "12345678901") + "--\(b)--", .fileTooLarge(name: "a.txt", limit: 10)),
            (
                part(field.replacingOccurrences(of: "\"f\"", with: "\"file\""), "12345678901") + "--\(b)--",
                .fileTooLarge(name: "file", limit: 10)
            ),
            (part([field, "A: 1", "B: 2", "C: 3"].joined(separator: "\r\n"), "x") + "--\(b)--", .headersTooLarge),
            (part(field + "; x=\"" + String(repeating: "y", count: 300) + "\"", "x") + "--\(b)--", .headersTooLarge),
        ]
        limits.fileFieldNames = ["file"]
        for (body, expected) in cases {
            #expect(throws: expected) { try MultipartForm.parse(Data(body.utf8), boundary: b, limits: limits) }
        }
        // A file sent without a file name has the file limit, not the field limit.
        let unnamed = part(field.replacingOccurrences(of: "\"f\"", with: "\"file\""), "12345") + "--\(b)--"
        #expect(try MultipartForm.parse(Data(unnamed.utf8), boundary: b, limits: limits).first?.body.count == 5)
    }

    /// Any parts we encode are read back exactly, whatever bytes their bodies hold.
    @Test func encodedPartsAreReadBack() async {
        let bodies = Gen.uint8(in: 0...255).array(of: 0...300).array(of: 1...5)
        await propertyCheck(count: FuzzInput.iterations, input: bodies) { bodies in
            var body = Data()
            for (index, bytes) in bodies.enumerated() {
                body += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"p\(index)\"\r\n\r\n".utf8)
                body += Data(bytes) + Data("\r\n".utf8)
            }
            body += Data("--\(Self.boundary)--\r\n".utf8)
            let parts = try MultipartForm.parse(body, boundary: Self.boundary, limits: Self.limits)
            #expect(parts.map(\.body) == bodies.map { Data($0) })
            #expect(parts.map(\.name) == bodies.indices.map { "p\($0)" })
        }
    }

    /// The reader on mutated forms and random bytes: parts or a MultipartError, nothing else.
    @Test func fuzzTheReader() async {
        await propertyCheck(
            count: FuzzInput.iterations * 10,
            input: FuzzInput.generator(seeds: FuzzInput.seeds("multipart"))
        ) { data in
            do {
                let parts = try MultipartForm.parse(data, boundary: Self.boundary, limits: Self.limits)
                #expect(parts.count <= Self.limits.maxParts)
                #expect(parts.allSatisfy { $0.body.count <= Self.limits.maxFileBytes })
            } catch is MultipartError {
            } catch {
                Issue.record("not a MultipartError: \(error)")
            }
        }
    }

    /// Mutated forms through the whole app: never a 5xx, and the server still answers after.
    @Test func fuzzTheUploadRoute() async throws {
        let bench = try await Repo.workbench()
        let inputs = FuzzInput.generator(seeds: FuzzInput.seeds("multipart"))
        try await Repo.withApp(bench) { client in
            await propertyCheck(count: max(FuzzInput.iterations / 3, 1), input: inputs) { data in
                try await client.execute(
                    uri: "/api/analyses",
                    method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(Self.boundary)"],
                    body: ByteBuffer(bytes: data)
                ) { response in
                    #expect(response.status.code < 500, "\(response.status): \(response.text.prefix(200))")
                }
            }
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.text == "ok") }
        }
    }

    /// Each seed as an upload: the crash seed and any later crash inputs stay regression tests.
    @Test func seedsAreAnsweredWithoutA5xx() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            for seed in FuzzInput.seeds("multipart") {
                try await client.execute(
                    uri: "/api/analyses",
                    method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(Self.boundary)"],
                    body: ByteBuffer(bytes: seed)
                ) { response in
                    #expect(response.status.code < 500, "\(response.status): \(response.text.prefix(200))")
                }
            }
        }
    }

    /// After a request, /metrics shows it (route and status) in Prometheus text format.
    @Test func metricsShowRequests() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/health", method: .get) { _ in }
            try await client.execute(uri: "/api/analyses/999999", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let lines = response.text.split(separator: "\n")
                #expect(lines.contains { $0 == "# TYPE hb_requests counter" })
                #expect(
                    lines.contains {
                        $0.hasPrefix("hb_requests{") && $0.contains("http_route=\"/health\"")
                            && $0.contains("http_response_status_code=\"200\"")
                    }
                )
                #expect(
                    lines.contains { $0.hasPrefix("hb_requests{") && $0.contains("http_response_status_code=\"404\"") }
                )
                #expect(lines.contains { $0.hasPrefix("http_server_request_duration_bucket{") })
            }
        }
    }

    @Test func analysisTimesFailuresAndQueueDepthAreExported() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let contract = Data("The Provider shall not use Customer Data to train its models.".utf8)
            _ = try await upload(client, contract, name: "c.txt")
            _ = try await upload(client, Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 0xFF, 0, 0, 0]), name: "bin.txt")
        }
        FineprintMetrics.setQueueDepth(7)
        let text = FineprintMetrics.exposition()
        #expect(text.contains("fineprint_analysis_duration_seconds_count{format=\"txt\"}"))
        #expect(text.contains("fineprint_analysis_failures_total{kind=\"binary\"}"))
        #expect(text.contains("fineprint_queue_depth 7"))
    }
}
