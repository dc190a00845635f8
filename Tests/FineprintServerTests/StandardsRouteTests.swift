import FineprintCorpus
import FineprintServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The standards checklist: the report links to it, the page shows one row per article, and the API's
/// answer validates against the OpenAPI document.
@Suite("Standards checklist page and API")
struct StandardsRouteTests {
    @Test func aStoredAnalysisIsCheckedArticleByArticle() async throws {
        let v = try APITests.validator()
        var bench = try await Repo.workbench()
        bench.standards = try StandardsLoader.load(fromCorpus: Repo.corpusURL)
        let articles = try #require(bench.standards.first { $0.id == "mcc-ai-high-risk" }).articles.count
        try await Repo.withApp(bench) { client in
            var id = ""
            try await client.execute(
                uri: "/api/analyses",
                method: .post,
                headers: Multipart.headers,
                body: Multipart.body(
                    file: try Repo.contract("vendor-ai-terms.md"),
                    filename: "vendor-ai-terms.md",
                    profile: "tier1"
                )
            ) { response in
                #expect(response.status == .created)
                id = try #require((response.json as? [String: Any])?["id"] as? String)
            }
            let api = "/api/analyses/{id}/standards/{standard}"
            try await client.execute(uri: "/api/analyses/\(id)/standards/mcc-ai-high-risk", method: .get) { response in
                #expect(response.status == .ok)
                try APITests.check(response, api, .get, validator: v)
                let object = try #require(response.json as? [String: Any])
                #expect(object["schema"] as? String == "fineprint.standard-check/1")
                let rows = try #require(object["articles"] as? [[String: Any]])
                #expect(rows.count == articles)
                // The vendor terms keep no logs for the buyer: article 5 (record-keeping) is not met.
                #expect(rows.first { $0["number"] as? String == "5" }?["verdict"] as? String == "not_met")
            }
            try await client.execute(uri: "/api/analyses/\(id)/standards/no-such-standard", method: .get) { response in
                #expect(response.status == .notFound)
                try APITests.check(response, api, .get, validator: v)
            }
            try await client.execute(uri: "/api/analyses/999/standards/mcc-ai-high-risk", method: .get) { response in
                #expect(response.status == .notFound)
                try APITests.check(response, api, .get, validator: v)
            }
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.text.contains("Check against a standard"))
                #expect(response.text.contains("href=\"/analyses/\(id)/standards/dora-art-30\""))
            }
            try await client.execute(uri: "/analyses/\(id)/standards/mcc-ai-high-risk", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("vendor-ai-terms.md against MCC-AI High-Risk"))
                #expect(page.components(separatedBy: "<tr class=\"verdict-").count - 1 == articles)
                #expect(page.contains("Record-keeping"))
                #expect(!page.contains("<script src=") && !page.contains("https://fonts"))
            }
        }
    }
}
