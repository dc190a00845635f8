import FineprintCorpus
import FineprintEval
import FineprintTestSupport
import Foundation
import Testing
import Yams

/// The blind labels of the suppliers ../shared/data lacks (eval/labels/unseen-vendors). Their pages live outside
/// the repository, so this checks the files themselves: every provision labelled, and the split drawn by supplier,
/// so that no supplier's drafting is tuned on while it is held out.
@Suite struct UnseenSupplierLabelTests {
    static let folder = RepositoryPaths.root.appendingPathComponent("eval/labels/unseen-vendors")

    static func files() throws -> [GoldLabelFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        return try names.sorted().map {
            try YAMLDecoder().decode(GoldLabelFile.self, from: String(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    @Test func everyFileLabelsEveryProvision() throws {
        let ids = try CorpusLoader.load(from: RepositoryPaths.root.appendingPathComponent("corpus"))
            .taxonomy.provisions.map(\.id)
        let files = try Self.files()
        #expect(files.count >= 26)
        for file in files {
            #expect(Set(file.provisions.keys) == Set(ids), "\(file.document)")
            for (id, label) in file.provisions where label.present {
                #expect(!(label.evidence ?? []).isEmpty, "\(file.document): \(id) is present without a quote")
            }
        }
    }

    @Test func theSplitIsDrawnBySupplier() throws {
        var sides: [String: Set<String>] = [:]
        for file in try Self.files() {
            let supplier = String(file.document.split(separator: "/").first ?? "")
            sides[supplier, default: []].insert(file.split)
            // Dev sets are even (6, 8), held-out sets odd (7, 9): docs/labels-format.md.
            let set = try #require(file.annotated.set)
            #expect((set % 2 == 0) == (file.split == "dev"), "\(file.document) is in set \(set) but \(file.split)")
        }
        for (supplier, splits) in sides { #expect(splits.count == 1, "\(supplier) is on both sides of the split") }
        #expect(Set(sides.values.flatMap { $0 }) == ["dev", "validation"])
    }
}
