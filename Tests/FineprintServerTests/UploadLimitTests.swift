import FineprintServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Bad uploads get an error page that says what to do, with the right status, and store nothing.
@Suite("Upload limits")
struct UploadLimitTests {
    struct Case: Sendable, CustomStringConvertible {
        var label: String
        var file: Data?
        var name: String
        var status: HTTPResponse.Status
        var says: String
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "empty file",
            file: Data(),
            name: "empty.txt",
            status: .unprocessableContent,
            says: "contains no text"
        ),
        Case(
            label: "whitespace only",
            file: Data("  \n\t \n".utf8),
            name: "blank.txt",
            status: .unprocessableContent,
            says: "contains no text"
        ),
        Case(label: "no file chosen", file: nil, name: "", status: .badRequest, says: "No file was chosen"),
        Case(
            label: "wrong type",
            file: Data("MZ\u{0}\u{0}".utf8),
            name: "setup.exe",
            status: .unsupportedMediaType,
            says: "only .txt, .md, .html, .pdf and .docx"
        ),
        Case(
            label: "script by extension",
            file: Data("#!/bin/sh\nrm -rf /\n".utf8),
            name: "run.sh",
            status: .unsupportedMediaType,
            says: "only .txt"
        ),
        Case(
            label: "binary disguised as text",
            file: Data(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
                    + [UInt8](repeating: 0, count: 64)
            ),
            name: "contract.txt",
            status: .unprocessableContent,
            says: "binary"
        ),
        Case(
            label: "not really a PDF",
            file: Data("This is plain text pretending.".utf8),
            name: "contract.pdf",
            status: .unprocessableContent,
            says: "PDF"
        ),
        Case(
            label: "not really a DOCX",
            file: Data("plain text, not a zip".utf8),
            name: "contract.docx",
            status: .unprocessableContent,
            says: "DOCX"
        ),
    ]

    @Test(arguments: cases)
    func badUploadsAreRefusedClearly(_ c: Case) async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(file: c.file, filename: c.name)
            ) { response in
                #expect(response.status == c.status, "\(c.label): \(response.text.prefix(300))")
                #expect(response.text.contains(c.says), "\(c.label)")
                #expect(response.text.contains("What to do:"), "\(c.label)")
            }
            // The API says the same as JSON.
            try await client.execute(
                uri: "/api/analyses",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(file: c.file, filename: c.name)
            ) { response in
                #expect(response.status == c.status)
                try APITests.check(response, "/api/analyses", .post, validator: try APITests.validator())
                let error = (response.json as? [String: Any])?["error"] as? [String: Any]
                #expect((error?["message"] as? String)?.contains(c.says) == true, "\(c.label)")
            }
        }
        #expect(try await bench.store.analysisCount() == 0)
    }

    @Test func tooLargeUploadsAreRefusedBeforeReading() async throws {
        let bench = try await Repo.workbench(maxUploadBytes: 1_000)
        try await Repo.withApp(bench) { client in
            // Just over the limit: the form parser sees the file is too large.
            let text = Data(String(repeating: "The Supplier shall keep records. ", count: 40).utf8)
            try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(file: text, filename: "big.txt")
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("File too large"))
            }
            // Far over: the body itself is cut off at the limit.
            let huge = Data(repeating: UInt8(ascii: "a"), count: 200_000)
            try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(file: huge, filename: "huge.txt")
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("1000 bytes"))
            }
        }
        #expect(try await bench.store.analysisCount() == 0)
    }

    @Test func aRequestThatIsNotAnUploadIsExplained() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.text.contains("not a multipart/form-data upload"))
            }
            try await client.execute(
                uri: "/analyses",
                method: .post,
                headers: Multipart.headers,
                body: ByteBuffer(
                    string:
                        "--\(Multipart.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nunterminated"
                )
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func uploadedHTMLIsShownAsTextNeverRun() async throws {
        let bench = try await Repo.workbench()
        let hostile = """
            <html><body><h1>Agreement</h1><script>alert('x')</script>
            <p>The Supplier shall not use Customer Data to train models.<img src=x onerror=alert(1)></p></body></html>
            """
        try await Repo.withApp(bench) { client in
            let id = try #require(
                try await upload(client, Data(hostile.utf8), name: "<img src=x onerror=alert(2)>.html")
            )
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                let html = response.text
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("onerror=alert(1)>"))
                #expect(!html.contains("<img src=x onerror=alert(2)>"))
                #expect(html.contains("<h1>&lt;img src=x onerror=alert(2)&gt;.html</h1>"))
            }
        }
    }
}
