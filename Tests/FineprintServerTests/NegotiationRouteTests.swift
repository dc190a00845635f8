import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZIPFoundation

@testable import FineprintServer

@Suite("Negotiation pack route")
struct NegotiationRouteTests {
    @Test func theReportPageOffersThePackAndItIsAWordDocumentWithTrackedChanges() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let id = try #require(
                try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "vendor-ai-terms.md")
            )
            try await client.execute(uri: "/analyses/\(id)", method: .get) { response in
                #expect(response.text.contains("/analyses/\(id)/negotiation.docx?profile=tier1"))
                #expect(response.text.contains("<h2>Verdict</h2>"))
            }
            try await client.execute(uri: "/analyses/\(id)/negotiation.docx?profile=tier2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == NegotiationController.contentType)
                #expect(
                    response.headers[.contentDisposition]
                        == "attachment; filename=\"vendor-ai-terms-tier2-\(id.prefix(8))-negotiation.docx\""
                )
                let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
                let entry = try #require(archive["word/document.xml"])
                var xml = Data()
                _ = try archive.extract(entry) { xml.append($0) }
                let text = String(decoding: xml, as: UTF8.self)
                #expect(text.contains("<w:ins ") && text.contains("Tier 2"))
            }
            try await client.execute(uri: "/analyses/\(id)/negotiation.docx?profile=nonesuch", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/analyses/999999/negotiation.docx", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }
}
