import FineprintIdentity
import Foundation
import Hummingbird

/// The admin page: users with their roles (changeable) and API tokens (revocable). Adding users
/// and making tokens stay on the command line, where the secret is shown once to whoever runs it.
struct AdminController {
    let bench: WebWorkbench
    let accounts: Accounts

    /// GET /admin/users
    @Sendable func users(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let users = try await accounts.store.users()
        let tokens = try await accounts.store.tokens()
        return try bench.pages.page(AdminUsersModel(users: users, tokens: tokens))
    }

    /// POST /admin/users/:name/role — form field `role`; the last admin keeps the role.
    @Sendable func changeRole(_ request: Request, context: WebRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let form = try await request.decode(as: RoleForm.self, context: context)
        guard let role = Role(rawValue: form.role) else {
            throw WebError.badRequest(
                "'\(form.role.prefix(40))' is not a role.",
                hint: "Choose admin, analyst or reader."
            )
        }
        let admins = try await accounts.store.users().filter { $0.role == .admin }
        if role != .admin, admins.map(\.name) == [name] {
            throw WebError.badRequest(
                "\(name) is the only admin.",
                hint: "Make another user admin first, so someone can still manage the workbench."
            )
        }
        guard try await accounts.store.setRole(role, forUser: name) else { throw WebError.notFound("user '\(name)'") }
        try await bench.record(.roleChange, "user", name, detail: "role \(role.rawValue)", context: context)
        return Response.redirect(to: "/admin/users", type: .normal)
    }

    /// POST /admin/tokens/:id/revoke
    @Sendable func revokeToken(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard try await accounts.store.revokeToken(id: id, at: Date()) else {
            throw WebError.notFound("unrevoked token '\(id.prefix(40))'")
        }
        try await bench.record(.tokenRevoke, "token", id, context: context)
        return Response.redirect(to: "/admin/users", type: .normal)
    }
}

struct RoleForm: Decodable {
    var role: String
}

/// The admin page (view: admin-users.mustache).
struct AdminUsersModel: PageModel {
    static let template = "admin-users"
    let title = "Users and tokens"
    var users: [UserRow]
    var tokens: [TokenRow]

    struct UserRow {
        var name: String
        var roles: [RoleOption]
        var createdAt: String
    }

    struct RoleOption {
        var name: String
        var selected: Bool
    }

    struct TokenRow {
        var id: String
        var userName: String
        var role: String
        var label: String
        var createdAt: String
        var revokedAt: String?
    }

    init(users: [User], tokens: [APIToken]) {
        self.users = users.map { user in
            UserRow(
                name: user.name,
                roles: Role.allCases.map { RoleOption(name: $0.rawValue, selected: $0 == user.role) },
                createdAt: Format.date(user.createdAt)
            )
        }
        self.tokens = tokens.map { token in
            TokenRow(
                id: token.id,
                userName: token.userName,
                role: token.role.rawValue,
                label: token.label,
                createdAt: Format.date(token.createdAt),
                revokedAt: token.revokedAt.map { Format.date($0) }
            )
        }
    }
}
