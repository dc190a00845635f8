import FineprintCore

extension CompareModel {
    /// The page with a reviewer's marker on each cell a person changed (`marks` in column order) and
    /// the legend when there is one.
    func marked(_ marks: [ReviewMarks?]) -> CompareModel {
        guard marks.contains(where: { $0?.hasChanges == true }) else { return self }
        var model = self
        model.reviewLegend = ReviewMarks.legend
        model.sections = sections.map { section in
            var section = section
            section.rows = section.rows.map { row in
                var row = row
                for i in row.cells.indices where i < marks.count && marks[i]?.changed(row.id) == true {
                    row.cells[i].label += " " + ReviewMarks.marker
                }
                return row
            }
            return section
        }
        return model
    }
}

extension WebWorkbench {
    /// What people changed in each stored analysis (nil where nobody changed anything), in order.
    func reviewMarks(_ ids: [String], scope: MatterScope) async throws -> [ReviewMarks?] {
        var out: [ReviewMarks?] = []
        for id in ids {
            let stored = try await scope.analysis(id)
            let playbook = playbook(madeWith: stored)
            out.append(reviewed(stored.analysis, review: try await review(of: stored), playbook: playbook).marks)
        }
        return out
    }
}
