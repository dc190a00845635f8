import FineprintCore

extension TermClassifier {
    /// How many words may stand between an actor and its verb, and between a verb and the preposition before its
    /// actor ("data submitted into the Services by Customer").
    static let makerReach = 4

    /// The class whose maker the definition names (`MadeBy`): "Content that a Member posts, uploads …" is the buyer's
    /// data, "any outputs generated for Customer by the Services" the service's output. A definition read from the
    /// words before a parenthetical is read from its end, nearest the name first.
    func classByMaker(_ body: [String], nearestLast: Bool) -> String? {
        let positions = nearestLast ? Array(body.indices.reversed()) : Array(body.indices)
        for v in positions {
            for maker in words.makers where maker.verbs.contains(body[v]) {
                if actorBefore(v, in: body, maker) || actorAfter(v, in: body, maker) { return maker.className }
            }
        }
        return nil
    }

    /// "a Member posts", "Content you upload": an actor shortly before the verb.
    private func actorBefore(_ v: Int, in body: [String], _ maker: ReadingWords.Maker) -> Bool {
        body[max(0, v - Self.makerReach)..<v].contains { isActor($0, maker) }
    }

    /// "submitted … by Customer": an agent preposition shortly after the verb, an actor within two words after it.
    private func actorAfter(_ v: Int, in body: [String], _ maker: ReadingWords.Maker) -> Bool {
        let reach = min(body.count, v + 1 + Self.makerReach)
        guard let b = (v + 1..<reach).first(where: { words.agentPrepositions.contains(body[$0]) }) else {
            return false
        }
        return body[(b + 1)..<min(body.count, b + 3)].contains { isActor($0, maker) }
    }

    private func isActor(_ word: String, _ maker: ReadingWords.Maker) -> Bool {
        maker.actors.contains(word) || (maker.party != nil && side(of: word) == maker.party)
    }
}
