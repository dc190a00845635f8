import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FineprintServer

/// Reviews through the API and the report page: round trips, refusals, who may change them.
@Suite("Review routes: API and report page")
struct ReviewRouteTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    static let json: HTTPFields = [.contentType: "application/json"]

    /// Uploads the fixture vendor terms; its id, a required provision the machine found missing,
    /// the offsets of a quotable clause, and the first move found.
    static func prepared(_ client: any TestClientProtocol) async throws -> (String, String, Int, Int, String) {
        let id = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "terms.md"))
        return try await client.execute(uri: "/api/analyses/\(id)", method: .get) { response in
            let object = try #require(response.json as? [String: Any])
            let analysis = try #require(object["analysis"] as? [String: Any])
            let gaps = try #require(analysis["gaps"] as? [[String: Any]])
            let missing = try #require(
                gaps.first { $0["reason"] as? String == "missing" && $0["level"] as? String == "required" }
            )
            let provisions = try #require(analysis["provisions"] as? [[String: Any]])
            let present = try #require(provisions.first { !(($0["evidence"] as? [Any]) ?? []).isEmpty })
            let quote = try #require((present["evidence"] as? [[String: Any]])?.first)
            let moves = try #require(analysis["killListMoves"] as? [[String: Any]])
            return (
                id, try #require(missing["provision"] as? String),
                try #require((quote["start"] as? NSNumber)?.intValue),
                try #require((quote["end"] as? NSNumber)?.intValue),
                try #require(moves.first?["id"] as? String)
            )
        }
    }

    @Test func aReviewRoundTripsThroughTheAPIAndChangesTheScore() async throws {
        let v = try APITests.validator()
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (id, provision, start, end, move) = try await Self.prepared(client)
            let machineScore = try await client.execute(uri: "/api/analyses/\(id)/review", method: .get) { r in
                #expect(r.status == .ok)
                try APITests.check(r, "/api/analyses/{id}/review", .get, validator: v)
                let object = try #require(r.json as? [String: Any])
                #expect((object["review"] as? [String: Any])?["state"] as? String == "draft")
                return try #require((object["score"] as? NSNumber)?.intValue)
            }
            let body = """
                {"findings": [{"provision": "\(provision)", "status": "present", "strength": "strong",
                  "evidence": [{"start": \(start), "end": \(end)}], "note": "covered"}],
                 "moves": [{"move": "\(move)", "decision": "dismissed", "reason": "notice and exit"}],
                 "notes": [{"text": "checked against the signed copy"}]}
                """
            try await client.execute(
                uri: "/api/analyses/\(id)/review",
                method: .put,
                headers: Self.json,
                body: ByteBuffer(string: body)
            ) { r in
                #expect(r.status == .ok)
                try APITests.check(r, "/api/analyses/{id}/review", .put, validator: v)
                let object = try #require(r.json as? [String: Any])
                let marks = try #require(object["marks"] as? [String: Any])
                #expect((marks["changedCells"] as? [String: Any])?[provision] != nil)
                #expect((marks["dismissedMoves"] as? [String: String])?[move] == "notice and exit")
                #expect(try #require((object["score"] as? NSNumber)?.intValue) != machineScore)
                let review = try #require(object["review"] as? [String: Any])
                #expect(review["state"] as? String == "in_review")
                let stamp = try #require(((review["findings"] as? [[String: Any]])?.first)?["stamp"] as? [String: Any])
                #expect(stamp["by"] as? String != nil && stamp["at"] as? String != nil)
            }
            // The stored analysis stays the machine's; the downloads are the reviewed reading.
            try await client.execute(uri: "/api/analyses/\(id)", method: .get) { r in
                let analysis = try #require((r.json as? [String: Any])?["analysis"] as? [String: Any])
                #expect((analysis["score"] as? NSNumber)?.intValue == machineScore)
            }
            try await client.execute(uri: "/analyses/\(id)/download/md", method: .get) { r in
                #expect(r.text.contains("changed by a reviewer") && r.text.contains("dismissed by a reviewer"))
            }
            // Compare puts the reviewed reading beside the machine's other analysis, marked.
            let other = try #require(try await upload(client, try Repo.contract("vendor-ai-terms.md"), name: "b.md"))
            try await client.execute(uri: "/compare?ids=\(id)&ids=\(other)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("changed by a reviewer") && r.text.contains(" ✎"))
            }
            try await client.execute(uri: "/api/compare?ids=\(id),\(other)", method: .get) { r in
                let documents = try #require((r.json as? [String: Any])?["documents"] as? [[String: Any]])
                #expect(
                    (documents.first?["score"] as? NSNumber)?.intValue
                        != (documents.last?["score"] as? NSNumber)?.intValue
                )
            }
            let events = try await #require(bench.auditLog).events(AuditFilter(action: .review))
            #expect(events.contains { $0.targetID == String(id) })
        }
    }

    @Test func aQuoteOutsideTheTextOrAnUnknownAnalysisIsRefusedClearly() async throws {
        let v = try APITests.validator()
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (id, provision, _, _, _) = try await Self.prepared(client)
            let body = """
                {"findings": [{"provision": "\(provision)", "status": "present",
                  "evidence": [{"start": 5, "end": 99999999}]}]}
                """
            try await client.execute(
                uri: "/api/analyses/\(id)/review",
                method: .put,
                headers: Self.json,
                body: ByteBuffer(string: body)
            ) { r in
                #expect(r.status == .unprocessableContent)
                try APITests.check(r, "/api/analyses/{id}/review", .put, validator: v)
                #expect(r.text.contains("outside the document's text"))
            }
            try await client.execute(uri: "/api/analyses/\(id)/review", method: .get) { r in
                #expect(
                    (r.json as? [String: Any]).flatMap { $0["review"] as? [String: Any] }?["state"] as? String
                        == "draft"
                )
            }
            try await client.execute(
                uri: "/api/analyses/99999/review",
                method: .put,
                headers: Self.json,
                body: ByteBuffer(string: "{}")
            ) { r in
                #expect(r.status == .notFound)
                try APITests.check(r, "/api/analyses/{id}/review", .put, validator: v)
            }
        }
    }

    @Test func aReaderReadsAReviewButCannotChangeIt() async throws {
        let bench = try await Repo.workbench()
        let uploaded = UploadedID()
        try await Repo.withApp(bench) { client in await uploaded.set(try await Self.prepared(client).0) }
        let id = await uploaded.id
        // The reader sees the analysis as a member of its matter.
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        let matters = try #require(bench.store as? any MatterStore)
        let stored = try #require(try await matters.analysis(publicID: id, in: .all))
        _ = try await matters.setMember(
            MatterMember(userName: "test-reader", role: .reader),
            matterID: stored.summary.matterId
        )
        try await Repo.withApp(bench, as: .reader) { client in
            try await client.execute(uri: "/api/analyses/\(id)/review", method: .get) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/analyses/\(id)/review",
                method: .put,
                headers: Self.json,
                body: ByteBuffer(string: #"{"state": "reviewed"}"#)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/analyses/\(id)/review/state",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "state=reviewed")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/analyses/\(id)/review", method: .get) { r in
                #expect(
                    (r.json as? [String: Any]).flatMap { $0["review"] as? [String: Any] }?["state"] as? String
                        == "draft"
                )
            }
        }
    }

    @Test func theReportPageConfirmsCorrectsAndMovesTheReviewOn() async throws {
        let bench = try await Repo.workbench()
        try await Repo.withApp(bench) { client in
            let (id, provision, start, end, move) = try await Self.prepared(client)
            try await client.execute(uri: "/analyses/\(id)", method: .get) { r in
                #expect(r.text.contains("Review: draft"))
                #expect(r.text.contains("/analyses/\(id)/review/findings/\(provision)"))
                #expect(!r.text.contains("changed by a reviewer"))
            }
            let correction =
                "status=present&strength=strong&value=&note=covered&quote_start=\(start)&quote_end=\(end)&action=save"
            try await client.execute(
                uri: "/analyses/\(id)/review/findings/\(provision)",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: correction)
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/analyses/\(id)#review-\(provision)")
            }
            try await client.execute(
                uri: "/analyses/\(id)/review/moves/\(move)",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "decision=dismissed&reason=")
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("reason is required"))
            }
            try await client.execute(
                uri: "/analyses/\(id)/review/moves/\(move)",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "decision=dismissed&reason=thirty+days+notice")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(
                uri: "/analyses/\(id)/review/state",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "state=reviewed")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(
                uri: "/analyses/\(id)/review/notes",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "text=Checked+with+counsel")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/analyses/\(id)", method: .get) { r in
                #expect(r.text.contains("Review: reviewed"))
                #expect(r.text.contains("changed by a reviewer"))
                #expect(r.text.contains("<span class=\"reviewed\">✎</span>"))
                // The row shows the reviewed reading, and the header the reviewed score.
                #expect(r.text.contains("<tr class=\"present\" id=\"review-\(provision)\">"))
                #expect(r.text.contains("Dismissed by a reviewer (1)") && r.text.contains("thirty days notice"))
                #expect(r.text.contains("Checked with counsel"))
            }
            // Restoring the machine's reading takes the marker away again.
            try await client.execute(
                uri: "/analyses/\(id)/review/findings/\(provision)",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "status=present&action=restore")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(
                uri: "/analyses/\(id)/review/moves/\(move)",
                method: .post,
                headers: Self.form,
                body: ByteBuffer(string: "decision=restore")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/analyses/\(id)", method: .get) { r in
                #expect(!r.text.contains("<span class=\"reviewed\">✎</span>"))
                #expect(r.text.contains("Review: reviewed"))
            }
        }
    }
}

/// The analysis an admin uploaded, handed to a client of another role.
actor UploadedID {
    var id = ""
    func set(_ value: String) { id = value }
}
