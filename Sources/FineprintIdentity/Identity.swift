/// Who is making a request and with which rights, once authenticated.
///
/// The role is the one in force for this request: a token's role, or the user's own. Matters
/// (procurement cases with members) will add a membership lookup keyed by `userName`.
public struct Identity: Hashable, Sendable {
    public var userName: String
    public var role: Role
    public var method: Method

    /// How the request proved who it is.
    public enum Method: Hashable, Sendable {
        /// A browser session (state-changing requests must carry its CSRF token).
        case session(csrfToken: String)
        /// `Authorization: Bearer …` with the token of this id.
        case token(id: String)
        /// A header set by a trusted authenticating proxy.
        case trustedHeader
    }

    public init(userName: String, role: Role, method: Method) {
        self.userName = userName
        self.role = role
        self.method = method
    }

    /// The session's CSRF token, for the forms of a page (nil for other methods).
    public var csrfToken: String? {
        if case .session(let token) = method { return token }
        return nil
    }
}
