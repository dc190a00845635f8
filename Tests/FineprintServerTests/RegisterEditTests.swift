import FineprintIdentity
import FineprintRegister
import FineprintServer
import FineprintStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Editing the register from its pages")
struct RegisterEditTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    static let model = "auroral/aurora-llm@2026-09"

    static func body(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let text = fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }
            .joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static func metric(_ name: String, _ client: any TestClientProtocol) async throws -> [String: Any] {
        try await client.execute(uri: "/api/register/metrics", method: .get) { response in
            let object = try #require(response.json as? [String: Any])
            let metrics = try #require(object["metrics"] as? [String: Any])
            return try #require(metrics[name] as? [String: Any])
        }
    }

    static func post(
        _ uri: String,
        _ fields: [(String, String)],
        _ client: any TestClientProtocol
    ) async throws -> (HTTPResponse.Status, String?, String) {
        try await client.execute(uri: uri, method: .post, headers: form, body: body(fields)) { response in
            (response.status, response.headers[.location], response.text)
        }
    }

    @Test func anAnalystRecordsAnIncidentAndTheMetricsAndTheAuditLogShowIt() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        let system = try #require(register.systems(containing: Self.model).first)
        try await Repo.withApp(bench, as: .analyst) { client in
            try await client.execute(uri: RegisterPageTests.link("/register/components/", Self.model), method: .get) {
                response in
                for action in ["/register/tiers", "/register/drills", "/register/assurance", "/register/incidents"] {
                    #expect(response.text.contains("action=\"\(action)\""), "\(action) form")
                }
            }
            let before = try await Self.metric("incidentResponse", client)
            let (status, location, _) = try await Self.post(
                "/register/incidents",
                [
                    ("system", system.id), ("component", Self.model), ("kind", "model"),
                    ("occurred", Self.day(-2) + "T08:00"), ("detected", Self.day(-2) + "T10:00"),
                    ("contained", Self.day(-1) + "T10:00"), ("summary", "Answers drifted after an update"),
                ],
                client
            )
            #expect(status == .seeOther)
            #expect(location == RegisterPageTests.link("/register/components/", Self.model))
            let after = try await Self.metric("incidentResponse", client)
            #expect((after["denominator"] as? Int) == (before["denominator"] as? Int).map { $0 + 1 })
            #expect((after["numerator"] as? Int) == (before["numerator"] as? Int).map { $0 + 1 })
            try await client.execute(uri: RegisterPageTests.link("/register/components/", Self.model), method: .get) {
                response in
                #expect(response.text.contains("Answers drifted after an update"))
            }
        }
        let log = try #require(bench.auditLog)
        let events = try await log.events(AuditFilter(action: .registerChange))
        #expect(events.contains { $0.detail.contains("Answers drifted") })
    }

    @Test func aTierADrillATestAndASupplierChangeAreSavedAndTheMetricsMove() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        let system = try #require(register.systems(containing: Self.model).first)
        let part = try #require(register.components[Self.model])
        let supplier = try #require(register.supplier(of: part))
        try await Repo.withApp(bench, as: .analyst) { client in
            let exitBefore = try await Self.metric("exitTime", client)
            var (status, _, _) = try await Self.post(
                "/register/tiers",
                [
                    ("system", system.id), ("component", Self.model), ("tier", "2"),
                    ("rationale", "Allied host will do"),
                ],
                client
            )
            #expect(status == .seeOther)
            (status, _, _) = try await Self.post(
                "/register/drills",
                [
                    ("supplier", supplier.id), ("component", Self.model), ("kind", "full-switch"),
                    ("started", Self.day(-3) + "T09:00"), ("completed", Self.day(-3) + "T15:00"),
                    ("serviceLossMinutes", "0"), ("passed", "yes"),
                ],
                client
            )
            #expect(status == .seeOther)
            (status, _, _) = try await Self.post(
                "/register/assurance",
                [
                    ("system", system.id), ("component", Self.model), ("testType", "red-team"),
                    ("tester", "National AI Safety Lab"), ("independence", "external"), ("tested", Self.day(-1)),
                    ("passed", "yes"),
                ],
                client
            )
            #expect(status == .seeOther)
            (status, _, _) = try await Self.post(
                RegisterPageTests.link("/register/suppliers/", supplier.id),
                [("country", "ca"), ("ultimateParent", "Maple Holdings"), ("allianceClass", "allied")],
                client
            )
            #expect(status == .seeOther)
            let exitAfter = try await Self.metric("exitTime", client)
            #expect(exitAfter["numerator"] as? Int != nil)
            #expect(
                (exitAfter["numerator"] as? Int ?? 0) >= (exitBefore["numerator"] as? Int ?? 0),
                "a passed drill with no service lost can only add a tested vendor"
            )
        }
        let store = try #require(bench.store as? any RegisterStore)
        let saved = try await store.loadRegister(organisation: "default")
        #expect(saved.tier(system: system.id, component: Self.model)?.tier == .allied)
        #expect(saved.tier(system: system.id, component: Self.model)?.rationale == "Allied host will do")
        #expect(saved.drills.count == register.drills.count + 1)
        #expect(saved.assurance.count == register.assurance.count + 1)
        #expect(saved.suppliers[supplier.id]?.headquartersCountry == "CA")
        #expect(saved.suppliers[supplier.id]?.ultimateParent == "Maple Holdings")
        #expect(saved.countries.allianceClass(of: "CA") == .allied)
        let events = try await #require(bench.auditLog).events(AuditFilter(action: .registerChange))
        #expect(events.count == 4)
    }

    @Test func badValuesGetAClearErrorAndChangeNothing() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        let system = try #require(register.systems(containing: Self.model).first)
        try await Repo.withApp(bench, as: .analyst) { client in
            let cases: [(String, [(String, String)], String)] = [
                (
                    "/register/tiers",
                    [("system", system.id), ("component", Self.model), ("tier", "4"), ("rationale", "x")],
                    "is not a tier"
                ),
                (
                    "/register/tiers",
                    [("system", system.id), ("component", Self.model), ("tier", "1"), ("rationale", " ")],
                    "rationale is required"
                ),
                (
                    "/register/incidents",
                    [
                        ("kind", "model"), ("detected", "2026-05-02T10:00"), ("contained", "2026-05-01T10:00"),
                        ("summary", "x"),
                    ],
                    "contained before it was detected"
                ),
                (
                    "/register/incidents", [("kind", "model"), ("detected", "yesterday"), ("summary", "x")],
                    "not a detection time"
                ),
                (
                    "/register/incidents", [("kind", "alien"), ("detected", "2026-05-02"), ("summary", "x")],
                    "not a known incident kind"
                ),
                ("/register/suppliers/auroral", [("country", "USA")], "two-letter country code"),
            ]
            for (uri, fields, message) in cases {
                let (status, _, text) = try await Self.post(uri, fields, client)
                #expect(status == .badRequest, "\(uri) \(message)")
                #expect(text.contains(message), "\(uri): \(text.prefix(300))")
            }
        }
        let saved = try await #require(bench.store as? any RegisterStore).loadRegister(organisation: "default")
        #expect(saved == register)
    }

    @Test func readersSeeNoFormsAndMayNotChangeTheRegister() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        let system = try #require(register.systems(containing: Self.model).first)
        try await Repo.withApp(bench, as: .reader) { client in
            for page in [
                RegisterPageTests.link("/register/components/", Self.model),
                RegisterPageTests.link("/register/systems/", system.id), "/register/suppliers/auroral",
            ] {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(!response.text.contains("<form method=\"post\""), "\(page) shows no form")
                }
            }
            for uri in [
                "/register/tiers", "/register/drills", "/register/assurance", "/register/incidents",
                "/register/suppliers/auroral",
            ] {
                let (status, _, _) = try await Self.post(uri, [("summary", "x")], client)
                #expect(status == .forbidden, "\(uri)")
            }
        }
    }

    @Test func anotherProcessWritingTheStoreIsSeenAtTheNextPageView() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        let store = try #require(bench.store as? any RegisterStore)
        try await Repo.withApp(bench, as: .reader) { client in
            let before = try await Self.metric("incidentResponse", client)
            // Written straight to the store, as another `serve` or the CLI on the same database would.
            var changed = register
            try changed.recordIncident(
                Incident(id: "", kind: .data, occurredAt: nil, detectedAt: Date(), containedAt: nil, summary: "x")
            )
            try await store.saveRegister(changed, organisation: "default")
            let after = try await Self.metric("incidentResponse", client)
            #expect((after["denominator"] as? Int) == (before["denominator"] as? Int).map { $0 + 1 })
        }
    }

    /// A day relative to today, as a date field sends it (UTC).
    static func day(_ offset: Int) -> String {
        String(Date().addingTimeInterval(Double(offset) * 86_400).formatted(.iso8601).prefix(10))
    }
}
