/// How the facts recorded for one control of one component add up to a verdict.
extension Register {
    /// An attestation or test speaks for the running system, so the latest of those decides; without
    /// one, the contracts decide (any contract that gives the control at adequate strength or better
    /// passes); with no fact at all the control is unknown.
    public func verdict(component: String, control: Control) -> Verdict {
        let known = facts(component: component, control: control)
        if let observed = known.filter({ $0.source != .contract }).max(by: { $0.recordedAt < $1.recordedAt }) {
            return observed.status == .holds ? .pass : .fail
        }
        guard !known.isEmpty else { return .unknown }
        return known.contains { $0.status == .holds } ? .pass : .fail
    }
}
