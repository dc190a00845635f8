import FineprintCore

/// The clause-level changes of a diff, from the aligned pairs of the two versions' clauses.
struct ClauseChanges {
    let old: [ClauseUnit]
    let new: [ClauseUnit]
    let oldScalars: [Unicode.Scalar]
    let newScalars: [Unicode.Scalar]

    func changes(_ pairs: [Aligner.Pair]) -> [ClauseChange] {
        var clauses: [ClauseChange] = []
        clauses.reserveCapacity(pairs.count)
        for p in pairs {
            switch (p.old, p.new) {
            case let (i?, j?):
                clauses.append(paired(old[i], new[j], moved: p.moved, similarity: p.similarity))
            case let (i?, nil):
                clauses.append(unpaired(.removed, old[i], scalars: oldScalars, isOld: true))
            case let (nil, j?):
                clauses.append(unpaired(.added, new[j], scalars: newScalars, isOld: false))
            default: break
            }
        }
        return clauses
    }

    private func ref(_ u: ClauseUnit) -> ClauseRef {
        ClauseRef(kind: u.kind, number: u.number, start: u.span.start, end: u.span.end, section: u.section)
    }

    /// A clause in both versions: unchanged, cosmetic only, or modified with its word-level diff.
    private func paired(_ x: ClauseUnit, _ y: ClauseUnit, moved: Bool, similarity: Double) -> ClauseChange {
        let renumbered = (x.number ?? "") != (y.number ?? "")
        var change = ClauseChange(
            status: .unchanged,
            moved: moved,
            renumbered: renumbered,
            cosmetic: [],
            old: ref(x),
            new: ref(y),
            similarity: similarity,
            text: WordDiff.text(newScalars, y.span.start, y.span.end),
            segments: nil
        )
        // Keys are the texts with every cosmetic kind normalised away: when they differ, so does the meaning.
        if x.key == y.key, let kinds = Cosmetic.kinds(oldScalars, x.body, newScalars, y.body) {
            var all = kinds
            if renumbered { all.insert(.numbering, at: 0) }
            change.cosmetic = Array(Set(all)).sorted()
            change.status = all.isEmpty ? .unchanged : .cosmetic
        } else {
            change.status = .modified
            change.segments = WordDiff.diff(oldScalars, x.body, newScalars, y.body)
            if renumbered { change.cosmetic = [.numbering] }
        }
        return change
    }

    /// A clause only one version has.
    private func unpaired(
        _ status: ClauseChange.Status,
        _ u: ClauseUnit,
        scalars: [Unicode.Scalar],
        isOld: Bool
    ) -> ClauseChange {
        ClauseChange(
            status: status,
            moved: false,
            renumbered: false,
            cosmetic: [],
            old: isOld ? ref(u) : nil,
            new: isOld ? nil : ref(u),
            similarity: nil,
            text: WordDiff.text(scalars, u.span.start, u.span.end),
            segments: nil
        )
    }
}
