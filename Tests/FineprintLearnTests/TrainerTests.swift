import FineprintCore
import FineprintText
import Foundation
import Testing

@testable import FineprintLearn

/// The trainer on a task written here: sentences about escrow of source code are the clause, the rest
/// is ordinary contract filler. Separable by its words, so the model must get it right.
@Suite struct TrainerTests {
    static let positives = [
        "The supplier shall deposit the source code with an escrow agent.",
        "Source code for the platform is held in escrow and released on insolvency.",
        "An escrow agent keeps a current copy of the source code.",
        "The escrow deposit of source code is updated with every release.",
    ]
    static let negatives = [
        "Invoices are payable within thirty days of receipt.",
        "Each party keeps its confidential information secret.",
        "This agreement is governed by the laws of the state named above.",
        "Notices are sent to the addresses listed in the order form.",
        "The customer may use the service for its internal business.",
        "Fees are stated in the order form and exclude taxes.",
    ]

    static func document(_ index: Int, withClause: Bool) -> (TrainingDocument, [String]) {
        var sentences = Array(negatives.rotated(by: index))
        if withClause { sentences.insert(positives[index % positives.count], at: index % 3) }
        var segments: [LearningDocument.Segment] = []
        var clauses: [TextSpan] = []
        var names: [UInt64: String] = [:]
        var offset = 0
        for sentence in sentences {
            let tokens = Tokenizer.tokens(in: sentence)
            let span = TextSpan(start: offset, end: offset + sentence.unicodeScalars.count)
            segments.append(
                .init(span: span, features: SegmentFeatures.hashes(tokens: tokens, range: tokens.indices, heading: nil))
            )
            for (h, n) in SegmentFeatures.names(tokens: tokens, range: tokens.indices, heading: nil) { names[h] = n }
            if positives.contains(sentence) { clauses.append(span) }
            offset = span.end + 1
        }
        let doc = LearningDocument(
            name: "doc\(index)",
            segments: segments,
            rules: ["escrow": RuleSignal(confidence: 0.01, support: [:])]
        )
        return (
            TrainingDocument(
                document: doc,
                labels: ["escrow": ProvisionLabels(present: withClause, clauses: clauses)],
                names: names
            ), sentences
        )
    }

    /// Web-terms wording, for the domain gate: unlike the contract filler of `negatives`.
    static let webTerms = [
        "You can cancel your plan at any time from your account settings page.",
        "We may update these terms and will let you know by email.",
        "Your prompts and our outputs are described in our privacy policy.",
        "If you have questions, contact our support team through the help centre.",
    ]

    static func webDocument(_ index: Int) -> LearningDocument {
        var offset = 0
        let segments = webTerms.rotated(by: index).map { sentence in
            let tokens = Tokenizer.tokens(in: sentence)
            defer { offset += sentence.unicodeScalars.count + 1 }
            return LearningDocument.Segment(
                span: TextSpan(start: offset, end: offset + sentence.unicodeScalars.count),
                features: SegmentFeatures.hashes(tokens: tokens, range: tokens.indices, heading: nil)
            )
        }
        return LearningDocument(name: "web\(index)", segments: segments, rules: [:])
    }

    @Test func theDomainGateSeparatesContractsFromWebTerms() throws {
        // The web documents share no words with the contracts in the vocabulary except what both use;
        // the gate must still tell them apart, on fresh documents, through the shipped path.
        var docs = (0..<40).map { Self.document($0, withClause: $0 % 2 == 0).0 }
        // The vocabulary comes from the training contracts, so some contracts carry the web wording too.
        for i in 0..<3 {
            docs[i].document.segments += Self.webDocument(i).segments
            docs[i].names.merge(Self.names(Self.webTerms)) { a, _ in a }
        }
        var settings = ModelTrainer.Settings()
        settings.minimumCount = 2
        let (model, report) = ModelTrainer.train(
            docs,
            provisions: ["escrow"],
            trainedOn: "synthetic",
            outOfDomain: (0..<12).map(Self.webDocument),
            outOfDomainSource: "web",
            settings: settings
        )
        let gate = try #require(report.domain)
        #expect(gate.inDomain == 40 && gate.outOfDomain == 12)
        #expect(gate.outOfDomainMissed <= 1)
        #expect(gate.inDomainFlagged == 0)
        let reread = try LearnedModel.decode(try model.encoded())
        #expect(reread == model)
        #expect(reread.domain?.trainedOn == "web")
        let classifier = SegmentClassifier(model: reread)
        #expect(classifier.documentScores(Self.webDocument(50).segments.map(\.features)).outOfDomain)
        #expect(
            !classifier.documentScores(Self.document(51, withClause: false).0.document.segments.map(\.features))
                .outOfDomain
        )
        // Without out-of-domain documents there is no gate, and nothing is ever out of domain.
        let (ungated, plain) = ModelTrainer.train(
            docs,
            provisions: ["escrow"],
            trainedOn: "synthetic",
            settings: settings
        )
        #expect(ungated.domain == nil && plain.domain == nil)
        #expect(
            !SegmentClassifier(model: ungated).documentScores(Self.webDocument(50).segments.map(\.features)).outOfDomain
        )
    }

    static func names(_ sentences: [String]) -> [UInt64: String] {
        var names: [UInt64: String] = [:]
        for sentence in sentences {
            let tokens = Tokenizer.tokens(in: sentence)
            for (h, n) in SegmentFeatures.names(tokens: tokens, range: tokens.indices, heading: nil) { names[h] = n }
        }
        return names
    }

    @Test func learnsASeparableTask() throws {
        let docs = (0..<40).map { Self.document($0, withClause: $0 % 2 == 0).0 }
        var settings = ModelTrainer.Settings()
        settings.minimumCount = 2
        let (model, report) = ModelTrainer.train(
            docs,
            provisions: ["escrow"],
            trainedOn: "synthetic",
            settings: settings
        )
        #expect(report.provisions[0].f1 > 0.95)
        #expect(report.provisions[0].evidencePrecision > 0.9)
        #expect(report.provisions[0].evidenceRecall > 0.9)
        #expect(report.perfectDocumentEvidence.precision > 0.9 && report.perfectDocumentEvidence.recall > 0.9)

        // Fresh documents, scored through the shipped path: the classifier built from the model.
        let classifier = SegmentClassifier(model: model)
        for i in 100..<110 {
            let (doc, sentences) = Self.document(i, withClause: i % 2 == 0)
            let features = doc.document.segments.map(\.features)
            let logits = classifier.logits(features)
            let decision = model.categories[0].decide(
                rule: RuleSignal(confidence: 0.01, support: [:]),
                logits: logits[0],
                documentLogit: classifier.documentLogits(features)[0]
            )
            #expect(decision.present == (i % 2 == 0), "document \(i)")
            if decision.present {
                #expect(!decision.evidence.isEmpty)
                for e in decision.evidence {
                    #expect(Self.positives.contains(sentences[e.segment]))
                    #expect(!e.fromRules)
                }
            }
        }
    }

    @Test func trainingIsDeterministicAndTheModelRoundTrips() throws {
        let docs = (0..<20).map { Self.document($0, withClause: $0 % 3 == 0).0 }
        var settings = ModelTrainer.Settings()
        settings.minimumCount = 1
        let first = ModelTrainer.train(docs, provisions: ["escrow"], trainedOn: "synthetic", settings: settings).0
        let second = ModelTrainer.train(docs, provisions: ["escrow"], trainedOn: "synthetic", settings: settings).0
        #expect(try first.encoded() == second.encoded())
        let decoded = try LearnedModel.decode(try first.encoded())
        #expect(decoded == first)
        #expect(!first.features.isEmpty)
        #expect(first.categories[0].weights.allSatisfy { $0[1] != 0 })
    }

    @Test func featureNamesHashLikeTheFeatures() {
        let text = "12. Source Code Escrow. The supplier's code: 30 days"
        let tokens = Tokenizer.tokens(in: text)
        let heading = 0..<4
        let hashes = SegmentFeatures.hashes(tokens: tokens, range: 4..<tokens.count, heading: heading)
        let named = SegmentFeatures.names(tokens: tokens, range: 4..<tokens.count, heading: heading)
        #expect(Set(named.map(\.hash)) == Set(hashes))
        for (h, name) in named { #expect(SegmentFeatures.hash(name) == h) }
        #expect(named.contains { $0.name == "h:escrow" })
        #expect(named.contains { $0.name == "# days" })
    }

    @Test func numbersKeepTheirMagnitude() {
        let tokens = Tokenizer.tokens(in: "purchase not less than $100,000.50 within 30 days")
        let names = Set(SegmentFeatures.names(tokens: tokens, range: tokens.indices, heading: nil).map(\.name))
        #expect(names.contains("#6"))
        #expect(names.contains("#2"))
        #expect(names.contains("than #"))
        #expect(!names.contains("#3"))
    }

    @Test func neighbourWordsArePrefixedAndHashLikeTheirNames() {
        let text = "The following shall survive. Licences granted to end users continue. Fees are due."
        let tokens = Tokenizer.tokens(in: text)
        // Sentences by hand: 0..<4, 4..<10, 10..<13.
        let neighbours = SegmentFeatures.Neighbours(previous: 0..<4, next: 10..<13)
        let named = SegmentFeatures.names(tokens: tokens, range: 4..<10, heading: nil, neighbours: neighbours)
        let hashes = SegmentFeatures.hashes(tokens: tokens, range: 4..<10, heading: nil, neighbours: neighbours)
        #expect(Set(named.map(\.hash)) == Set(hashes))
        for (h, name) in named { #expect(SegmentFeatures.hash(name) == h) }
        let names = Set(named.map(\.name))
        #expect(names.contains("p:survive"))
        #expect(names.contains("n:fees"))
        #expect(names.contains("licences granted"))
        #expect(!names.contains("survive"))
        #expect(!names.contains("p:licences"))
    }

    @Test func rejectsAFileOfAnotherFormat() {
        #expect(throws: LearnedModel.FormatError.self) {
            try LearnedModel.decode(
                Data("{\"format\":\"other/1\",\"trainedOn\":\"\",\"features\":[],\"categories\":[]}".utf8)
            )
        }
        #expect(throws: LearnedModel.FormatError.self) { try LearnedModel.decode(Data("not json".utf8)) }
    }
}

extension Array {
    func rotated(by k: Int) -> [Element] {
        guard !isEmpty else { return self }
        let s = k % count
        return Array(self[s...] + self[..<s])
    }
}
