import FineprintCore
import FineprintText
import Foundation
import Testing

@testable import FineprintLearn

/// The shared hidden layer on a task a linear model cannot learn: a sentence is the clause when it names
/// exactly one of two words ("waiver" or "indemnity", never both), with filler between them so that no
/// bigram joins them. A linear model over the words cannot tell "both" from "one"; the layer can.
@Suite struct HiddenLayerTests {
    static let filler = [
        "the", "party", "shall", "notice", "agreement", "term", "fees", "order", "service", "period",
        "customer", "supplier", "written", "days", "section", "rights",
    ]

    /// Sentence `i`: four filler words around the two slots; `kind` 0 none, 1 first word, 2 second, 3 both.
    static func sentence(_ i: Int, kind: Int) -> String {
        var rng = SplitMix64(seed: UInt64(i) &* 7919 &+ 11)
        func word() -> String { filler[Int(rng.next() % UInt64(filler.count))] }
        var words = [word(), word()]
        if kind & 1 != 0 { words.append("waiver") }
        words += [word(), word()]
        if kind & 2 != 0 { words.append("indemnity") }
        words.append(word())
        return words.joined(separator: " ")
    }

    static func features(_ text: String) -> [(hash: UInt64, name: String)] {
        let tokens = Tokenizer.tokens(in: text)
        return SegmentFeatures.names(tokens: tokens, range: tokens.indices, heading: nil)
    }

    /// Examples over a vocabulary built from them; positives are kinds 1 and 2.
    static func examples(
        _ range: Range<Int>,
        vocabulary: inout [UInt64: Int32],
        names: inout [String],
        grow: Bool
    ) -> (SegmentTrainer.Examples, [Bool]) {
        var ex = SegmentTrainer.Examples()
        var gold: [Bool] = []
        for i in range {
            let kind = i % 4
            let named = features(sentence(i, kind: kind))
            let unique = Dictionary(named.map { ($0.hash, $0.name) }, uniquingKeysWith: { a, _ in a })
            if grow {
                for (h, n) in unique.sorted(by: { $0.value < $1.value }) where vocabulary[h] == nil {
                    vocabulary[h] = Int32(names.count)
                    names.append(n)
                }
            }
            let known = unique.keys.sorted().compactMap { vocabulary[$0] }
            ex.append(known, labels: kind == 1 || kind == 2 ? 1 : 0, scale: 1 / Float(unique.count).squareRoot())
            gold.append(kind == 1 || kind == 2)
        }
        return (ex, gold)
    }

    static func accuracy(
        _ logits: (ArraySlice<Int32>, Float) -> [Float],
        _ ex: SegmentTrainer.Examples,
        _ gold: [Bool]
    ) -> Double {
        var right = 0
        for e in 0..<ex.count where (logits(ex.features[ex.range(e)], ex.scale[e])[0] >= 0) == gold[e] { right += 1 }
        return Double(right) / Double(ex.count)
    }

    @Test func learnsAConjunctionALinearModelCannot() {
        var vocabulary: [UInt64: Int32] = [:]
        var names: [String] = []
        let (train, _) = Self.examples(0..<2000, vocabulary: &vocabulary, names: &names, grow: true)
        let (test, gold) = Self.examples(5000..<5800, vocabulary: &vocabulary, names: &names, grow: false)
        var linearSettings = SegmentTrainer.Settings()
        linearSettings.epochs = 10
        linearSettings.maxPositiveWeight = 1
        let linear = SegmentTrainer.train(train, categories: 1, features: names.count, settings: linearSettings)
        var settings = HiddenLayerTrainer.Settings()
        settings.units = 8
        settings.epochs = 10
        // From a small start, exclusive-or sits on a plateau before the units split; at the shipped 0.3 it
        // takes about 50 epochs to leave it, at 1.0 ten.
        settings.hiddenLearningRate = 1
        settings.maxPositiveWeight = 1
        var layered = HiddenLayerTrainer.train(train, categories: 1, features: names.count, settings: settings)
        let linearAccuracy = Self.accuracy({ linear.logits($0, scale: $1) }, test, gold)
        #expect(linearAccuracy < 0.85, "a linear model should not solve exclusive-or: \(linearAccuracy)")
        #expect(Self.accuracy({ layered.logits($0, scale: $1) }, test, gold) > 0.95)

        // Compressed as the file holds it, it still solves the task, and the table built from the file
        // gives the trainer's own logits.
        let (rows, bytes, steps) = layered.hidden.compress(keep: names.count)
        #expect(Self.accuracy({ layered.logits($0, scale: $1) }, test, gold) > 0.95)
        let file = layered.hidden.fileLayer(rows: rows, bytes: bytes, steps: steps)
        #expect(file.problem(features: names.count, categories: 1) == nil)
        let table = HiddenLayerTable(file, features: names)
        for i in 5000..<5040 {
            let hashes = Self.features(Self.sentence(i, kind: i % 4)).map(\.hash).sortedUnique()
            let known = hashes.compactMap { vocabulary[$0] }
            var fromFile: [Float] = [0]
            table.add(hashes, to: &fromFile)
            var fromTrainer: [Float] = [0]
            layered.hidden.add(known[...], scale: 1 / Float(hashes.count).squareRoot(), to: &fromTrainer)
            #expect(abs(fromFile[0] - fromTrainer[0]) < 1e-4, "sentence \(i)")
        }
    }

    @Test func averagedMembersGiveTheMeanOfTheirLogits() {
        var vocabulary: [UInt64: Int32] = [:]
        var names: [String] = []
        let (train, _) = Self.examples(0..<400, vocabulary: &vocabulary, names: &names, grow: true)
        var settings = HiddenLayerTrainer.Settings()
        settings.units = 4
        settings.epochs = 2
        let members = (0..<3).map { i in
            HiddenLayerTrainer.train(train, categories: 1, features: names.count, settings: settings.member(i))
        }
        // Different seeds give different members, or averaging would be no ensemble.
        #expect(members[0].hidden.embedding != members[1].hidden.embedding)
        let averaged = HiddenLayerTrainer.trainAveraged(
            train,
            categories: 1,
            features: names.count,
            settings: settings,
            members: 3
        )
        #expect(averaged.hidden.units == 12)
        for e in 0..<50 {
            let f = train.features[train.range(e)]
            let mean = members.reduce(0) { $0 + $1.logits(f, scale: train.scale[e])[0] } / 3
            #expect(abs(averaged.logits(f, scale: train.scale[e])[0] - mean) < 1e-4, "example \(e)")
        }
    }

    @Test func keepsOnlyTheStrongestRows() {
        var hidden = HiddenLayerTrainer.Hidden(
            units: 2,
            categories: 1,
            embedding: [0.1, 0, 3, -4, 0.5, 0.5, 0, 0],
            bias: [0.12345, 0],
            readout: [1.00049, -2]
        )
        let (rows, bytes, steps) = hidden.compress(keep: 2)
        #expect(rows == [1, 2])
        #expect(bytes.count == 4)
        #expect(hidden.embedding[0] == 0 && hidden.embedding[1] == 0)
        #expect(abs(hidden.embedding[3] + 4) < 1e-5)
        #expect(steps.count == 2)
        #expect(hidden.bias[0] == 0.123 && hidden.readout[0] == 1.0)
    }

    @Test func aDamagedLayerIsRefused() throws {
        let docs = (0..<20).map { TrainerTests.document($0, withClause: $0 % 2 == 0).0 }
        var settings = ModelTrainer.Settings()
        settings.minimumCount = 1
        settings.hiddenUnits = 4
        settings.hiddenMembers = 1
        settings.hiddenRows = 10
        let model = ModelTrainer.train(docs, provisions: ["escrow"], trainedOn: "synthetic", settings: settings).0
        let layer = try #require(model.hidden)
        #expect(layer.units == 4 && layer.rows.count <= 10)
        #expect(try LearnedModel.decode(try model.encoded()) == model)
        var damaged = model
        damaged.hidden?.embedding = String(layer.embedding.dropLast(8))
        #expect(throws: LearnedModel.FormatError.self) { try LearnedModel.decode(try damaged.encoded()) }
        damaged = model
        damaged.hidden?.rows = layer.rows.map { $0 + model.features.count }
        #expect(throws: LearnedModel.FormatError.self) { try LearnedModel.decode(try damaged.encoded()) }
        // Without units the classifiers are linear, and the file says so by leaving the layer out.
        settings.hiddenUnits = 0
        #expect(
            ModelTrainer.train(docs, provisions: ["escrow"], trainedOn: "synthetic", settings: settings).0.hidden == nil
        )
    }
}
