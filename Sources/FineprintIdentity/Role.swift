/// What a user may do. Each role includes the ones below it: a reader reads analyses and the
/// knowledge base, an analyst also uploads, analyses, re-scores and compares, an admin also
/// manages users and tokens.
public enum Role: String, CaseIterable, Codable, Comparable, Sendable {
    case reader
    case analyst
    case admin

    /// The rank that orders roles (reader < analyst < admin).
    private var rank: Int {
        switch self {
        case .reader: return 0
        case .analyst: return 1
        case .admin: return 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Whether this role may do what `required` allows.
    public func allows(_ required: Role) -> Bool { self >= required }
}
