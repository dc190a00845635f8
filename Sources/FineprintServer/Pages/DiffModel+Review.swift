import FineprintCore

extension DiffModel {
    /// The page with a reviewer's marker on each state a person changed: the old version's marks
    /// on the "before" cells, the new version's on the "after" cells, and the legend when there is one.
    func marked(old: ReviewMarks?, new: ReviewMarks?) -> DiffModel {
        guard old?.hasChanges == true || new?.hasChanges == true else { return self }
        var model = self
        model.reviewLegend = ReviewMarks.legend
        model.rights = rights.map { row in
            var row = row
            if old?.changed(row.provision) == true { row.before += " " + ReviewMarks.marker }
            if new?.changed(row.provision) == true { row.after += " " + ReviewMarks.marker }
            return row
        }
        return model
    }
}
