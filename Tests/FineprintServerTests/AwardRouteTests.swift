import FineprintCore
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZIPFoundation

@testable import FineprintServer

/// The compare page for an award decision: explained scores, best offers, and the award sheet.
@Suite("Compare for an award: page and award sheet")
struct AwardRouteTests {
    static func twoAnalyses(_ client: any TestClientProtocol) async throws -> (String, String) {
        let a = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "vendor.md"))
        let b = try #require(
            try await upload(client, try Repo.contract("sovereign-framework-agreement.txt"), name: "sovereign.txt")
        )
        return (a, b)
    }

    static func documentXML(_ body: ByteBuffer) throws -> String {
        let archive = try Archive(data: Data(buffer: body), accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        return String(decoding: xml, as: UTF8.self)
    }

    @Test func theComparePageExplainsScoresAndNamesTheBestOffer() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (a, b) = try await Self.twoAnalyses(client)
            try await client.execute(uri: "/compare?ids=\(a)&ids=\(b)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Score explained") && r.text.contains("protections covered"))
                #expect(r.text.contains("<th scope=\"col\">Best offer</th>"))
                #expect(
                    r.text.contains("/compare/award.docx?ids=\(a)&amp;ids=\(b)")
                        || r.text.contains("/compare/award.docx?ids=\(a)&ids=\(b)")
                )
            }
            try await client.execute(uri: "/api/compare?ids=\(a),\(b)", method: .get) { r in
                let rows = try #require((r.json as? [String: Any])?["provisions"] as? [[String: Any]])
                #expect(rows.contains { $0["bestOffer"] != nil })
                let documents = try #require((r.json as? [String: Any])?["documents"] as? [[String: Any]])
                #expect(documents.allSatisfy { $0["scoreBreakdown"] != nil })
            }
        }
    }

    @Test func theAwardSheetIsTheReviewedReadingAndItsDownloadIsRecorded() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (id, provision, start, end, _) = try await ReviewRouteTests.prepared(client)
            let other = try #require(
                try await upload(client, try Repo.contract("sovereign-framework-agreement.txt"), name: "sovereign.txt")
            )
            let body = """
                {"findings": [{"provision": "\(provision)", "status": "present", "strength": "strong",
                  "evidence": [{"start": \(start), "end": \(end)}]}]}
                """
            try await client.execute(
                uri: "/api/analyses/\(id)/review",
                method: .put,
                headers: ReviewRouteTests.json,
                body: ByteBuffer(string: body)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/compare/award.docx?ids=\(id)&ids=\(other)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == NegotiationController.contentType)
                #expect(r.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"award-comparison-") == true)
                let xml = try Self.documentXML(r.body)
                #expect(xml.contains("Award comparison") && xml.contains("sovereign.txt") && xml.contains("terms.md"))
                #expect(xml.contains("strong ✎"), "the corrected cell carries the reviewer's marker")
            }
            let events = try await #require(bench.auditLog).events(AuditFilter(action: .download))
            #expect(events.contains { $0.targetKind == "comparison" && $0.targetID == "\(id),\(other)" })
            try await client.execute(uri: "/compare/award.docx?ids=\(id)", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func theDiffPageMarksTheStatesAPersonChanged() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (id, provision, start, end, _) = try await ReviewRouteTests.prepared(client)
            let old = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "old.md"))
            try await client.execute(uri: "/diff?from=\(old)&to=\(id)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(!r.text.contains(ReviewMarks.marker))
            }
            let body = """
                {"findings": [{"provision": "\(provision)", "status": "present", "strength": "strong",
                  "evidence": [{"start": \(start), "end": \(end)}]}]}
                """
            try await client.execute(
                uri: "/api/analyses/\(id)/review",
                method: .put,
                headers: ReviewRouteTests.json,
                body: ByteBuffer(string: body)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/diff?from=\(old)&to=\(id)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<td>strong ✎</td>"), "the reviewed new state is marked")
                #expect(r.text.contains("changed by a reviewer"))
            }
        }
    }

    @Test(
        .enabled(if: OfficeConversionProbe.available, "needs soffice: apt-get install -y libreoffice-writer-nogui"),
        .timeLimit(.minutes(8))
    )
    func theAwardSheetComesAsPDF() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (a, b) = try await Self.twoAnalyses(client)
            try await client.execute(uri: "/compare/award.pdf?ids=\(a)&ids=\(b)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/pdf")
                #expect(Data(buffer: r.body).starts(with: Data("%PDF".utf8)))
            }
        }
    }
}

enum OfficeConversionProbe {
    static let available =
        ProcessInfo.processInfo.environment["PATH"].map { path in
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/soffice") }
        } ?? false
}
