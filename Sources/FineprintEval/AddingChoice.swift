/// Which provisions the learned model may add to the rules: those where, over the documents given, letting the
/// model add the provisions the rules missed gives a higher F1 than the rules alone. Chosen on some vendors'
/// documents and applied to another's, it is the honest test of the per-provision choice (`LeaveOneVendorOut`).
struct AddingChoice {
    let provisions: Set<String>

    init(adds: [[String: Observation]], rules: [[String: Observation]], provisions all: [String]) {
        var chosen: Set<String> = []
        for id in all {
            let withModel = Metrics.scores(id, adds.compactMap { $0[id] })
            let alone = Metrics.scores(id, rules.compactMap { $0[id] })
            // Strictly better, and on documents where the provision occurs at all: no gain is shown by nothing.
            if withModel.positives > 0 && withModel.f1 > alone.f1 { chosen.insert(id) }
        }
        provisions = chosen
    }

    /// Per document, the adding observation for a chosen provision, else the rules'.
    func apply(adds: [[String: Observation]], rules: [[String: Observation]]) -> [[String: Observation]] {
        zip(adds, rules).map { a, r in
            var out = r
            for id in provisions { if let o = a[id] { out[id] = o } }
            return out
        }
    }
}
