import FineprintServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The register's JSON API against its OpenAPI document")
struct RegisterAPITests {
    @Test func everyRegisterEndpointAnswersAsDocumented() async throws {
        let v = try APITests.validator()
        let (bench, register) = try await RegisterExample.workbench()
        let system = "case-law-assistant"
        let component = "keystone/hsm-cluster"
        try await Repo.withApp(bench, as: .reader) { client in
            let documented: [(uri: String, path: String)] = [
                ("/api/register/metrics", "/api/register/metrics"),
                ("/api/register/violations", "/api/register/violations"),
                ("/api/register/violations?system=\(system)", "/api/register/violations"),
                ("/api/register/systems", "/api/register/systems"),
                ("/api/register/systems/\(system)", "/api/register/systems/{id}"),
                ("/api/register/components", "/api/register/components"),
                (RegisterPageTests.link("/api/register/components/", component), "/api/register/components/{key}"),
                ("/api/register/suppliers", "/api/register/suppliers"),
                ("/api/register/suppliers/auroral", "/api/register/suppliers/{id}"),
            ]
            for (uri, path) in documented {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    try APITests.check(response, path, .get, validator: v)
                }
            }
            try await client.execute(uri: "/api/register/metrics", method: .get) { response in
                let object = try #require(response.json as? [String: Any])
                let metrics = try #require(object["metrics"] as? [String: Any])
                for name in [
                    "keyControlAndAuditLogs", "exitTime", "supplierDiversity", "independentTesting", "incidentResponse",
                ] {
                    let metric = try #require(metrics[name] as? [String: Any], "\(name)")
                    for count in ["numerator", "denominator", "unknowns"] { #expect(metric[count] is NSNumber) }
                }
            }
            try await client.execute(uri: "/api/register/systems/\(system)", method: .get) { response in
                let object = try #require(response.json as? [String: Any])
                let parts = try #require(object["components"] as? [[String: Any]])
                #expect(parts.count == register.systems[system]?.components.count)
                let violations = try #require(object["violations"] as? [[String: Any]])
                #expect(violations.contains { $0["severity"] as? String == "FAIL" })
            }
            try await client.execute(uri: RegisterPageTests.link("/api/register/components/", component), method: .get)
            {
                response in
                let object = try #require(response.json as? [String: Any])
                let verdicts = try #require(object["verdicts"] as? [String: String])
                #expect(verdicts["key-control"] == "pass", "the key ceremony attestation decides")
            }
            for (uri, path) in [
                ("/api/register/systems/nope", "/api/register/systems/{id}"),
                ("/api/register/components/%E2%80%A8nothing", "/api/register/components/{key}"),
                ("/api/register/suppliers/%ZZ", "/api/register/suppliers/{id}"),
                ("/api/register/violations?system=nope", "/api/register/violations"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    try APITests.check(response, path, .get, validator: v)
                }
            }
        }
        try await Repo.withAnonymousApp(bench) { client in
            try await client.execute(uri: "/api/register/metrics", method: .get) { response in
                #expect(response.status == .unauthorized)
                try APITests.check(response, "/api/register/metrics", .get, validator: v)
            }
        }
    }
}
