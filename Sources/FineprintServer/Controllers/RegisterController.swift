import FineprintIdentity
import FineprintRegister
import Foundation
import Hummingbird

/// The dependency register's pages: the dashboard, system, component and supplier pages, and the
/// button that keeps a metrics snapshot. Every one reads the register through `registerView`.
struct RegisterController {
    let bench: WebWorkbench

    /// GET /register
    @Sendable func dashboard(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let entry = try await bench.registerEntry(for: context)
        let (view, snapshots) = (entry.view, entry.snapshots)
        let notice: String? =
            switch request.uri.queryParameters.get("snapshot") {
            case "kept": "Snapshot kept: the metrics as of now are in the trend."
            case "unchanged": "No value changed since the last snapshot, so none was kept."
            default: nil
            }
        let canSnapshot = Self.canEdit(context)
        return try bench.pages.page(
            RegisterDashboardModel(view, snapshots: snapshots, canSnapshot: canSnapshot, notice: notice)
        )
    }

    /// GET /register/systems/:id
    @Sendable func system(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let id = try RegisterLinks.decode(try context.parameters.require("id"), what: "system")
        let view = try await bench.registerView(for: context)
        guard let system = view.register.systems[id] else { throw WebError.notFound("system \(id.prefix(80))") }
        return try bench.pages.page(RegisterSystemModel(system, view, canEdit: Self.canEdit(context)))
    }

    /// GET /register/components/:key
    @Sendable func component(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let key = try RegisterLinks.decode(try context.parameters.require("key"), what: "component")
        let view = try await bench.registerView(for: context)
        guard let part = view.register.components[key] else { throw WebError.notFound("component \(key.prefix(80))") }
        return try bench.pages.page(RegisterComponentModel(part, view, canEdit: Self.canEdit(context)))
    }

    /// GET /register/suppliers/:id
    @Sendable func supplier(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let id = try RegisterLinks.decode(try context.parameters.require("id"), what: "supplier")
        let view = try await bench.registerView(for: context)
        guard let supplier = view.register.suppliers[id] else { throw WebError.notFound("supplier \(id.prefix(80))") }
        return try bench.pages.page(RegisterSupplierModel(supplier, view, canEdit: Self.canEdit(context)))
    }

    /// Analysts and admins change the register (the routes say so too: `RouteAccess`); readers only read.
    static func canEdit(_ context: WebRequestContext) -> Bool {
        context.identity?.role.allows(.analyst) ?? false
    }

    /// POST /register/snapshot — keeps the metrics as of now (when a value changed), then the dashboard.
    @Sendable func snapshot(_ request: Request, context: WebRequestContext) async throws -> Response {
        let written = try await bench.takeRegisterSnapshot(context: context)
        return Response.redirect(to: "/register?snapshot=\(written ? "kept" : "unchanged")", type: .normal)
    }
}
