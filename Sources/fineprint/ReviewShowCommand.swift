import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintReview
import FineprintStore
import Foundation

struct ReviewShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a stored analysis's review: state, each changed or confirmed reading, moves, notes."
    )

    @Argument(help: "The analysis number (as on its report).") var id: Int64
    @OptionGroup var storage: StorageOptions
    @OptionGroup var corpus: CorpusOptions

    func run() async throws {
        let corpus = try CLIError.setup {
            try CorpusLoader.load(from: CorpusLocator.locate(explicit: self.corpus.corpus))
        }
        let record = try await storage.withStore(mustExist: true) { store in
            try await ReviewedRecord.load(id, store: store, corpus: corpus)
        }
        print(Self.describe(record, corpus: corpus), terminator: "")
    }

    static func describe(_ record: ReviewedRecord, corpus: Corpus) -> String {
        let (review, marks) = (record.review, record.reviewed.marks)
        var out = "analysis \(record.stored.summary.id): \(record.stored.analysis.document.name)\n"
        out += "review: \(review.state.label)\(review.stateStamp.map { " (\(stamp($0)))" } ?? "")\n"
        out += "score: \(record.reviewed.analysis.score)/100 reviewed, \(marks.machineScore)/100 by the machine\n"
        if review.isEmpty { return out + "nobody has reviewed it yet\n" }
        let machine = Dictionary(record.stored.analysis.provisions.map { ($0.id, $0) }) { a, _ in a }
        for reading in review.findings {
            let name = corpus.taxonomy.provision(reading.provision)?.name ?? reading.provision
            let cells = marks.changedCells[reading.provision] ?? []
            out += "\(cells.isEmpty ? "  confirmed" : "  \(ReviewMarks.marker) changed ") \(name): "
            out += words(reading.status, reading.strength, reading.value, reading.evidence.count)
            if let m = machine[reading.provision], !cells.isEmpty {
                out += " (machine: \(words(m.status, m.strength, m.value, m.evidence.count)))"
            }
            out += " — \(stamp(reading.stamp))\n"
            if let note = reading.note { out += "      note: \(note)\n" }
        }
        for move in review.moves {
            let name = corpus.move(move.move)?.name ?? move.move
            out +=
                "  move \(move.decision.rawValue): \(name)\(move.reason.map { " — \($0)" } ?? "") (\(stamp(move.stamp)))\n"
        }
        for note in review.notes { out += "  note: \(note.text) (\(stamp(note.stamp)))\n" }
        return out
    }

    static func words(_ status: ProvisionStatus, _ strength: Strength?, _ value: String?, _ quotes: Int) -> String {
        var parts = [status.rawValue]
        if let strength { parts.append(strength.rawValue) }
        if let value { parts.append("value \(value)") }
        parts.append(quotes == 1 ? "1 quote" : "\(quotes) quotes")
        return parts.joined(separator: ", ")
    }

    static func stamp(_ s: ReviewStamp) -> String {
        "\(s.by ?? "someone"), \(ISO8601DateFormatter().string(from: s.at))"
    }
}

struct ReviewSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Move a stored analysis's review to another state, or add a note (recorded in the audit log)."
    )

    @Argument(help: "The analysis number (as on its report).") var id: Int64
    @Option(help: "The state to move the review to: draft, in_review or reviewed.") var state: ReviewState?
    @Option(help: "A note to add to the review.") var note: String?
    @OptionGroup var storage: StorageOptions

    func validate() throws {
        guard state != nil || note != nil else { throw ValidationError("give --state, --note or both") }
    }

    func run() async throws {
        let review = try await storage.withStore(mustExist: true) { store -> AnalysisReview in
            guard let stored = try await store.analysis(id: id) else {
                throw CLIError("no stored analysis has number \(id)")
            }
            let sha = stored.analysis.document.sha256
            guard let document = try await store.document(sha256: sha) else {
                throw StoreError.unknownDocument(sha256: sha)
            }
            let reviews = try ReviewedRecord.reviewStore(store)
            let editor = ReviewEditor(
                machine: stored.analysis,
                text: document.text,
                stamp: ReviewStamp(by: OperatorAudit.operatorName, at: Date())
            )
            var review = try await reviews.review(analysisId: id)
            do {
                if let note { review = try editor.addNote(note, to: review) }
                if let state { review = try editor.setState(state, in: review) }
            } catch let error as ReviewError {
                throw CLIError(error.description)
            }
            try await reviews.saveReview(review)
            let detail = "state \(review.state.rawValue)\(note == nil ? "" : ", note") (command line)"
            try await OperatorAudit.record(.review, "analysis", String(id), detail: detail, in: store.auditLog())
            return review
        }
        print("analysis \(id): review \(review.state.label), \(review.notes.count) notes")
    }
}
