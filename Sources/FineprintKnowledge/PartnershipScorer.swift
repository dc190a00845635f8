import Crypto
import FineprintAnalysis
import FineprintCore
import FineprintText
import Foundation

/// Scores a partnership on what its public terms show, by running its excerpts through the analyzer.
public struct PartnershipScorer: Sendable {
    let analyzer: Analyzer
    let corpus: Corpus
    let knowledge: KnowledgeBase
    let playbook: Playbook

    public init(analyzer: Analyzer, corpus: Corpus, knowledge: KnowledgeBase, playbook: Playbook) {
        self.analyzer = analyzer
        self.corpus = corpus
        self.knowledge = knowledge
        self.playbook = playbook
    }

    public func scorecard(for partnership: Partnership) -> PartnershipScorecard {
        let excerpts = partnership.publicTermsExcerpts
        let (document, spans) = Self.document(of: partnership)
        let analysis = excerpts.isEmpty ? nil : analyzer.analyze(document, playbook: playbook)
        let moveNames = Dictionary(corpus.moves.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let visibleMoves = (analysis?.killListMoves ?? []).compactMap {
            sighting(
                id: $0.id,
                name: moveNames[$0.id] ?? $0.id,
                confidence: $0.confidence,
                strength: nil,
                evidence: $0.evidence,
                of: partnership,
                spans: spans
            )
        }
        let provisions = provisionSightings(analysis, of: partnership, spans: spans)
        return PartnershipScorecard(
            partnership: partnership.id,
            excerptsRead: excerpts.count,
            visibleMoves: visibleMoves,
            evidentProtections: provisions.protections,
            evidentHazards: provisions.hazards,
            unknownMoves: unknownMoves(of: partnership, visible: Set(visibleMoves.map(\.id))),
            unknownProtections: provisions.unknownProtections
        )
    }

    /// The provisions the excerpts show present, protections and hazards apart, and the protections they
    /// do not show.
    private func provisionSightings(
        _ analysis: Analysis?,
        of partnership: Partnership,
        spans: [TextSpan]
    ) -> (
        protections: [PartnershipScorecard.Sighting], hazards: [PartnershipScorecard.Sighting],
        unknownProtections: [String]
    ) {
        var protections: [PartnershipScorecard.Sighting] = []
        var hazards: [PartnershipScorecard.Sighting] = []
        var unknownProtections: [String] = []
        for provision in corpus.taxonomy.provisions {
            let finding = analysis?.finding(provision.id)
            let present = finding?.status == .present
            if present, let finding,
                let seen = sighting(
                    id: provision.id,
                    name: provision.name,
                    confidence: finding.confidence,
                    strength: finding.strength,
                    evidence: finding.evidence,
                    of: partnership,
                    spans: spans
                )
            {
                if provision.polarity == .hazard { hazards.append(seen) } else { protections.append(seen) }
            } else if provision.polarity == .protection {
                unknownProtections.append(provision.id)
            }
        }
        return (protections, hazards, unknownProtections)
    }

    /// Moves the partnership's patterns warn about, in pattern order, that the excerpts do not show.
    private func unknownMoves(of partnership: Partnership, visible: Set<String>) -> [String] {
        var unknownMoves: [String] = []
        for patternId in partnership.allPatterns {
            for move in knowledge.pattern(patternId)?.killListMoves ?? []
            where !visible.contains(move.id) && !unknownMoves.contains(move.id) {
                unknownMoves.append(move.id)
            }
        }
        return unknownMoves
    }

    /// A finding as seen in the excerpts, naming the excerpt its first evidence came from; nil when the
    /// evidence lies in none.
    private func sighting(
        id: String,
        name: String,
        confidence: Double,
        strength: Strength?,
        evidence: [Evidence],
        of partnership: Partnership,
        spans: [TextSpan]
    ) -> PartnershipScorecard.Sighting? {
        guard let first = evidence.first,
            let index = spans.firstIndex(where: { $0.start <= first.start && first.start < $0.end })
        else { return nil }
        let source = partnership.publicTermsExcerpts[index].source
        return .init(
            id: id,
            name: name,
            confidence: confidence,
            strength: strength,
            quote: first.quote,
            source: source,
            url: knowledge.source(source)?.url
        )
    }

    public func scorecards() -> [PartnershipScorecard] {
        knowledge.partnerships.map(scorecard(for:))
    }

    /// The excerpts as one document, a paragraph each, with the span each occupies.
    static func document(of partnership: Partnership) -> (ExtractedDocument, [TextSpan]) {
        var text = ""
        var offset = 0
        var spans: [TextSpan] = []
        var blocks: [TextBlock] = []
        for excerpt in partnership.publicTermsExcerpts {
            if !text.isEmpty {
                text += "\n\n"
                offset += 2
            }
            let length = excerpt.excerpt.unicodeScalars.count
            let span = TextSpan(start: offset, end: offset + length)
            spans.append(span)
            blocks.append(TextBlock(kind: .paragraph, span: span))
            text += excerpt.excerpt
            offset += length
        }
        let sha = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let document = ExtractedDocument(
            name: "\(partnership.id) (public terms excerpts)",
            format: .txt,
            sha256: sha,
            text: text,
            blocks: blocks,
            sentences: SentenceSegmenter.sentences(in: text, blocks: blocks)
        )
        return (document, spans)
    }
}
