import FineprintIdentity
import FineprintStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FineprintServer

@Suite("Web pages")
struct PageRouteTests {
    @Test func uploadPageHasAFormThatWorksWithoutScript() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = response.text
                #expect(
                    html.contains(
                        #"<form class="upload" action="/analyses" method="post" enctype="multipart/form-data""#
                    )
                )
                #expect(html.contains(#"<label for="file">"#))
                #expect(html.contains(#"<option value="tier1" selected>"#))
                #expect(html.contains(#"<script src="/static/upload.js" defer></script>"#))
                #expect(!html.contains("<script>"), "no inline script: the CSP forbids it")
                #expect(!html.contains("http://") && !html.contains("https://"), "no external assets")
            }
        }
    }

    @Test func securityHeadersAreOnEveryResponse() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            for uri in ["/", "/static/fineprint.css", "/api/analyses", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "\(uri)")
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                }
            }
        }
    }

    @Test func uploadAnalyseAndReadTheReport() async throws {
        let bench = try await Repo.workbench()
        let contract = try Repo.contract("vendor-ai-terms.md")
        try await Repo.withApp(bench) { client in
            let id = try #require(try await upload(client, contract, name: "vendor-ai-terms.md", profile: "tier2"))
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>vendor-ai-terms.md</h1>"))
                #expect(html.contains("<mark"), "evidence is highlighted")
                #expect(html.contains(#"class="trap""#), "kill-list evidence is marked as a trap")
                #expect(html.contains("Kill-list moves ("))
                #expect(html.contains("Gaps and model clauses ("))
                #expect(html.contains("Provisions by dimension"))
                #expect(html.contains(#"aria-label="Overall score"#))
                #expect(html.contains(#"<option value="tier2" selected>"#))
                for format in ["json", "md", "html"] { #expect(html.contains("/analyses/\(id)/download/\(format)")) }
            }
            // The stored analysis says the same as the page.
            let stored = try #require(try await bench.stored(id))
            #expect(stored.analysis.profile == "tier2")
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.text.contains("\(stored.analysis.score)<span>/100"))
            }
        }
    }

    @Test func theDeployingGovernmentsOwnLawIsNotForeign() async throws {
        let contract = Data(
            """
            These Terms are governed by the laws of Ireland, and the courts of Ireland have exclusive jurisdiction over any dispute.
            """.utf8
        )
        for (home, flagged) in [([String](), true), (["Ireland"], false)] {
            let bench = try await Repo.workbench(
                store: try SQLiteStore(dataDirectory: try Repo.temporaryFolder()),
                homeJurisdictions: home
            )
            try await Repo.withApp(bench) { client in
                let id = try #require(try await upload(client, contract, name: "irish-terms.txt"))
                let first = try #require(try await bench.stored(id))
                #expect(
                    first.analysis.killListMoves.contains { $0.id == "foreign_law_and_forum" } == flagged,
                    "home \(home)"
                )
                #expect(first.analysis.homeJurisdictions == (home.isEmpty ? nil : home))
                try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                    #expect(response.text.contains("home jurisdictions: Ireland") == !home.isEmpty)
                }
                // Re-scoring against another tier keeps the deployment's home.
                let againID: String? = try await client.execute(
                    uri: "/analyses/\(id)/reanalyse",
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "profile=tier3")
                ) { response in
                    response.headers[.location].map { String($0.dropFirst("/analyses/".count)) }
                }
                let secondID = try #require(againID)
                let second = try #require(try await bench.stored(secondID))
                #expect(second.analysis.profile == "tier3")
                #expect(
                    second.analysis.killListMoves.contains { $0.id == "foreign_law_and_forum" } == flagged,
                    "home \(home), tier3"
                )
            }
        }
    }

    @Test func aRestartedServerStillHasEveryAnalysis() async throws {
        // Built as `fineprint serve` builds it: from arguments, opening the store in the data folder.
        let arguments = TestArguments(folder: try Repo.temporaryFolder())
        let id = try await arguments.testAsAdmin { client in
            try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "kept.md")
        }
        let analysis = try #require(id)
        // A new application over the same data folder, as after `fineprint serve` is restarted.
        try await arguments.testAsAdmin { client in
            try await client.execute(uri: "/analyses/\(analysis)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>kept.md</h1>"))
                #expect(response.text.contains("<mark"))
            }
            try await client.execute(uri: "/analyses", method: .get) { response in
                #expect(response.text.contains("kept.md"))
            }
        }
    }

    @Test func downloadsAreTheReportLibrarysRenderings() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let id = try #require(
                try await upload(
                    client,
                    try Repo.contract("sovereign-framework-agreement.txt"),
                    name: "sovereign-framework-agreement.txt"
                )
            )
            try await client.execute(uri: "/analyses/\(id)/download/json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.headers[.contentDisposition]?.contains(
                        "attachment; filename=\"sovereign-framework-agreement-tier1-\(id.prefix(8)).json\""
                    ) == true
                )
                let json = try #require(response.json as? [String: Any])
                #expect(json["schema"] as? String == "fineprint.analysis/1")
            }
            try await client.execute(uri: "/analyses/\(id)/download/md", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/markdown") == true)
                #expect(response.text.contains("sovereign-framework-agreement.txt"))
            }
            try await client.execute(uri: "/analyses/\(id)/download/html", method: .get) { response in
                #expect(response.text.hasPrefix("<!doctype html>"))
                #expect(response.text.contains("<mark"))
            }
            try await client.execute(uri: "/analyses/\(id)/download/exe", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func reScoringAgainstAnotherTierMakesANewAnalysisOfTheSameDocument() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let first = try #require(
                try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "terms.md")
            )
            var body = ByteBuffer(string: "profile=tier3")
            let second: String? = try await client.execute(
                uri: "/analyses/\(first)/reanalyse",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: body
            ) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location].map { String($0.dropFirst("/analyses/".count)) }
            }
            let secondID = try #require(second)
            #expect(secondID != first)
            let a = try #require(try await bench.stored(first))
            let b = try #require(try await bench.stored(secondID))
            #expect(a.analysis.document.sha256 == b.analysis.document.sha256)
            #expect(b.analysis.profile == "tier3")
            body = ByteBuffer(string: "profile=no_such_tier")
            try await client.execute(
                uri: "/analyses/\(first)/reanalyse",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: body
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("no tier or playbook called"))
            }
            // Uploading the same bytes again stores one document and a third analysis.
            _ = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "terms-again.md"))
            #expect(try await bench.store.analysisCount() == 3)
        }
    }

    @Test func historyListsAnalysesWithCompareAndDiffForms() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/analyses", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("No analyses yet"))
            }
            let id = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "terms.md"))
            try await client.execute(uri: "/analyses", method: .get) { response in
                let html = response.text
                #expect(html.contains(#"<a href="/analyses/\#(id)">terms.md</a>"#))
                #expect(html.contains(#"<form action="/compare" method="get">"#))
                #expect(html.contains(#"<form action="/diff" method="get""#))
            }
            try await client.execute(uri: "/analyses?page=x", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func missingThingsGetAHelpfulNotFoundPage() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            for uri in ["/no/such/page", "/analyses/424242", "/knowledge/move/no_such_move", "/knowledge/nonsense/x"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(response.text.contains("What to do:"), "\(uri)")
                }
            }
        }
    }

    @Test func staticFilesAreServedByTheApp() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/static/fineprint.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
                #expect(response.text.contains("@media print"))
                #expect(response.text.contains(":focus-visible"))
            }
            try await client.execute(uri: "/static/upload.js", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/javascript") == true)
                #expect(response.text.contains("dataTransfer"))
            }
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.text == "ok") }
        }
    }

    @Test func compareShowsTheMatrixAndAScorePerDocument() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let a = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "vendor.md"))
            let b = try #require(
                try await upload(
                    client,
                    try Repo.contract("sovereign-framework-agreement.txt"),
                    name: "sovereign.txt",
                    profile: "tier2"
                )
            )
            try await client.execute(uri: "/compare?ids=\(a)&ids=\(b)&profile=tier1", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>Compare suppliers</h1>"))
                #expect(
                    html.contains(#"<th scope="col">vendor.md</th>"#)
                        && html.contains(#"<th scope="col">sovereign.txt</th>"#)
                )
                #expect(html.contains("Score per document"))
                #expect(html.contains(#"class="matrix""#))
            }
            // The second was analysed against tier2; compared against tier1 its column is re-scored.
            let scope = MatterScope(
                store: bench.store as! any MatterStore,
                identity: Identity(userName: "test-admin", role: .admin, method: .trustedHeader),
                roles: [:]
            )
            let comparison = try await bench.compare([a, b], profile: "tier1", scope: scope)
            #expect(comparison.profile == "tier1")
            try await client.execute(uri: "/compare?ids=\(a)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("at least two"))
            }
        }
    }

    @Test func diffShowsRightsChangesFirstThenTheText() async throws {
        let bench = try await Repo.workbench()
        let old = """
            1. Data
            1.1 The Customer owns all Customer Data. The Supplier shall not use Customer Data to train any model.
            2. Law
            2.1 This Agreement is governed by the laws of Ireland.
            """
        let new = """
            1. Data
            1.1 The Customer owns all Customer Data. The Supplier may use Customer Data to train and improve its models.
            2. Law
            2.1 This Agreement is governed by the laws  of Ireland.
            """
        try await Repo.withApp(bench) { client in
            let a = try #require(try await upload(client, Data(old.utf8), name: "v1.txt"))
            let b = try #require(try await upload(client, Data(new.utf8), name: "v2.txt"))
            try await client.execute(uri: "/diff?from=\(a)&to=\(b)", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                let rights = try #require(html.range(of: "<h2>Rights</h2>"))
                let text = try #require(html.range(of: "<h2>Text, clause by clause</h2>"))
                #expect(rights.lowerBound < text.lowerBound)
                #expect(html.contains("<ins>"), "the changed clause shows its inserted words")
                #expect(html.contains("cosmetic only"), "the whitespace-only change is marked cosmetic")
            }
            try await client.execute(uri: "/diff?from=\(a)", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func knowledgeBaseSearchFiltersAndDetail() async throws {
        let bench = try await Repo.workbench()
        let move = try #require(bench.corpus.moves.first)
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/knowledge", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text.contains(#"<form class="search" action="/knowledge" method="get" role="search">"#)
                )
                #expect(response.text.contains("/knowledge/move/\(move.id)"))
            }
            try await client.execute(uri: "/knowledge?q=training+data", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<mark>"), "matches are marked in the snippet")
            }
            try await client.execute(uri: "/knowledge?kind=clause", method: .get) { response in
                #expect(!response.text.contains("/knowledge/move/"))
                #expect(response.text.contains("/knowledge/clause/"))
            }
            try await client.execute(uri: "/knowledge?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("<script>alert"), "the query is escaped")
                #expect(response.text.contains("&lt;script&gt;"))
            }
            try await client.execute(uri: "/knowledge/move/\(move.id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(escaped(move.name)))
            }
            for p in (try bench.catalog).knowledge.partnerships.prefix(1) {
                try await client.execute(uri: "/knowledge/partnership/\(p.id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("Scorecard"))
                }
            }
            // A pattern page lists its tracked partnerships with their scorecards, as the CLI's pattern page does.
            for pattern in (try bench.catalog).knowledge.patterns
            where !(try bench.catalog).knowledge.partnerships(exhibiting: pattern.id).isEmpty {
                try await client.execute(uri: "/knowledge/pattern/\(pattern.id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("Tracked partnerships, scored on their public terms"))
                    #expect(response.text.contains("kill-list moves visible"))
                    // "N of the pattern's M moves unknown" never counts more than the pattern has.
                    for match in response.text.matches(of: /(\d+) of the pattern's (\d+) moves unknown/) {
                        #expect(Int(match.1)! <= Int(match.2)!, "\(pattern.id): \(match.0)")
                    }
                    for partnership in (try bench.catalog).knowledge.partnerships(exhibiting: pattern.id) {
                        #expect(
                            response.text.contains(escaped(partnership.name)),
                            "\(pattern.id): \(partnership.id) missing"
                        )
                    }
                }
            }
        }
    }
}

/// The HTML-escaped form of a text, as a template writes it.
func escaped(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}
