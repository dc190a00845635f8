import FineprintIdentity
import FineprintServer
import FineprintStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Matters as a wall: a member of matter A reaches nothing of matter B through any route that
/// takes an id (404, the same body as for an id that does not exist), and B's data is in none of
/// A's lists. Every such route of the route table is tried, so a new one is covered by default.
@Suite("Matter isolation over every route that takes an id")
struct MatterIsolationTests {
    /// Matter B's ids, as bob's uploads made them.
    struct Foreign {
        var matter: String
        var analysis: String
        var document: String
        var job: String
    }

    /// Alice owns A, bob owns B (both analysts); bob uploads to B, once directly and once as a job.
    static func setUp() async throws -> (bench: WebWorkbench, alice: String, bob: String, foreign: Foreign) {
        let store = try SQLiteStore(dataDirectory: try Repo.temporaryFolder())
        var bench = try await Repo.workbench(store: store)
        let alice = try await TestAuth.token(in: bench.accounts, role: .analyst, name: "alice")
        let bob = try await TestAuth.token(in: bench.accounts, role: .analyst, name: "bob")
        let a = Matter(name: "Tender A", kind: .tender)
        let b = Matter(name: "Renewal B", kind: .renewal)
        try await store.addMatter(a, owner: "alice")
        try await store.addMatter(b, owner: "bob")
        let analysis = try await upload(bench, token: bob, matter: b.id, "vendor-ai-terms.md")
        bench.jobs = JobDesk(queue: store.jobQueue())
        let job = try await upload(bench, token: bob, matter: b.id, "sovereign-framework-agreement.txt")
        let document = try await documentID(bench, analysis: analysis)
        return (bench, alice, bob, Foreign(matter: b.id, analysis: analysis, document: document, job: job))
    }

    /// Uploads through the API as `token` into `matter`; the analysis's id, or the job's with a queue.
    static func upload(_ bench: WebWorkbench, token: String, matter: String, _ name: String) async throws -> String {
        let made = IDBox()
        try await Repo.withAnonymousApp(bench) { client in
            var headers = Multipart.headers
            headers[.authorization] = "Bearer \(token)"
            let body = Multipart.body(file: try Repo.contract(name), filename: name, profile: "tier1", matter: matter)
            let response = try await client.execute(uri: "/api/analyses", method: .post, headers: headers, body: body)
            #expect(response.status == .created || response.status == .accepted)
            made.set(try #require((response.json as? [String: Any])?["id"] as? String))
        }
        return try #require(made.value)
    }

    /// The route's address with matter B's ids (nil: the route takes none of them).
    static func foreignAddress(_ path: String, _ ids: Foreign) -> String? {
        let id: String
        if path.hasPrefix("/analyses/{id}") || path.hasPrefix("/api/analyses/{id}") {
            id = ids.analysis
        } else if path.hasPrefix("/documents/{id}") || path.hasPrefix("/api/documents/{id}") {
            id = ids.document
        } else if path.hasPrefix("/jobs/{id}") || path.hasPrefix("/api/jobs/{id}") {
            id = ids.job
        } else if path.hasPrefix("/matters/{id}") || path.hasPrefix("/api/matters/{id}") {
            id = ids.matter
        } else {
            return nil
        }
        let values = ["{id}": id, "{format}": "json", "{standard}": "dora-art-30", "{name}": "bob"]
        return values.reduce(path) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    @Test func aMemberOfOneMatterGets404ForEverythingOfAnother() async throws {
        let (bench, alice, _, foreign) = try await Self.setUp()
        let routes = buildRouter(bench).routes.compactMap { route in
            Self.foreignAddress(route.path.description, foreign).map { (route.method, $0) }
        }
        #expect(routes.count >= 18, "every route that takes an analysis, document, job or matter id")
        try await Repo.withAnonymousApp(bench) { client in
            let unknown = PublicID.make()
            for (method, address) in routes {
                var headers: HTTPFields = [.authorization: "Bearer \(alice)"]
                if method == .post { headers[.contentType] = "application/x-www-form-urlencoded" }
                let body = ByteBuffer(string: "user=alice&role=owner&days=1&profile=tier2")
                let answer = try await client.execute(uri: address, method: method, headers: headers, body: body) { $0 }
                #expect(answer.status == .notFound, "\(method) \(address): \(answer.status)")
                // The same body as for an id nobody has.
                let probe = address.replacingOccurrences(of: Self.idIn(address, foreign), with: unknown)
                let none = try await client.execute(uri: probe, method: method, headers: headers, body: body) { $0 }
                #expect(none.status == .notFound && none.text == answer.text, "\(method) \(probe)")
            }
            for uri in [
                "/compare?ids=\(foreign.analysis),\(foreign.analysis)",
                "/compare/award.docx?ids=\(foreign.analysis),\(foreign.analysis)",
                "/api/diff?from=\(foreign.analysis)&to=\(foreign.analysis)",
            ] {
                let answer = try await client.execute(
                    uri: uri,
                    method: .get,
                    headers: [.authorization: "Bearer \(alice)"]
                ) { $0 }
                #expect(answer.status == .notFound, "\(uri)")
            }
        }
        // Bob's data was never touched.
        #expect(try await bench.stored(foreign.analysis) != nil)
    }

    @Test func listsHoldOnlyTheCallersMatters() async throws {
        let (bench, alice, bob, foreign) = try await Self.setUp()
        try await Repo.withAnonymousApp(bench) { client in
            let asAlice: HTTPFields = [.authorization: "Bearer \(alice)"]
            let list = try await client.execute(uri: "/api/analyses", method: .get, headers: asAlice) { $0 }
            #expect(((list.json as? [String: Any])?["total"] as? NSNumber)?.intValue == 0)
            let history = try await client.execute(uri: "/analyses", method: .get, headers: asAlice) { $0 }
            #expect(!history.text.contains(foreign.analysis) && !history.text.contains("vendor-ai-terms"))
            let matters = try await client.execute(uri: "/api/matters", method: .get, headers: asAlice) { $0 }
            #expect((matters.json as? [[String: Any]])?.map { $0["name"] as? String } == ["Tender A"])
            let asBob: HTTPFields = [.authorization: "Bearer \(bob)"]
            let his = try await client.execute(uri: "/api/analyses", method: .get, headers: asBob) { $0 }
            #expect(((his.json as? [String: Any])?["total"] as? NSNumber)?.intValue == 1)
            let page = try await client.execute(uri: "/matters/\(foreign.matter)", method: .get, headers: asBob) { $0 }
            #expect(page.status == .ok && page.text.contains("vendor-ai-terms.md"))
        }
    }

    @Test func ownersManageMembersAndOnlyOwnersDelete() async throws {
        let (bench, alice, bob, foreign) = try await Self.setUp()
        try await Repo.withAnonymousApp(bench) { client in
            let asBob: HTTPFields = [
                .authorization: "Bearer \(bob)", .contentType: "application/x-www-form-urlencoded",
            ]
            let added = try await client.execute(
                uri: "/matters/\(foreign.matter)/members",
                method: .post,
                headers: asBob,
                body: ByteBuffer(string: "user=alice&role=analyst")
            ) { $0 }
            #expect(added.status == .seeOther)
            // Alice now reads B but, as an analyst there, may not delete.
            let asAlice: HTTPFields = [.authorization: "Bearer \(alice)"]
            let report = try await client.execute(uri: "/analyses/\(foreign.analysis)", method: .get, headers: asAlice)
            { $0 }
            #expect(report.status == .ok)
            let refused = try await client.execute(
                uri: "/api/analyses/\(foreign.analysis)",
                method: .delete,
                headers: asAlice
            ) { $0 }
            #expect(refused.status == .forbidden)
            let retention = try await client.execute(
                uri: "/matters/\(foreign.matter)/retention",
                method: .post,
                headers: asBob,
                body: ByteBuffer(string: "days=90")
            ) { $0 }
            #expect(retention.status == .seeOther)
            #expect(try await (bench.store as! any MatterStore).matter(id: foreign.matter)?.retentionDays == 90)
            let removed = try await client.execute(
                uri: "/matters/\(foreign.matter)/members/alice/remove",
                method: .post,
                headers: asBob
            ) { $0 }
            #expect(removed.status == .seeOther)
            let gone = try await client.execute(uri: "/analyses/\(foreign.analysis)", method: .get, headers: asAlice) {
                $0
            }
            #expect(gone.status == .notFound)
            let deleted = try await client.execute(
                uri: "/api/documents/\(foreign.document)",
                method: .delete,
                headers: asBob
            ) { $0 }
            #expect(deleted.status == .noContent)
        }
        let log = try #require(bench.auditLog)
        let actions = try await log.events(AuditFilter()).map(\.action)
        for action in ["member_add", "retention_change", "member_remove", "delete", "token_use"] {
            #expect(actions.contains(action), "\(action) recorded")
        }
    }

    @Test func anAnalystCreatesAMatterAndUploadsToIt() async throws {
        let bench = try await Repo.workbench()
        let carol = try await TestAuth.token(in: bench.accounts, role: .analyst, name: "carol")
        try await Repo.withAnonymousApp(bench) { client in
            var headers: HTTPFields = [.authorization: "Bearer \(carol)", .contentType: "application/json"]
            // With no matter yet there is nowhere to upload.
            let nowhere = try await client.execute(
                uri: "/api/analyses",
                method: .post,
                headers: [.authorization: "Bearer \(carol)", .contentType: Multipart.contentType],
                body: Multipart.body(file: Data("terms".utf8), filename: "t.txt")
            ) { $0 }
            #expect(nowhere.status == .badRequest)
            let made = try await client.execute(
                uri: "/api/matters",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"name": "Cloud tender", "kind": "tender", "retentionDays": 365}"#)
            ) { $0 }
            #expect(made.status == .created)
            let matter = try #require((made.json as? [String: Any])?["id"] as? String)
            headers[.contentType] = Multipart.contentType
            // Her only matter is the default for her uploads.
            let uploaded = try await client.execute(
                uri: "/api/analyses",
                method: .post,
                headers: headers,
                body: Multipart.body(file: try Repo.contract("vendor-ai-terms.md"), filename: "v.md")
            ) { $0 }
            #expect(uploaded.status == .created)
            #expect((uploaded.json as? [String: Any])?["matter"] as? String == matter)
        }
        let created = try await #require(bench.auditLog).events(AuditFilter(action: .matterCreate))
        #expect(created.count == 1 && created.first?.actor == "carol")
    }

    static func idIn(_ address: String, _ ids: Foreign) -> String {
        [ids.analysis, ids.document, ids.job, ids.matter].first { address.contains($0) } ?? ""
    }
}
