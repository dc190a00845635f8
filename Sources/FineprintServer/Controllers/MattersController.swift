import FineprintIdentity
import FineprintStore
import Foundation
import Hummingbird

/// Matters (procurement cases): the list with the create form, a matter's page with its documents,
/// analyses and members, the owners' settings (members and retention), and the same through the
/// API. Every lookup goes through `MatterScope`.
struct MattersController {
    let bench: WebWorkbench

    /// GET /matters — the caller's matters; analysts and admins may create one.
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let scope = try await bench.scope(context)
        let matters = try await scope.store.matters(scope.filter)
        return try bench.pages.page(MattersModel(matters, scope: scope))
    }

    /// POST /matters — creates a matter with the caller as its owner, then shows it (303).
    @Sendable func createFromPage(_ request: Request, context: WebRequestContext) async throws -> Response {
        let matter = try await create(try await request.decode(as: MatterForm.self, context: context), context)
        return Response.redirect(to: "/matters/\(matter.id)", type: .normal)
    }

    /// GET /matters/:id — documents, analyses and members; settings for owners.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let scope = try await bench.scope(context)
        let matter = try await scope.matter(try context.parameters.require("id"))
        let model = MatterModel(
            matter,
            role: scope.role(in: matter.id) ?? .reader,
            documents: try await scope.store.documents(ofMatter: matter.id),
            analyses: try await scope.store.analyses(in: .only([matter.id]), limit: 100, offset: 0),
            members: try await scope.store.members(matterID: matter.id)
        )
        return try bench.pages.page(model)
    }

    /// POST /matters/:id/members — adds a member or changes their role (owners).
    @Sendable func setMember(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (scope, matter) = try await owned(context)
        let form = try await request.decode(as: MemberForm.self, context: context)
        guard let role = MatterRole(rawValue: form.role) else {
            throw WebError.badRequest(
                "'\(form.role.prefix(40))' is not a matter role.",
                hint: "Choose reader, analyst or owner."
            )
        }
        let before = try await scope.store.members(matterID: matter.id).first { $0.userName == form.user }
        guard try await scope.store.setMember(MatterMember(userName: form.user, role: role), matterID: matter.id) else {
            throw WebError.badRequest(
                "There is no user named '\(form.user.prefix(64))'.",
                hint: "Users are added by an administrator (`fineprint users add`)."
            )
        }
        try await bench.record(
            before == nil ? .memberAdd : .memberRole,
            "matter",
            matter.id,
            detail: "\(form.user): \(before.map { "\($0.role.rawValue) → " } ?? "")\(role.rawValue)",
            context: context
        )
        return Response.redirect(to: "/matters/\(matter.id)", type: .normal)
    }

    /// POST /matters/:id/members/:name/remove — removes a member (owners); the last owner stays.
    @Sendable func removeMember(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (scope, matter) = try await owned(context)
        let name = try context.parameters.require("name")
        let owners = try await scope.store.members(matterID: matter.id).filter { $0.role == .owner }.map(\.userName)
        if owners == [name] {
            throw WebError.badRequest(
                "\(name) is the matter's only owner.",
                hint: "Make another member owner first, so someone can still manage the matter."
            )
        }
        guard try await scope.store.removeMember(userName: name, matterID: matter.id) else {
            throw WebError.notFound("member '\(name.prefix(64))' of this matter")
        }
        try await bench.record(.memberRemove, "matter", matter.id, detail: name, context: context)
        return Response.redirect(to: "/matters/\(matter.id)", type: .normal)
    }

    /// POST /matters/:id/retention — the matter's retention period in days; empty: the server's default.
    @Sendable func setRetention(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (scope, matter) = try await owned(context)
        let form = try await request.decode(as: RetentionForm.self, context: context)
        let days = try form.parsedDays()
        do {
            _ = try await scope.store.setRetention(days: days, matterID: matter.id)
        } catch let error as MatterError {
            throw WebError.badRequest(error.description, hint: "Leave it empty to use the server's default.")
        }
        try await bench.record(
            .retentionChange,
            "matter",
            matter.id,
            detail: days.map { "\($0) days" } ?? "the server's default",
            context: context
        )
        return Response.redirect(to: "/matters/\(matter.id)", type: .normal)
    }

    /// GET /api/matters — the caller's matters with their role in each.
    @Sendable func listAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try await bench.scope(context)
        let matters = try await scope.store.matters(scope.filter)
        return try JSONResponse.make(matters.map { MatterItem($0, role: scope.role(in: $0.id) ?? .reader) })
    }

    /// POST /api/matters — creates a matter (JSON `{"name", "kind", "retentionDays"}`): 201.
    @Sendable func createFromAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let matter = try await create(try await request.decode(as: MatterForm.self, context: context), context)
        var response = try JSONResponse.make(MatterItem(matter, role: .owner), status: .created)
        response.headers[.location] = "/api/matters/\(matter.id)"
        return response
    }

    /// GET /api/matters/:id — one matter with its members and documents.
    @Sendable func detailAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try await bench.scope(context)
        let matter = try await scope.matter(try context.parameters.require("id"))
        var item = MatterItem(matter, role: scope.role(in: matter.id) ?? .reader)
        item.members = try await scope.store.members(matterID: matter.id)
        item.documents = try await scope.store.documents(ofMatter: matter.id).map(MatterDocumentItem.init)
        return try JSONResponse.make(item)
    }

    private func create(_ form: MatterForm, _ context: WebRequestContext) async throws -> Matter {
        let scope = try await bench.scope(context)
        guard let kind = MatterKind(rawValue: form.kind ?? "other") else {
            throw WebError.badRequest(
                "'\(form.kind?.prefix(40) ?? "")' is not a kind of matter.",
                hint: "Choose tender, renewal, partnership or other."
            )
        }
        let matter = Matter(name: form.name, kind: kind, retentionDays: try form.parsedDays())
        do {
            try await scope.store.addMatter(matter, owner: scope.identity.userName)
        } catch let error as MatterError {
            throw WebError.badRequest(
                error.description,
                hint: "Give the matter a short name, such as the tender's reference."
            )
        }
        try await bench.record(
            .matterCreate,
            "matter",
            matter.id,
            detail: "\(kind.rawValue): \(matter.name)",
            context: context
        )
        return matter
    }

    /// The matter the route names, which the caller must own (or be an admin).
    private func owned(_ context: WebRequestContext) async throws -> (MatterScope, Matter) {
        let scope = try await bench.scope(context)
        let matter = try await scope.matter(try context.parameters.require("id"))
        try scope.require(.owner, in: matter.id)
        return (scope, matter)
    }
}

/// The create form's (and the API's) body.
struct MatterForm: Decodable {
    var name: String
    var kind: String?
    /// Days as the form sends them (text, empty for none) or the API (a number).
    var retentionDays: String?

    enum CodingKeys: String, CodingKey { case name, kind, retentionDays }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .retentionDays) {
            retentionDays = String(number)
        } else {
            retentionDays = try container.decodeIfPresent(String.self, forKey: .retentionDays)
        }
    }

    func parsedDays() throws -> Int? { try RetentionForm(days: retentionDays).parsedDays() }
}

struct MemberForm: Decodable {
    var user: String
    var role: String
}

struct RetentionForm: Decodable {
    var days: String?

    /// Nil for an empty field; else a whole number of days from 1 to 36500.
    func parsedDays() throws -> Int? {
        guard let text = days?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int(text), (1...Matter.maxRetentionDays).contains(value) else {
            throw WebError.badRequest(
                "'\(text.prefix(20))' is not a retention period.",
                hint: "Give a whole number of days from 1 to \(Matter.maxRetentionDays), or leave it empty."
            )
        }
        return value
    }
}

/// A matter as the API returns it.
struct MatterItem: Codable {
    var id: String
    var name: String
    var kind: String
    var createdAt: Date
    var retentionDays: Int?
    /// The caller's role in it.
    var role: String
    var url: String
    var members: [MatterMember]?
    var documents: [MatterDocumentItem]?

    init(_ matter: Matter, role: MatterRole) {
        id = matter.id
        name = matter.name
        kind = matter.kind.rawValue
        createdAt = matter.createdAt
        retentionDays = matter.retentionDays
        self.role = role.rawValue
        url = "/api/matters/\(matter.id)"
    }
}

struct MatterDocumentItem: Codable {
    var id: String
    var name: String
    var sha256: String
    var createdAt: Date

    init(_ document: MatterDocument) {
        id = document.id
        name = document.name
        sha256 = document.sha256
        createdAt = document.createdAt
    }
}
