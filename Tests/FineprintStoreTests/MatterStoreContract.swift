import FineprintCore
import FineprintIdentity
import FineprintStore
import Foundation
import Testing

/// What every `MatterStore` must do: matters with members (users only), analyses and documents
/// found by their public id only inside the caller's matters, the same bytes entered in two matters
/// deleted from one without the other, and retention judged matter by matter.
extension StoreContract {
    func withMatters(_ body: (any MatterStore & AccountStore) async throws -> Void) async throws {
        try await withStore { store in try await body(try #require(store as? any MatterStore & AccountStore)) }
    }

    /// Two users and two matters, ana owning A and bo reading B.
    private func twoMatters(_ store: any MatterStore & AccountStore) async throws -> (a: Matter, b: Matter) {
        for name in ["ana", "bo"] {
            #expect(try await store.addUser(User(name: name, role: .analyst, passwordHash: nil, createdAt: Self.day0)))
        }
        let a = Matter(name: "Tender A", kind: .tender, createdAt: Self.day0)
        let b = Matter(
            name: "Renewal B",
            kind: .renewal,
            createdAt: Self.day0.addingTimeInterval(60),
            retentionDays: 30
        )
        try await store.addMatter(a, owner: "ana")
        try await store.addMatter(b, owner: nil)
        #expect(try await store.setMember(MatterMember(userName: "bo", role: .reader), matterID: b.id))
        return (a, b)
    }

    func mattersKeepTheirMembers() async throws {
        try await withMatters { store in
            let (a, b) = try await twoMatters(store)
            #expect(try await store.matter(id: a.id) == a)
            #expect(try await store.matter(id: PublicID.make()) == nil)
            let all = try await store.matters(.all)
            #expect(
                all.map(\.id) == [b.id, a.id] + all.filter(\.isDefault).map(\.id),
                "newest first, the default last"
            )
            #expect(all.filter(\.isDefault).count == 1)
            #expect(try await store.matters(.only([a.id])).map(\.id) == [a.id])
            #expect(try await store.matters(.only([])).isEmpty)
            #expect(try await store.memberships(userName: "ana") == [a.id: .owner])
            #expect(try await store.memberships(userName: "bo") == [b.id: .reader])
            #expect(try await store.setMember(MatterMember(userName: "bo", role: .analyst), matterID: b.id))
            #expect(try await store.members(matterID: b.id) == [MatterMember(userName: "bo", role: .analyst)])
            #expect(try await !store.setMember(MatterMember(userName: "nobody", role: .reader), matterID: b.id))
            #expect(try await !store.setMember(MatterMember(userName: "bo", role: .reader), matterID: PublicID.make()))
            #expect(try await store.removeMember(userName: "bo", matterID: b.id))
            #expect(try await !store.removeMember(userName: "bo", matterID: b.id))
            #expect(try await store.setRetention(days: 7, matterID: a.id))
            #expect(try await store.matter(id: a.id)?.retentionDays == 7)
            #expect(try await store.setRetention(days: nil, matterID: a.id))
            #expect(try await store.matter(id: a.id)?.retentionDays == nil)
            await #expect(throws: MatterError.self) { try await store.setRetention(days: 0, matterID: a.id) }
            await #expect(throws: MatterError.self) {
                try await store.addMatter(Matter(name: "  ", kind: .other), owner: nil)
            }
            // A removed user leaves the matters they were in.
            #expect(try await store.removeUser(named: "ana"))
            #expect(try await store.members(matterID: a.id).isEmpty)
        }
    }

    func analysesAreFoundOnlyInTheirMatter() async throws {
        try await withMatters { store in
            let (a, b) = try await twoMatters(store)
            let document = try await store.saveDocument(Fixtures.document("shared terms", name: "terms.txt")).document
            let inA = try await store.saveAnalysis(Fixtures.analysis(sha: document.sha256), matterID: a.id)
            let inB = try await store.saveAnalysis(
                Fixtures.analysis(sha: document.sha256, profile: "tier2"),
                matterID: b.id
            )
            let unfiled = try await store.saveAnalysis(Fixtures.analysis(sha: document.sha256))
            #expect(PublicID.isWellFormed(inA.publicId) && inA.publicId != inB.publicId)
            #expect(inA.matterId == a.id && inB.matterId == b.id)
            let defaultID = try #require(try await store.matters(.all).first(where: \.isDefault)).id
            #expect(unfiled.matterId == defaultID)
            #expect(try await store.analysis(publicID: inA.publicId, in: .only([a.id]))?.summary.id == inA.id)
            #expect(try await store.analysis(publicID: inA.publicId, in: .only([b.id])) == nil, "foreign is unknown")
            #expect(try await store.analysis(publicID: inA.publicId, in: .all)?.summary.id == inA.id)
            #expect(try await store.analyses(in: .only([b.id]), limit: 10, offset: 0).map(\.publicId) == [inB.publicId])
            #expect(try await store.analysisCount(in: .only([a.id, b.id])) == 2)
            #expect(try await store.analysisCount(in: .all) == 3)
            #expect(try await store.analysisCount(in: .only([])) == 0)
            #expect(
                try await store.analysisPublicIDs([inA.id, inB.id]) == [inA.id: inA.publicId, inB.id: inB.publicId]
            )
            // The same bytes are one document, entered in each matter with its own id.
            let docA = try #require(try await store.documents(ofMatter: a.id).first)
            let docB = try #require(try await store.documents(ofMatter: b.id).first)
            #expect(docA.sha256 == document.sha256 && docA.id != docB.id)
            #expect(try await store.matterDocument(id: docA.id, in: .only([b.id])) == nil)
            #expect(try await store.matterDocument(id: docA.id, in: .only([a.id])) == docA)
            // Deleting it from A leaves B's entry, analysis and the bytes.
            let gone = try #require(try await store.deleteMatterDocument(id: docA.id))
            #expect(gone.analysisIds == [inA.id])
            #expect(try await store.analysis(publicID: inA.publicId, in: .all) == nil)
            #expect(try await store.analysis(publicID: inB.publicId, in: .all) != nil)
            #expect(try await store.documentBytes(sha256: document.sha256) != nil)
            #expect(try await store.deleteMatterDocument(id: docA.id) == nil)
            // Once no matter holds it, the document itself goes.
            _ = try await store.deleteMatterDocument(id: docB.id)
            let defaultEntry = try #require(try await store.documents(ofMatter: defaultID).first)
            _ = try await store.deleteMatterDocument(id: defaultEntry.id)
            #expect(try await store.document(sha256: document.sha256) == nil)
            #expect(try await store.analysisCount(in: .all) == 0)
        }
    }

    func jobsStoreTheirAnalysesInTheirMatter() async throws {
        try await withStore { store in
            let matters = try #require(store as? any MatterStore & AccountStore)
            let queue = try #require(store as? any JobQueueStore).jobQueue()
            let (a, _) = try await twoMatters(matters)
            let upload = JobUpload(name: "t.txt", bytes: Data("job terms".utf8))
            let job = try await queue.enqueue(NewJob(profile: "tier1", files: [upload], matterID: a.id)).job
            #expect(try await matters.jobMatter(jobID: job.id) == a.id)
            #expect(try await matters.jobMatter(jobID: PublicID.make()) == nil)
            let claimed = try #require(try await queue.claim(worker: "w", lease: .seconds(60)))
            let document = Fixtures.document("job terms", name: "t.txt")
            let ids = try await queue.complete(
                claimed.lease,
                results: [JobResult(document: document, analysis: Fixtures.analysis(sha: document.sha256))]
            )
            let publicID = try #require(try await matters.analysisPublicIDs(ids)[ids[0]])
            #expect(try await matters.analysis(publicID: publicID, in: .only([a.id])) != nil)
            #expect(try await matters.documents(ofMatter: a.id).map(\.sha256) == [document.sha256])
        }
    }

    func retentionIsJudgedMatterByMatter() async throws {
        try await withMatters { store in
            let (a, b) = try await twoMatters(store)
            for (text, matter) in [("kept in A", a.id), ("old in B", b.id)] {
                let document = try await store.saveDocument(Fixtures.document(text)).document
                _ = try await store.saveAnalysis(Fixtures.analysis(sha: document.sha256), matterID: matter)
            }
            // B keeps 30 days, A the default (none here): 31 days later only B's document goes.
            let later = Date().addingTimeInterval(31 * 86_400)
            let sweep = MatterRetentionSweep(defaultDays: nil, store: store, log: nil)
            let deleted = try await sweep.run(now: later)
            #expect(deleted.count == 1)
            #expect(try await store.documents(ofMatter: b.id).isEmpty)
            #expect(try await store.documents(ofMatter: a.id).count == 1)
            // With a 10-day default, A's goes too.
            #expect(try await MatterRetentionSweep(defaultDays: 10, store: store, log: nil).run(now: later).count == 1)
            #expect(try await store.analysisCount(in: .all) == 0)
        }
    }
}

@Suite("Matter store contract, on SQLite and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct MatterStoreContractTests {
    typealias Backend = StoreContract.Backend

    @Test(arguments: Backend.available) func mattersKeepTheirMembers(_ backend: Backend) async throws {
        try await StoreContract(backend).mattersKeepTheirMembers()
    }

    @Test(arguments: Backend.available) func analysesAreFoundOnlyInTheirMatter(_ backend: Backend) async throws {
        try await StoreContract(backend).analysesAreFoundOnlyInTheirMatter()
    }

    @Test(arguments: Backend.available) func jobsStoreTheirAnalysesInTheirMatter(_ backend: Backend) async throws {
        try await StoreContract(backend).jobsStoreTheirAnalysesInTheirMatter()
    }

    @Test(arguments: Backend.available) func retentionIsJudgedMatterByMatter(_ backend: Backend) async throws {
        try await StoreContract(backend).retentionIsJudgedMatterByMatter()
    }
}
