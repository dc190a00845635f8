/// The one wording of a finding's state, used by every renderer (CLI text, Markdown, HTML, compare, diff, watch,
/// web), so that a state reads the same wherever it is shown.
public enum StateWording {
    /// "present" or "absent".
    public static func status(_ status: ProvisionStatus) -> String { status.rawValue }

    /// A provision's state in one cell: a hazard "PRESENT (hazard)" or "absent"; a protection its strength
    /// ("strong", "weak"; "present" when unrated) with its value after " · ", or "absent".
    public static func provision(
        _ status: ProvisionStatus,
        strength: Strength?,
        value: String?,
        hazard: Bool = false
    ) -> String {
        guard status == .present else { return absent }
        if hazard { return "PRESENT (hazard)" }
        return [strength?.rawValue ?? "present", value].compactMap { $0 }.joined(separator: " · ")
    }

    /// Whether a kill-list move is in a document: "found" or "absent".
    public static func move(found: Bool) -> String { found ? "found" : absent }

    public static let absent = "absent"
}
