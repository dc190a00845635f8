import FineprintIdentity
import FineprintRegister
import FineprintServer
import FineprintStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The register's pages")
struct RegisterPageTests {
    static func link(_ prefix: String, _ key: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return prefix + (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key)
    }

    @Test func theDashboardShowsTheFiveMetricsTheConcentrationAndTheViolations() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/register", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                for name in [
                    "Critical systems with sovereign key control and audit logs",
                    "Time to exit a key vendor without service loss",
                    "Supplier diversity across chips, cloud and models",
                    "AI deployments with independent testing and monitoring",
                    "Time to detect and contain model and data incidents",
                ] {
                    #expect(html.contains(name), "metric \(name)")
                }
                #expect(html.contains("unknown"))
                for layer in ["chip", "cloud", "model"] { #expect(html.contains("<h3>\(layer) ")) }
                // The example's case-law assistant keeps its keys in the provider's KMS: a FAIL.
                #expect(html.contains("sev-fail"))
                #expect(html.contains("key custody by the buyer is not shown"))
                for system in register.systems.values {
                    #expect(html.contains(Self.link("/register/systems/", system.id)), "system \(system.id) listed")
                }
                let svgs = SVGCheck.svgs(in: html)
                #expect(svgs.count >= 5 + 6, "a sparkline per metric and two bar charts per layer")
                for svg in svgs { #expect(SVGCheck.links(svg) != nil, "well-formed: \(svg.prefix(120))") }
                // Readers see no snapshot button (it is an analyst's change).
                #expect(!html.contains("/register/snapshot"))
            }
        }
    }

    @Test func everySystemsGraphDrawsEachOfItsComponentsAsALink() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        try await Repo.withApp(bench, as: .reader) { client in
            for system in register.systems.values {
                try await client.execute(uri: Self.link("/register/systems/", system.id), method: .get) { response in
                    #expect(response.status == .ok)
                    let graphs = SVGCheck.svgs(in: response.text).filter { $0.contains("class=\"graph\"") }
                    #expect(graphs.count == 1)
                    let links = try #require(SVGCheck.links(graphs[0]), "the graph is well-formed XML")
                    let expected = Set(system.components.map { Self.link("/register/components/", $0) })
                    #expect(Set(links) == expected, "\(system.id): every component, and nothing else")
                    #expect(links.count == expected.count, "each component drawn once")
                    #expect(response.text.contains("Policy violations"))
                }
            }
        }
    }

    @Test func everyComponentAndSupplierHasAPage() async throws {
        let (bench, register) = try await RegisterExample.workbench()
        try await Repo.withApp(bench, as: .reader) { client in
            for part in register.components.values {
                try await client.execute(uri: Self.link("/register/components/", part.id), method: .get) { response in
                    #expect(response.status == .ok, "\(part.id)")
                    #expect(response.text.contains("Control facts"))
                }
            }
            for supplier in register.suppliers.values {
                try await client.execute(uri: Self.link("/register/suppliers/", supplier.id), method: .get) {
                    response in
                    #expect(response.status == .ok, "\(supplier.id)")
                }
            }
            // The HSM's key control comes from an attestation, with its evidence.
            try await client.execute(uri: Self.link("/register/components/", "keystone/hsm-cluster"), method: .get) {
                response in
                #expect(response.text.contains("Key ceremony record KC-2026-04"))
                #expect(response.text.contains("attestation"))
            }
            // A contract's fact names the contract it came from and links its analysis.
            try await client.execute(
                uri: Self.link("/register/components/", "northwind/caseassist-model@4.2"),
                method: .get
            ) { response in
                #expect(response.text.contains("NW-2025-001"))
                #expect(response.text.contains("href=\"/analyses/"))
                #expect(response.text.contains("full-switch"), "the supplier's exit drill")
                #expect(response.text.contains("INC-2026-014"), "the incident on the model")
            }
            for missing in ["/register/systems/nope", "/register/components/nope%2Fnothing", "/register/suppliers/%ZZ"]
            {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
        }
    }

    @Test func anAnalystKeepsASnapshotAndTheTrendShowsIt() async throws {
        let (bench, _) = try await RegisterExample.workbench()
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/register/snapshot", method: .post) { response in
                #expect(response.status == .forbidden)
            }
        }
        try await Repo.withApp(bench, as: .analyst) { client in
            try await client.execute(uri: "/register", method: .get) { response in
                #expect(response.text.contains("action=\"/register/snapshot\""))
            }
            try await client.execute(uri: "/register/snapshot", method: .post) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/register?snapshot=kept")
            }
            try await client.execute(uri: "/register/snapshot", method: .post) { response in
                #expect(response.headers[.location] == "/register?snapshot=unchanged")
            }
            try await client.execute(uri: "/register?snapshot=kept", method: .get) { response in
                #expect(response.text.contains("Snapshot kept"))
                #expect(response.text.contains("Kept snapshots"))
            }
        }
        let template = try String(
            contentsOf: Repo.root.appendingPathComponent(
                "Sources/FineprintServer/Resources/Templates/register.mustache"
            ),
            encoding: .utf8
        )
        #expect(template.contains("action=\"/register/snapshot\" class=\"no-print\"><!--fineprint:csrf-->"))
        let store = try #require(bench.store as? any RegisterStore)
        #expect(try await store.metricSnapshots(organisation: "default", limit: 10).count == 1)
        let log = try #require(bench.auditLog)
        let events = try await log.events(AuditFilter(action: .registerChange))
        #expect(events.count == 2, "both asks are in the audit log, kept or not")
    }

    @Test func anEmptyRegisterSaysHowToFillIt() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/register", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("fineprint register example"))
            }
        }
        try await Repo.withAnonymousApp(bench) { client in
            try await client.execute(uri: "/register", method: .get) { response in
                #expect(response.status != .ok)
            }
        }
    }

    @Test func aWatchedChangeOfASuppliersTermsShowsOnTheComponentsItBacks() async throws {
        let location = "/srv/terms/auroral-enterprise-terms.md"
        let folder = try RegisterExample.watchStoreWithAWorseChange(location: location)
        let (bench, _) = try await RegisterExample.workbench(watchFolder: folder)
        let store = try #require(bench.store as? any RegisterStore)
        var register = try await store.loadRegister(organisation: "default")
        register.linkWatch(WatchLink(source: location, supplier: "auroral", linkedAt: Date()))
        try await store.saveRegister(register, organisation: "default")
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(
                uri: Self.link("/register/components/", "auroral/aurora-llm@2026-09"),
                method: .get
            ) { response in
                #expect(
                    response.text.contains("Changes in the supplier&#39;s watched terms")
                        || response.text.contains("Changes in the supplier's watched terms")
                )
                #expect(response.text.contains("direction-worse"))
                #expect(response.text.contains("auroral-terms.md"))
            }
            try await client.execute(uri: Self.link("/register/components/", "keystone/hsm-cluster"), method: .get) {
                response in
                #expect(!response.text.contains("direction-worse"), "another supplier's component shows nothing")
            }
            try await client.execute(uri: Self.link("/register/suppliers/", "auroral"), method: .get) { response in
                #expect(response.text.contains("direction-worse"))
            }
            try await client.execute(
                uri: Self.link("/api/register/components/", "auroral/summarise-api"),
                method: .get
            ) { response in
                let object = try #require(response.json as? [String: Any])
                let changes = try #require(object["watchedChanges"] as? [[String: Any]])
                #expect(changes.count == 1)
                #expect(changes.first?["direction"] as? String == "worse")
                #expect(changes.first?["via"] as? String == "supplier")
                #expect((changes.first?["details"] as? [String])?.isEmpty == false)
            }
        }
    }
}
