import FineprintServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenAPIKit
import Testing

@Suite("JSON API against its OpenAPI document")
struct APITests {
    static func validator() throws -> OpenAPIValidator {
        try OpenAPIValidator(data: try Data(contentsOf: Repo.openAPIURL))
    }

    /// Asserts the response's body conforms to the documented schema for its status.
    static func check(
        _ response: TestResponse,
        _ path: String,
        _ method: OpenAPI.HttpMethod,
        validator: OpenAPIValidator,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let schema = try validator.schema(path: path, method: method, status: Int(response.status.code))
        let value = try JSONValue.parse(Data(buffer: response.body))
        let problems = validator.problems(value, against: schema)
        #expect(
            problems.isEmpty,
            "\(method) \(path) \(response.status.code): \(problems.prefix(5))",
            sourceLocation: sourceLocation
        )
    }

    @Test func theDocumentIsValidOpenAPIAndIsServed() async throws {
        let validator = try Self.validator()
        #expect(validator.document.paths.count >= 8)
        let bench = try await Repo.workbench()
        let file = try Data(contentsOf: Repo.openAPIURL)
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == file)
            }
        }
    }

    @Test func everyEndpointAnswersAsDocumented() async throws {
        let v = try Self.validator()
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            // Upload two documents through the API.
            var ids: [String] = []
            for (name, profile) in [("vendor-ai-terms.md", "tier1"), ("ministry-platform-agreement.html", "tier2")] {
                try await client.execute(
                    uri: "/api/analyses",
                    method: .post,
                    headers: Multipart.headers,
                    body: Multipart.body(file: try Repo.contract(name), filename: name, profile: profile)
                ) { response in
                    #expect(response.status == .created)
                    try Self.check(response, "/api/analyses", .post, validator: v)
                    let object = try #require(response.json as? [String: Any])
                    let id = try #require(object["id"] as? String)
                    #expect(response.headers[.location] == "/api/analyses/\(id)")
                    ids.append(id)
                }
            }
            try await client.execute(uri: "/api/analyses?limit=1", method: .get) { response in
                #expect(response.status == .ok)
                try Self.check(response, "/api/analyses", .get, validator: v)
                let object = try #require(response.json as? [String: Any])
                #expect((object["total"] as? NSNumber)?.intValue == 2)
                #expect((object["items"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/analyses/\(ids[0])", method: .get) { response in
                try Self.check(response, "/api/analyses/{id}", .get, validator: v)
                let object = try #require(response.json as? [String: Any])
                let analysis = try #require(object["analysis"] as? [String: Any])
                #expect(analysis["schema"] as? String == "fineprint.analysis/1")
            }
            try await client.execute(uri: "/api/analyses/999", method: .get) { response in
                #expect(response.status == .notFound)
                try Self.check(response, "/api/analyses/{id}", .get, validator: v)
            }
            try await client.execute(uri: "/api/profiles", method: .get) { response in
                try Self.check(response, "/api/profiles", .get, validator: v)
            }
            try await client.execute(uri: "/api/knowledge?q=audit", method: .get) { response in
                try Self.check(response, "/api/knowledge", .get, validator: v)
                let object = try #require(response.json as? [String: Any])
                #expect(((object["count"] as? NSNumber)?.intValue ?? 0) > 0)
            }
            try await client.execute(uri: "/api/knowledge?kind=move&limit=3", method: .get) { response in
                try Self.check(response, "/api/knowledge", .get, validator: v)
                let items = try #require((response.json as? [String: Any])?["items"] as? [[String: Any]])
                #expect(items.count == 3)
                #expect(items.allSatisfy { $0["kind"] as? String == "move" })
            }
            // Answers are cached by the whole query: the same query answers the same, a narrower one is not served the wider answer.
            var first = ""
            try await client.execute(uri: "/api/knowledge?kind=move&limit=5", method: .get) { first = $0.text }
            try await client.execute(uri: "/api/knowledge?kind=move&limit=5", method: .get) {
                #expect($0.text == first)
            }
            try await client.execute(uri: "/api/knowledge?kind=move&limit=2", method: .get) { response in
                #expect(((response.json as? [String: Any])?["items"] as? [[String: Any]])?.count == 2)
            }
            try await client.execute(uri: "/api/knowledge?kind=clause&limit=5", method: .get) { response in
                #expect(response.text != first)
            }
            let move = try #require(bench.corpus.moves.first)
            try await client.execute(uri: "/api/knowledge/move/\(move.id)", method: .get) { response in
                try Self.check(response, "/api/knowledge/{kind}/{id}", .get, validator: v)
            }
            try await client.execute(uri: "/api/knowledge/move/nope", method: .get) { response in
                #expect(response.status == .notFound)
                try Self.check(response, "/api/knowledge/{kind}/{id}", .get, validator: v)
            }
            try await client.execute(uri: "/api/compare?ids=\(ids[0]),\(ids[1])&profile=tier2", method: .get) {
                response in
                #expect(response.status == .ok)
                try Self.check(response, "/api/compare", .get, validator: v)
            }
            try await client.execute(uri: "/api/compare?ids=\(ids[0])", method: .get) { response in
                #expect(response.status == .badRequest)
                try Self.check(response, "/api/compare", .get, validator: v)
            }
            try await client.execute(uri: "/api/compare?ids=\(ids[0]),\(ids[1])&profile=", method: .get) { response in
                #expect(response.status == .badRequest)
                try Self.check(response, "/api/compare", .get, validator: v)
            }
            try await client.execute(uri: "/api/diff?from=\(ids[0])&to=\(ids[1])", method: .get) { response in
                #expect(response.status == .ok)
                try Self.check(response, "/api/diff", .get, validator: v)
            }
            try await client.execute(uri: "/api/diff?from=x&to=1", method: .get) { response in
                #expect(response.status == .badRequest)
                try Self.check(response, "/api/diff", .get, validator: v)
            }
        }
    }

    /// Query strings the form decoder refuses (a repeated key, a word for a number) are the
    /// client's mistake: a documented 400, never a 500.
    @Test func malformedQueriesAreBadRequestsAsDocumented() async throws {
        let v = try Self.validator()
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let cases = [
                ("/api/analyses?limit=abc", "/api/analyses"),
                ("/api/analyses?limit=1&limit=2", "/api/analyses"),
                ("/api/knowledge?limit=many", "/api/knowledge"),
                ("/api/knowledge?kind=nonsense", "/api/knowledge"),
                ("/api/knowledge?kind=", "/api/knowledge"),
                ("/api/diff?from=1", "/api/diff"),
                ("/api/compare?ids=1,x", "/api/compare"),
            ]
            for (uri, path) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    try Self.check(response, path, .get, validator: v)
                }
            }
        }
    }

    /// A method an address does not take is a 405 that lists the ones it does, not a 404.
    @Test func aWrongMethodIsNotAllowedAndSaysWhichAre() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/api/profiles", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect((response.json as? [String: Any])?["error"] != nil)
            }
            try await client.execute(uri: "/api/analyses/7", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE, GET")
            }
            try await client.execute(uri: "/analyses", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow]?.contains("POST") == true)
                #expect(response.text.contains("What to do:"))
            }
            try await client.execute(uri: "/api/nothing/here", method: .delete) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// Every response carries the request id the request log line carries.
    @Test func everyResponseHasARequestID() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            var ids: Set<String> = []
            for uri in ["/health", "/api/profiles", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let id = try #require(response.headers[HTTPField.Name("X-Request-Id")!], "\(uri)")
                    #expect(!id.isEmpty)
                    ids.insert(id)
                }
            }
            #expect(ids.count == 3, "each request has its own id")
        }
    }

    @Test func theValidatorCatchesAWrongBody() throws {
        let v = try Self.validator()
        let schema = try v.schema(path: "/api/analyses", method: .get, status: 200)
        let wrong = try JSONValue.parse(Data(#"{"total": "two", "limit": 1, "offset": 0, "items": [{"id": 1}]}"#.utf8))
        let problems = v.problems(wrong, against: schema)
        #expect(problems.contains { $0.contains("$.total") })
        #expect(problems.contains { $0.contains("missing required 'documentName'") })
    }
}
