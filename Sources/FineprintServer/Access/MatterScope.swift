import FineprintCore
import FineprintIdentity
import FineprintStore
import Foundation

/// What contract data one request may see and change: the one place every controller goes
/// through for analyses, documents, jobs and matters (a new route that takes such an id gets it
/// from here, never from the store directly).
///
/// A user sees the matters they are a member of; a global admin sees every matter, as an owner.
/// Something outside the scope answers exactly as something that does not exist (404, same body),
/// so ids cannot be probed. The global role caps the matter role: a reader (or a reader's token)
/// stays a reader in every matter.
struct MatterScope: Sendable {
    let store: any MatterStore
    let identity: Identity
    /// The role in each visible matter, after the cap (admins: empty, they see all as owners).
    let roles: [String: MatterRole]

    var isAdmin: Bool { identity.role == .admin }
    var filter: MatterFilter { isAdmin ? .all : .only(Set(roles.keys)) }

    /// The caller's role in a matter; nil when they cannot see it.
    func role(in matterID: String) -> MatterRole? {
        isAdmin ? .owner : roles[matterID]
    }

    /// The highest matter role the global role allows.
    static func cap(_ role: Role) -> MatterRole {
        switch role {
        case .admin, .analyst: return .owner
        case .reader: return .reader
        }
    }

    // MARK: Lookups (404 alike for foreign and unknown ids)

    func analysis(_ publicID: String) async throws -> StoredAnalysis {
        guard PublicID.isWellFormed(publicID), let stored = try await store.analysis(publicID: publicID, in: filter)
        else { throw Self.notFound("analysis", publicID) }
        return stored
    }

    func document(_ id: String) async throws -> MatterDocument {
        guard PublicID.isWellFormed(id), let document = try await store.matterDocument(id: id, in: filter) else {
            throw Self.notFound("document", id)
        }
        return document
    }

    func matter(_ id: String) async throws -> Matter {
        guard PublicID.isWellFormed(id), filter.contains(id), let matter = try await store.matter(id: id) else {
            throw Self.notFound("matter", id)
        }
        return matter
    }

    func job(_ id: String, on desk: JobDesk) async throws -> AnalysisJob {
        guard AnalysisJob.isWellFormedID(id), let matter = try await store.jobMatter(jobID: id),
            filter.contains(matter),
            let job = try await desk.queue.job(id: id)
        else { throw Self.notFound("job", id) }
        return job
    }

    // MARK: Rights within a visible matter

    /// Throws 403 when the caller's role in the (visible) matter is below `needed`.
    func require(_ needed: MatterRole, in matterID: String) throws {
        guard let role = role(in: matterID) else { throw Self.notFound("matter", matterID) }
        guard role >= needed else {
            throw WebError(
                .forbidden,
                title: "Not allowed",
                message: "This needs the \(needed.rawValue) role in the matter, which you do not have.",
                hint: "Ask an owner of the matter for it."
            )
        }
    }

    /// The matter an upload goes to: the one asked for (where the caller must be an analyst), else
    /// the caller's only matter where they may upload; an admin with no choice uses the default matter.
    func uploadMatter(_ requested: String?) async throws -> String {
        if let requested, !requested.isEmpty {
            _ = try await matter(requested)
            try require(.analyst, in: requested)
            return requested
        }
        let writable = roles.filter { $0.value >= .analyst }.map(\.key)
        if writable.count == 1 { return writable[0] }
        if isAdmin, writable.isEmpty, let fallback = try await store.matters(.all).first(where: \.isDefault) {
            return fallback.id
        }
        throw WebError.badRequest(
            writable.isEmpty
                ? "You are not an analyst in any matter, so there is nowhere to put this upload."
                : "You work in several matters: say which one this upload belongs to.",
            hint: writable.isEmpty
                ? "Create a matter on the Matters page, or ask an owner to add you to one."
                : "Choose the matter in the form (API: the 'matter' form field with the matter's id)."
        )
    }

    /// The matters the caller may upload to, for the upload form's choice.
    func writableMatters() async throws -> [Matter] {
        try await store.matters(filter).filter { (role(in: $0.id) ?? .reader) >= .analyst }
    }

    /// The same answer, byte for byte, for an id that does not exist and one the caller may not
    /// see: the id is not echoed, so nothing in the body tells the two apart.
    static func notFound(_ kind: String, _ id: String) -> WebError {
        WebError.notFound("\(kind) with this id")
    }
}

extension WebWorkbench {
    /// The store as one that keeps matters; every store the server opens is one.
    var matterStore: any MatterStore {
        get throws {
            guard let store = store as? any MatterStore else {
                throw WebError.notFound("matters (this store keeps none)")
            }
            return store
        }
    }

    /// The scope of the request's user (its roles read from the store once per request).
    func scope(_ context: WebRequestContext) async throws -> MatterScope {
        guard let identity = context.identity else {
            throw WebError(
                .unauthorized,
                title: "Sign in first",
                message: "This needs a signed-in user.",
                hint: "Sign in."
            )
        }
        let store = try matterStore
        let cap = MatterScope.cap(identity.role)
        var roles: [String: MatterRole] = [:]
        if identity.role != .admin {
            for (matter, role) in try await store.memberships(userName: identity.userName) {
                roles[matter] = min(role, cap)
            }
        }
        return MatterScope(store: store, identity: identity, roles: roles)
    }
}
