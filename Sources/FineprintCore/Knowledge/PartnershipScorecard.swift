/// What a partnership's public terms show, read by the analyzer: the traps visible in them, the protections
/// evident in them, and what the public record leaves unknown. Built only from the partnership's excerpts,
/// so "unknown" is the honest default.
public struct PartnershipScorecard: Hashable, Codable, Sendable {
    /// A finding tied back to the excerpt (and so the source) that shows it.
    public struct Sighting: Hashable, Codable, Sendable {
        /// A kill-list move id or a taxonomy provision id.
        public var id: String
        public var name: String
        public var confidence: Double
        public var strength: Strength?
        public var quote: String
        /// Source id and address of the excerpt the quote comes from.
        public var source: String
        public var url: String?

        public init(
            id: String,
            name: String,
            confidence: Double,
            strength: Strength?,
            quote: String,
            source: String,
            url: String?
        ) {
            self.id = id
            self.name = name
            self.confidence = confidence
            self.strength = strength
            self.quote = quote
            self.source = source
            self.url = url
        }
    }

    public var partnership: String
    public var excerptsRead: Int
    /// Kill-list moves the public terms show.
    public var visibleMoves: [Sighting]
    /// Protective provisions the public terms show.
    public var evidentProtections: [Sighting]
    /// Hazard provisions (terms that work against the buyer) the public terms show.
    public var evidentHazards: [Sighting]
    /// Kill-list moves the partnership's patterns warn about that the public terms neither show nor rule out.
    public var unknownMoves: [String]
    /// Protective provisions the public terms do not speak to.
    public var unknownProtections: [String]

    public init(
        partnership: String,
        excerptsRead: Int,
        visibleMoves: [Sighting],
        evidentProtections: [Sighting],
        evidentHazards: [Sighting],
        unknownMoves: [String],
        unknownProtections: [String]
    ) {
        self.partnership = partnership
        self.excerptsRead = excerptsRead
        self.visibleMoves = visibleMoves
        self.evidentProtections = evidentProtections
        self.evidentHazards = evidentHazards
        self.unknownMoves = unknownMoves
        self.unknownProtections = unknownProtections
    }

    enum CodingKeys: String, CodingKey {
        case partnership
        case excerptsRead = "excerpts_read"
        case visibleMoves = "visible_moves"
        case evidentProtections = "evident_protections"
        case evidentHazards = "evident_hazards"
        case unknownMoves = "unknown_moves"
        case unknownProtections = "unknown_protections"
    }
}
