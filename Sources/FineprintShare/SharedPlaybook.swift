import FineprintCore
import FineprintCorpus
import Foundation

/// What a playbook's positions need beyond the playbook to be read whole by an ally: the model
/// clauses they prefer (the preferred wording), and the standards and laws they rest on.
public struct CarriedPositions: Hashable, Codable, Sendable {
    public var clauses: [ModelClause]
    public var standards: [StandardName]
    public var sources: [KnowledgeSource]

    public init(clauses: [ModelClause] = [], standards: [StandardName] = [], sources: [KnowledgeSource] = []) {
        self.clauses = clauses
        self.standards = standards
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey { case clauses, standards, sources }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clauses = try c.decodeIfPresent([ModelClause].self, forKey: .clauses) ?? []
        standards = try c.decodeIfPresent([StandardName].self, forKey: .standards) ?? []
        sources = try c.decodeIfPresent([KnowledgeSource].self, forKey: .sources) ?? []
    }
}

/// A playbook as a bundle carries it: the playbook's own JSON with every requirement's full
/// position inline, plus `carried_positions` (what those positions cite). A receiver that knows
/// nothing of the extra key still reads the playbook. Bundles made before positions travelled
/// hold the playbook alone (`carried` nil): its requirements refer to a position set by name.
public struct SharedPlaybook: Hashable, Codable, Sendable {
    public var playbook: Playbook
    public var carried: CarriedPositions?

    public init(playbook: Playbook, carried: CarriedPositions?) {
        self.playbook = playbook
        self.carried = carried
    }

    enum ExtraKeys: String, CodingKey { case carried = "carried_positions" }

    public init(from decoder: any Decoder) throws {
        playbook = try Playbook(from: decoder)
        carried = try decoder.container(keyedBy: ExtraKeys.self).decodeIfPresent(
            CarriedPositions.self,
            forKey: .carried
        )
    }

    public func encode(to encoder: any Encoder) throws {
        try playbook.encode(to: encoder)
        var c = encoder.container(keyedBy: ExtraKeys.self)
        try c.encodeIfPresent(carried, forKey: .carried)
    }

    /// Our playbook made ready to share: each requirement's position (its own, else its set's)
    /// written inline, the set's name dropped, and the clauses, standards and sources cited carried.
    public static func make(_ playbook: Playbook, corpus: Corpus) throws -> SharedPlaybook {
        var whole = playbook
        var carried = CarriedPositions()
        for index in whole.requirements.indices {
            let provision = whole.requirements[index].provision
            guard var position = corpus.position(for: provision, in: playbook) else {
                throw ShareError.badItem("playbook \(playbook.id): '\(provision)' has no negotiation position to carry")
            }
            position.provision = nil
            whole.requirements[index].position = position
            carried.add(position, from: corpus)
        }
        whole.positions = nil
        return SharedPlaybook(playbook: whole, carried: carried)
    }

    /// The requirements without a position of their own (what an old bundle leaves to a set by name).
    public var requirementsWithoutPosition: [String] {
        playbook.requirements.filter { $0.position == nil }.map(\.provision)
    }

    /// For an old bundle: what is missing, in one sentence; nil when the positions travel whole.
    public var missingPositionsNote: String? {
        let missing = requirementsWithoutPosition
        guard !missing.isEmpty else { return nil }
        let set = playbook.positions ?? PositionSet.defaultId
        return "playbook \(playbook.id) carries its negotiation positions by name only (set '\(set)'): "
            + "\(missing.count) requirement\(missing.count == 1 ? "" : "s") without a position of "
            + "\(missing.count == 1 ? "its" : "their") own (\(missing.joined(separator: ", "))); "
            + "here they take our set of that name, and no preferred wording, fallbacks or walk-away "
            + "line of the publisher's"
    }
}

extension CarriedPositions {
    mutating func add(_ position: NegotiationPosition, from corpus: Corpus) {
        if !clauses.contains(where: { $0.id == position.preferred }), let clause = corpus.clause(position.preferred) {
            clauses.append(clause)
        }
        for basis in position.restsOn {
            if let id = basis.standard, !standards.contains(where: { $0.id == id }), let found = corpus.standard(id) {
                standards.append(found)
            }
            if let id = basis.source, !sources.contains(where: { $0.id == id }), let found = corpus.source(id) {
                sources.append(found)
            }
        }
    }
}

extension SharedPlaybook {
    /// Check 11 for a playbook that carries its positions: every requirement has one, sound as the
    /// corpus validator judges ours (against the clauses, standards and sources carried with it),
    /// and a required or must-be-absent one says where we walk away. Old bundles pass (nothing to check).
    public func positionProblems() -> [String] {
        guard let carried else { return [] }
        let corpus = carried.corpus(publisher: nil, version: nil)
        var found: [String] = []
        for requirement in playbook.requirements {
            guard let position = requirement.position else {
                found.append("'\(requirement.provision)' carries no negotiation position")
                continue
            }
            found += CorpusValidator.problems(position: position, on: requirement.provision, in: corpus)
            if requirement.level != .preferred && (position.walkAway ?? "").allSatisfy(\.isWhitespace) {
                found.append(
                    "'\(requirement.provision)' is \(requirement.level.rawValue) but its position has no walk_away"
                )
            }
        }
        return found
    }
}

extension CarriedPositions {
    /// A corpus holding only what was carried (the clauses under their ids, or namespaced as
    /// `publisher:id` and titled with the publisher and version when both are given).
    func corpus(publisher: String?, version: Int?) -> Corpus {
        var corpus = Corpus(
            taxonomy: Taxonomy(dimensions: [], provisions: []),
            rules: [],
            moves: [],
            clauses: [],
            playbooks: [],
            parties: PartyLexicon(supplier: [], buyer: []),
            jurisdictions: [],
            forums: ForumLexicon(institutions: [], cities: [])
        )
        corpus.clauses = clauses.map { namespaced($0, publisher: publisher, version: version) }
        corpus.sources = sources
        corpus.positionSets = [PositionSet(id: "carried", name: "carried", standards: standards, positions: [])]
        return corpus
    }

    func namespaced(_ clause: ModelClause, publisher: String?, version: Int?) -> ModelClause {
        guard let publisher else { return clause }
        var own = clause
        own.id = "\(publisher):\(clause.id)"
        own.title = "\(clause.title) (\(publisher)\(version.map { " v\($0)" } ?? ""))"
        return own
    }

    /// `base` with what was carried added: the publisher's clauses namespaced (so its preferred
    /// wording, not ours, is asked for), its standards as a set of their own, the sources we lack.
    public func adding(to base: Corpus, publisher: String, version: Int) -> Corpus {
        let own = corpus(publisher: publisher, version: version)
        var corpus = base
        corpus.clauses += own.clauses
        corpus.sources += sources.filter { source in !base.sources.contains { $0.id == source.id } }
        corpus.positionSets.append(
            PositionSet(
                id: "\(publisher):carried",
                name: "positions of \(publisher)",
                standards: standards,
                positions: []
            )
        )
        return corpus
    }

    /// The requirements with each preferred clause the bundle carries renamed `publisher:id`.
    func namespacing(_ requirements: [Requirement], publisher: String) -> [Requirement] {
        requirements.map { requirement in
            var own = requirement
            if let preferred = own.position?.preferred, clauses.contains(where: { $0.id == preferred }) {
                own.position?.preferred = "\(publisher):\(preferred)"
            }
            return own
        }
    }
}
