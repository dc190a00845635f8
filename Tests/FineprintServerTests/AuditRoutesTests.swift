import FineprintStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FineprintServer

@Suite("Audit log, delete, no-store and file names on the web")
struct AuditRoutesTests {
    @Test func uploadViewDownloadAndDeleteAreRecordedAndChained() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let bench = try await Repo.workbench(store: store)
        let contract = try Repo.contract("vendor-ai-terms.md")
        try await Repo.withApp(bench) { client in
            let id = try #require(try await upload(client, contract, name: "terms.md"))
            try await client.execute(uri: "/analyses/\(id)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/analyses/\(id)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/analyses/\(id)/download/json", method: .get) { #expect($0.status == .ok) }
            // Deleted behind the server's back (another server, or the command line): the cached page goes too.
            _ = try await store.deleteAnalysis(id: try #require(try await bench.stored(id)).summary.id)
            try await client.execute(uri: "/analyses/\(id)", method: .get) { #expect($0.status == .notFound) }
            let again = try #require(try await upload(client, contract, name: "terms.md"))
            try await client.execute(uri: "/api/analyses/\(again)", method: .delete) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/analyses/\(id)", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/analyses/\(id)", method: .delete) { #expect($0.status == .notFound) }
        }
        // The token's use is recorded too, first of all (then once a minute: `TokenUseLog`).
        let all = try await store.auditLog().events(AuditFilter())
        #expect(all.last?.action == "token_use")
        let rows = all.filter { $0.action != "token_use" }
        #expect(rows.map(\.action).reversed() == ["upload", "view", "view", "download", "upload", "delete"])
        // The API token's user, as every request of `withApp` is made.
        #expect(rows.allSatisfy { $0.targetKind == "analysis" && $0.actor == "test-admin" })
        #expect(rows.last?.detail == "terms.md")
        #expect(try await store.auditLog().verify() == .intact(rows: all.count))
    }

    @Test func deletingADocumentThroughThePagesAndTheAPI() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let bench = try await Repo.workbench(store: store)
        let contract = try Repo.contract("vendor-ai-terms.md")
        let other = try Repo.contract("sovereign-framework-agreement.txt")
        try await Repo.withApp(bench) { client in
            let id = try #require(try await upload(client, contract, name: "terms.md"))
            let second = try #require(try await upload(client, contract, name: "terms.md", profile: "tier2"))
            let kept = try #require(try await upload(client, other, name: "framework.txt"))
            let sha = try await documentID(bench, analysis: id)
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.text.contains("/documents/\(sha)/delete"))
            }
            try await client.execute(uri: "/documents/\(sha)/delete", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<form method="post" action="/documents/\#(sha)/delete">"#))
                #expect(response.text.contains("terms.md"))
            }
            try await client.execute(uri: "/documents/\(sha)/delete", method: .post) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/matters/") == true)
            }
            for gone in [id, second] {
                try await client.execute(uri: "/api/analyses/\(gone)", method: .get) { #expect($0.status == .notFound) }
            }
            try await client.execute(uri: "/api/analyses/\(kept)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/documents/\(sha)/delete", method: .get) { #expect($0.status == .notFound) }
            let keptSha = try await documentID(bench, analysis: kept)
            try await client.execute(uri: "/api/documents/\(keptSha)", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/documents/\(keptSha)", method: .delete) { response in
                #expect(response.status == .notFound)
                try APITests.check(response, "/api/documents/{id}", .delete, validator: try APITests.validator())
            }
            try await client.execute(uri: "/api/documents/not-a-sha", method: .delete) {
                #expect($0.status == .notFound)
            }
        }
        #expect(try await store.analysisCount() == 0)
        let deletes = try await store.auditLog().events(AuditFilter(action: .delete))
        #expect(deletes.map(\.targetKind) == ["document", "document"])
        #expect(deletes.last?.detail.hasPrefix("terms.md in matter") == true)
        #expect(deletes.last?.detail.contains(": 2 analyses") == true)
    }

    @Test func answersCarryingContractsAreNotStored() async throws {
        let bench = try await Repo.workbench()
        let contract = try Repo.contract("vendor-ai-terms.md")
        try await Repo.withApp(bench) { client in
            let id = try #require(try await upload(client, contract, name: "terms.md"))
            let private_ = [
                "/", "/analyses", "/analyses/\(id)", "/analyses/\(id)/download/md", "/api/analyses",
                "/api/analyses/\(id)", "/api/analyses/999999", "/admin/audit", "/admin/audit.csv",
            ]
            for uri in private_ {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                }
            }
            for uri in ["/static/fineprint.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.cacheControl] != "no-store", "\(uri)")
                }
            }
        }
    }

    @Test func auditPageFiltersAndExportsCSV() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let log = store.auditLog()
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        try await log.append(
            NewAuditEvent(time: old, actor: "ana", action: .upload, targetKind: "analysis", targetID: "1")
        )
        try await log.append(
            NewAuditEvent(
                actor: "bo",
                action: .view,
                targetKind: "analysis",
                targetID: "1",
                detail: "=HYPERLINK(\"x\")"
            )
        )
        let bench = try await Repo.workbench(store: store)
        try await Repo.withApp(bench) { client in
            try await client.execute(uri: "/admin/audit", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<td>ana</td>") && response.text.contains("<td>bo</td>"))
            }
            try await client.execute(uri: "/admin/audit?actor=ana", method: .get) { response in
                #expect(response.text.contains("<td>ana</td>") && !response.text.contains("<td>bo</td>"))
            }
            try await client.execute(uri: "/admin/audit?since=2024-01-01&action=view", method: .get) { response in
                #expect(!response.text.contains("<td>ana</td>") && response.text.contains("<td>bo</td>"))
            }
            try await client.execute(uri: "/admin/audit?since=yesterday", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/admin/audit?action=steal", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/admin/audit.csv?actor=bo", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let lines = response.text.split(separator: "\r\n")
                #expect(lines.count == 2)
                #expect(lines.first?.hasPrefix("sequence,time,actor,action") == true)
                #expect(lines.last?.contains(#","'=HYPERLINK(""x"")","#) == true, "a formula is defused and quoted")
            }
        }
    }

    @Test func longAndBidiFileNamesAreShownCleanAndShort() async throws {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        let bench = try await Repo.workbench(store: store)
        let long = String(repeating: "Very long contract name ", count: 209).prefix(4_995) + ".md"
        let bidi = "invoice\u{202E}dm.exe\u{2066}\u{200F}\u{0007}.md"
        let contract = try Repo.contract("vendor-ai-terms.md")
        let other = try Repo.contract("sovereign-framework-agreement.txt")
        try await Repo.withApp(bench) { client in
            let longID = try #require(try await upload(client, contract, name: String(long)))
            let bidiID = try #require(
                try await upload(client, other, name: bidi.replacingOccurrences(of: ".md", with: ".txt"))
            )
            try await client.execute(uri: "/analyses", method: .get) { response in
                let html = response.text
                #expect(!html.contains(">" + long.prefix(200)), "the 5,000-character name is shown shortened")
                #expect(html.contains(String(long.prefix(40))) && html.contains("…"))
                #expect(html.contains("title=\"\(long)\""), "the whole name in the title attribute")
                for hidden in ["\u{202E}", "\u{2066}", "\u{200F}", "\u{0007}"] { #expect(!html.contains(hidden)) }
                #expect(html.contains("invoicedm.exe.txt"))
            }
            for id in [longID, bidiID] {
                try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                    #expect(!response.text.contains("\u{202E}"))
                    #expect(!response.text.contains(">" + long.prefix(200)))
                    #expect(!response.text.contains("<title>" + long.prefix(200)))
                }
                try await client.execute(uri: "/analyses/\(id)/download/html", method: .get) { response in
                    #expect(!response.text.contains("\u{202E}"))
                }
            }
        }
        #expect(try await store.analysis(id: 1)?.summary.documentName == String(long), "the store keeps it whole")
    }
}
