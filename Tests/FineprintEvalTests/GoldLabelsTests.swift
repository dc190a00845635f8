import FineprintCorpus
import FineprintEval
import FineprintIngest
import FineprintTestSupport
import Foundation
import Testing

/// A temporary data folder with one synthetic document and a label folder beside it.
private struct Scratch {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var labels: URL { root.appendingPathComponent("labels") }

    static let documentText = """
        # Service terms

        We will not use your prompts to train our models.

        These terms are governed by the law of Ruritania.
        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: data.appendingPathComponent("Acme"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createDirectory(at: labels, withIntermediateDirectories: true)
        try Data(Self.documentText.utf8).write(to: data.appendingPathComponent("Acme/Terms.md"))
    }

    /// The hash the reader computes (of the file's bytes), as an annotator would record it.
    var sha: String {
        (try? DocumentReader().read(fileAt: data.appendingPathComponent("Acme/Terms.md")).sha256) ?? ""
    }

    func write(_ yaml: String, as name: String = "acme-terms.yaml") throws {
        try Data(yaml.utf8).write(to: labels.appendingPathComponent(name))
    }

    func load() throws -> [GoldLabelledDocument] {
        try GoldLabels.load(labels: labels, data: data, provisions: Self.provisions)
    }

    static let provisions = ["secondary_use_restriction", "governing_law", "escrow"]

    func labelFile(
        sha: String? = nil,
        extra: String = "",
        escrow: String = "escrow: { present: false }",
        trainingQuote: String = "will not use your prompts to train"
    ) -> String {
        """
        schema: fineprint.labels/1
        document: Acme/Terms.md
        sha256: \(sha ?? self.sha)
        split: dev
        annotated: { by: test, date: "2026-11-22" }
        provisions:
          secondary_use_restriction:
            present: true
            strength: strong
            evidence: ["\(trainingQuote)"]
          governing_law:
            present: true
            evidence:
              - "governed by the   LAW of Ruritania"
          \(escrow)
          \(extra)
        """
    }
}

private func problems(_ body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let error as GoldLabels.LoadError {
        return error.problems
    } catch {
        return ["unexpected: \(error)"]
    }
}

@Suite struct GoldLabelLoaderTests {
    @Test func validFileLoadsWithSplitAndClauses() throws {
        let s = try Scratch()
        try s.write(s.labelFile())
        let loaded = try s.load()
        #expect(loaded.count == 1)
        let doc = try #require(loaded.first)
        #expect(doc.split == .dev)
        #expect(doc.document.name == "Acme/Terms.md")
        #expect(doc.document.isPresent("secondary_use_restriction"))
        #expect(doc.document.isPresent("governing_law"))
        #expect(!doc.document.isPresent("escrow"))
        // Absent is an explicit, empty label, not a missing key.
        #expect(doc.document.clauses["escrow"] == [])
        #expect(DataSplit.validation.filter(loaded).isEmpty)
        #expect(DataSplit.all.filter(loaded).count == 1)
    }

    @Test func missingProvisionIsRejected() throws {
        let s = try Scratch()
        try s.write(s.labelFile(escrow: ""))
        let found = problems { _ = try s.load() }
        #expect(found.count == 1)
        #expect(found.first?.contains("'escrow' is not labelled") == true)
    }

    @Test func unknownProvisionIsRejected() throws {
        let s = try Scratch()
        try s.write(s.labelFile(extra: "data_sovereignty_magic: { present: false }"))
        let found = problems { _ = try s.load() }
        #expect(found.count == 1)
        #expect(found.first?.contains("'data_sovereignty_magic' is not a provision") == true)
    }

    @Test func unlocatableQuoteIsRejected() throws {
        let s = try Scratch()
        try s.write(s.labelFile(trainingQuote: "will never train on anything"))
        let found = problems { _ = try s.load() }
        #expect(found.count == 1)
        #expect(found.first?.contains("quote not found") == true)
    }

    @Test func changedDocumentIsReported() throws {
        let s = try Scratch()
        try s.write(s.labelFile(sha: String(repeating: "0", count: 64)))
        let found = problems { _ = try s.load() }
        #expect(found.count == 1)
        #expect(found.first?.contains("has changed since it was annotated") == true)
    }

    @Test func presentWithoutEvidenceAndAbsentWithEvidenceAreRejected() throws {
        let s = try Scratch()
        try s.write(s.labelFile(escrow: "escrow: { present: true }"))
        #expect(problems { _ = try s.load() }.first?.contains("escrow is present but has no evidence") == true)
        try s.write(s.labelFile(escrow: "escrow: { present: false, evidence: [\"law of Ruritania\"] }"))
        #expect(problems { _ = try s.load() }.first?.contains("escrow is absent but has evidence") == true)
    }

    @Test func shortQuoteAndBadSplitAreRejected() throws {
        let s = try Scratch()
        let yaml = s.labelFile(trainingQuote: "our").replacingOccurrences(of: "split: dev", with: "split: all")
        try s.write(yaml)
        let found = problems { _ = try s.load() }
        #expect(found.contains { $0.contains("split must be dev or validation") })
        #expect(found.contains { $0.contains("quote too short") })
    }

    @Test func twoFilesForOneDocumentAreRejected() throws {
        let s = try Scratch()
        try s.write(s.labelFile(), as: "a.yaml")
        try s.write(s.labelFile(), as: "b.yaml")
        #expect(problems { _ = try s.load() }.contains { $0.contains("labels 'Acme/Terms.md' again") })
    }
}

/// The project's real label files, checked against ../shared/data/vendor-terms when it is there.
@Suite struct VendorTermsLabelTests {
    static let root = RepositoryPaths.root
    static let data = RepositoryPaths.sharedData("vendor-terms")
    static let labels = RepositoryPaths.vendorTermsLabels
    static var dataPresent: Bool { FileManager.default.fileExists(atPath: data.path) }

    @Test(.enabled(if: dataPresent, "../shared/data/vendor-terms is not on this machine"))
    func everyLabelFileCoversAllProvisionsAndLocatesEveryQuote() throws {
        let corpus = try CorpusLoader.load(from: Self.root.appendingPathComponent("corpus"))
        let ids = corpus.taxonomy.provisions.map(\.id)
        #expect(ids.count == 40)
        // load() throws, listing every problem, if a file misses a provision, names an unknown one,
        // has a quote that is not found (or found all over), or was made against another version of its document.
        let loaded = try GoldLabels.load(labels: Self.labels, data: Self.data, provisions: ids)
        #expect(loaded.count >= 9)
        for doc in loaded {
            #expect(Set(doc.labels.provisions.keys) == Set(ids), "\(doc.document.name)")
        }
        // Both halves of the split are populated, and Mistral's near-identical twins (Le Chat and Vibe
        // print the same terms) sit on the same side, so one cannot be tuned on while the other is held out.
        let splitByName = Dictionary(loaded.map { ($0.document.name, $0.split) }, uniquingKeysWith: { a, _ in a })
        for (name, split) in splitByName where name.hasPrefix("Le Chat/") {
            let twin = "Vibe/" + name.dropFirst("Le Chat/".count)
            if let twinSplit = splitByName[twin] { #expect(twinSplit == split, "\(name) and \(twin) are split apart") }
        }
        #expect(!DataSplit.dev.filter(loaded).isEmpty)
        #expect(!DataSplit.validation.filter(loaded).isEmpty)
    }
}
