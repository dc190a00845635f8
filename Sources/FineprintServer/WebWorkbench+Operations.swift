import FineprintCompare
import FineprintCore
import FineprintIngest
import FineprintReport
import FineprintStore
import Foundation

/// The workbench's operations, shared by the pages and the API: each is the CLI's library call
/// plus storage. (Analysing an upload is `UploadController.analyse`.)
extension WebWorkbench {
    /// Analyses an already stored document again, against another tier; a new analysis row in
    /// the same matter.
    func reanalyse(_ stored: StoredAnalysis, profile: String?) async throws -> AnalysisSummary {
        let playbook = try playbook(profile)
        let document = try await extracted(stored)
        return try await matterStore.saveAnalysis(
            analyzer.analyze(document, playbook: playbook),
            matterID: stored.summary.matterId
        )
    }

    /// The analysed document re-read from its stored bytes (reading is deterministic, so the
    /// offsets of the stored findings still hold).
    func extracted(_ stored: StoredAnalysis) async throws -> ExtractedDocument {
        let sha = stored.analysis.document.sha256
        guard let bytes = try await store.documentBytes(sha256: sha) else {
            throw StoreError.unknownDocument(sha256: sha)
        }
        return try reader.read(
            data: bytes,
            name: stored.analysis.document.name,
            format: stored.analysis.document.format
        )
    }

    /// The report's input: the analysis with the stored extracted text its offsets refer to.
    func reportInput(_ stored: StoredAnalysis) async throws -> ReportInput {
        let sha = stored.analysis.document.sha256
        guard let document = try await store.document(sha256: sha) else {
            throw StoreError.unknownDocument(sha256: sha)
        }
        let playbook = playbook(madeWith: stored)
        // The reviewed reading when a person reviewed it, with the cells they changed marked.
        let reviewed = reviewed(stored.analysis, review: try await review(of: stored), playbook: playbook)
        return ReportInput(
            analysis: reviewed.analysis,
            corpus: allies.snapshot.catalog.judgingCorpus(for: playbook.id, base: corpus),
            playbook: playbook,
            text: document.text,
            reviewMarks: reviewed.marks
        )
    }

    func playbook(_ id: String?) throws -> Playbook {
        let id = id ?? Self.defaultProfile
        guard var playbook = corpus.playbook(id) ?? alliedPlaybook(id) else {
            throw WebError.badRequest(
                "There is no tier or playbook called '\(id)'.",
                hint: "Choose one of: " + profiles.map(\.id).joined(separator: ", ") + "."
            )
        }
        playbook.homeJurisdictions += homeJurisdictions
        return playbook
    }

    /// Compares stored analyses against one tier; analyses made against another tier are re-run
    /// against it (in memory, not stored), so every column is scored alike.
    func compare(_ ids: [String], profile: String?, scope: MatterScope) async throws -> Comparison {
        let columns = try await comparedReadings(ids, profile: profile, scope: scope)
        return Comparison.build(columns.readings.map(\.analysis), corpus: corpus, playbook: columns.playbook)
    }

    /// The readings a comparison is made of: each stored analysis against one tier (re-run in
    /// memory when made against another), the reviewed reading where a person reviewed it.
    func comparedReadings(
        _ ids: [String],
        profile: String?,
        scope: MatterScope
    ) async throws -> (playbook: Playbook, readings: [ComparedReading]) {
        guard ids.count >= 2 else {
            throw WebError.badRequest(
                "A comparison needs at least two analyses.",
                hint: "Tick two or more analyses in the history, then choose Compare."
            )
        }
        guard ids.count <= 12 else {
            throw WebError.badRequest("At most 12 analyses can be compared at once.", hint: "Tick fewer analyses.")
        }
        var stored: [StoredAnalysis] = []
        for id in ids { stored.append(try await scope.analysis(id)) }
        let playbook = try self.playbook(profile ?? stored[0].analysis.profile)
        var readings: [ComparedReading] = []
        for item in stored {
            let machine =
                item.analysis.profile == playbook.id
                ? item.analysis : analyzer.analyze(try await extracted(item), playbook: playbook)
            // Each column is the reviewed reading when a person reviewed the analysis.
            let reading = reviewed(machine, review: try await review(of: item), playbook: playbook)
            readings.append(ComparedReading(stored: item, analysis: reading.analysis, marks: reading.marks))
        }
        return (playbook, readings)
    }

    /// What changed from one stored analysis's document to another's, judged against the newer
    /// analysis's tier.
    func diff(from oldID: String, to newID: String, scope: MatterScope) async throws -> VersionDiff {
        let old = try await scope.analysis(oldID)
        let new = try await scope.analysis(newID)
        let playbook = try self.playbook(new.analysis.profile)
        let oldDocument = try await extracted(old)
        let newDocument = try await extracted(new)
        let oldMachine =
            old.analysis.profile == playbook.id ? old.analysis : analyzer.analyze(oldDocument, playbook: playbook)
        // Both sides are the reviewed readings when people reviewed them.
        let oldAnalysis = reviewed(oldMachine, review: try await review(of: old), playbook: playbook).analysis
        let newAnalysis = reviewed(new.analysis, review: try await review(of: new), playbook: playbook).analysis
        return VersionDiff.compute(
            old: oldDocument,
            new: newDocument,
            oldAnalysis: oldAnalysis,
            newAnalysis: newAnalysis,
            corpus: corpus
        )
    }
}
