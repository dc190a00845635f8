import FineprintRegister
import Foundation
import Hummingbird

/// The register's read API: systems, components, suppliers, the five metrics and the policy
/// violations, as JSON, through the same `registerView` as the pages.
struct RegisterAPIController {
    let bench: WebWorkbench

    /// GET /api/register/metrics
    @Sendable func metrics(_ request: Request, context: WebRequestContext) async throws -> Response {
        let view = try await bench.registerView(for: context)
        return try JSONResponse.make(RegisterAPI.Metrics(organisation: view.organisation, metrics: view.metrics))
    }

    /// GET /api/register/violations[?system=ID]
    @Sendable func violations(_ request: Request, context: WebRequestContext) async throws -> Response {
        let view = try await bench.registerView(for: context)
        let only = request.uri.queryParameters.get("system")
        if let only, view.register.systems[only] == nil { throw WebError.notFound("system \(only.prefix(80))") }
        return try JSONResponse.make(
            RegisterAPI.Violations(
                organisation: view.organisation,
                asOf: view.asOf,
                violations: view.violations.filter { only == nil || $0.system == only }
            )
        )
    }

    /// GET /api/register/systems
    @Sendable func systems(_ request: Request, context: WebRequestContext) async throws -> Response {
        let view = try await bench.registerView(for: context)
        let systems = view.register.systems.values.sorted { $0.id < $1.id }.map { RegisterAPI.SystemSummary($0, view) }
        return try JSONResponse.make(RegisterAPI.Systems(organisation: view.organisation, systems: systems))
    }

    /// GET /api/register/systems/:id
    @Sendable func system(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try RegisterLinks.decode(try context.parameters.require("id"), what: "system")
        let view = try await bench.registerView(for: context)
        let register = view.register
        guard let system = register.systems[id] else { throw WebError.notFound("system \(id.prefix(80))") }
        let members = system.components
        let root = ImportedBOM.systemRootKey(id)
        return try JSONResponse.make(
            RegisterAPI.SystemDetail(
                organisation: view.organisation,
                system: RegisterAPI.SystemSummary(system, view),
                requiredProfile: system.requiredProfile,
                monitored: system.monitored,
                components: register.components(of: system).map { RegisterAPI.ComponentSummary($0, register) },
                edges: register.edges.filter {
                    ($0.from == root || members.contains($0.from)) && members.contains($0.to)
                }
                .sorted(),
                tiers: register.tierList.filter { $0.system == id },
                violations: view.violations.filter { $0.system == id }
            )
        )
    }

    /// GET /api/register/components
    @Sendable func components(_ request: Request, context: WebRequestContext) async throws -> Response {
        let view = try await bench.registerView(for: context)
        let register = view.register
        let parts = register.components.values.sorted { $0.id < $1.id }.map {
            RegisterAPI.ComponentSummary($0, register)
        }
        return try JSONResponse.make(RegisterAPI.Components(organisation: view.organisation, components: parts))
    }

    /// GET /api/register/components/:key
    @Sendable func component(_ request: Request, context: WebRequestContext) async throws -> Response {
        let key = try RegisterLinks.decode(try context.parameters.require("key"), what: "component")
        let view = try await bench.registerView(for: context)
        let register = view.register
        guard let part = register.components[key] else { throw WebError.notFound("component \(key.prefix(80))") }
        return try JSONResponse.make(Self.detail(part, view))
    }

    static func detail(_ part: RegisterComponent, _ view: RegisterView) -> RegisterAPI.ComponentDetail {
        let register = view.register
        let supplier = part.supplierId
        return RegisterAPI.ComponentDetail(
            organisation: view.organisation,
            component: RegisterAPI.ComponentSummary(part, register),
            kind: part.imported.kind,
            purl: part.imported.purl,
            substitutability: part.substitutability,
            tiers: register.tierList.filter { $0.component == part.id },
            verdicts: Dictionary(
                uniqueKeysWithValues: Control.allCases.map {
                    ($0.rawValue, register.verdict(component: part.id, control: $0))
                }
            ),
            facts: register.facts.filter { $0.component == part.id },
            contracts: register.contracts.values.filter { $0.components.contains(part.id) }.sorted { $0.id < $1.id },
            dependsOn: register.edges.filter { $0.from == part.id }.map(\.to).sorted(),
            usedBy: register.edges.filter { $0.to == part.id }.map(\.from).sorted(),
            exitPlans: register.exitPlans.filter { $0.supplier == supplier },
            drills: register.drills.filter { $0.supplier == supplier },
            incidents: register.incidents.filter { $0.component == part.id },
            watchedChanges: view.watchedChanges(of: part)
        )
    }

    /// GET /api/register/suppliers
    @Sendable func suppliers(_ request: Request, context: WebRequestContext) async throws -> Response {
        let view = try await bench.registerView(for: context)
        let register = view.register
        let suppliers = register.suppliers.values.sorted { $0.id < $1.id }.map {
            RegisterAPI.SupplierSummary($0, view)
        }
        return try JSONResponse.make(RegisterAPI.Suppliers(organisation: view.organisation, suppliers: suppliers))
    }

    /// GET /api/register/suppliers/:id
    @Sendable func supplier(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try RegisterLinks.decode(try context.parameters.require("id"), what: "supplier")
        let view = try await bench.registerView(for: context)
        let register = view.register
        guard let supplier = register.suppliers[id] else { throw WebError.notFound("supplier \(id.prefix(80))") }
        let links = register.watchLinks.filter { $0.supplier == id }
        return try JSONResponse.make(
            RegisterAPI.SupplierDetail(
                organisation: view.organisation,
                supplier: RegisterAPI.SupplierSummary(supplier, view),
                legalName: supplier.legalName,
                lei: supplier.lei,
                components: register.components.values.filter { $0.supplierId == id }.sorted { $0.id < $1.id }
                    .map { RegisterAPI.ComponentSummary($0, register) },
                contracts: register.contracts.values.filter { $0.supplier == id }.sorted { $0.id < $1.id },
                exitPlans: register.exitPlans.filter { $0.supplier == id },
                drills: register.drills.filter { $0.supplier == id },
                watchLinks: links,
                watchedChanges: links.flatMap { view.changes(of: $0.source, via: "supplier") }
                    .sorted { $0.recordedAt > $1.recordedAt }
            )
        )
    }
}
