import FineprintRegister
import Foundation
import Hummingbird

/// People's changes to the register from its pages: a tier with its rationale, an exit drill, an
/// assurance record, an incident, a supplier's country, parent and alliance class. Each is checked
/// (`Register`'s edit functions), saved, recorded in the audit log, and answered with the page it
/// came from (303), where the recomputed metrics show it.
struct RegisterEditController {
    let bench: WebWorkbench

    /// POST /register/tiers
    @Sendable func setTier(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: TierForm.self, context: context)
        try await bench.editRegister(context: context) { register in
            let tier = try form.parsedTier()
            try register.editTier(system: form.system, component: form.component, tier: tier, rationale: form.rationale)
            return "tier \(tier.rawValue) for \(form.component) in \(form.system): \(form.rationale.prefix(200))"
        }
        return Response.redirect(to: RegisterLinks.component(form.component), type: .normal)
    }

    /// POST /register/drills
    @Sendable func recordDrill(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: DrillForm.self, context: context)
        try await bench.editRegister(context: context) { register in
            let drill = try form.drill()
            try register.recordDrill(drill)
            let loss =
                drill.serviceLossMinutes == 0 ? "no service lost" : "\(drill.serviceLossMinutes) min service lost"
            return
                "exit drill (\(drill.kind.rawValue)) of \(drill.supplier): \(loss), \(drill.passed ? "passed" : "not passed")"
        }
        let back =
            FormValue.optional(form.component).map(RegisterLinks.component) ?? RegisterLinks.supplier(form.supplier)
        return Response.redirect(to: back, type: .normal)
    }

    /// POST /register/assurance
    @Sendable func recordAssurance(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: AssuranceForm.self, context: context)
        try await bench.editRegister(context: context) { register in
            let record = try form.record()
            try register.recordAssurance(record)
            return
                "assurance of \(record.system): \(record.testType) by \(record.tester) (\(record.independence.rawValue)), "
                + (record.passed ? "passed" : "not passed")
        }
        return Response.redirect(to: Self.back(system: form.system, component: form.component), type: .normal)
    }

    /// POST /register/incidents
    @Sendable func recordIncident(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await request.decode(as: IncidentForm.self, context: context)
        try await bench.editRegister(context: context) { register in
            let id = try register.recordIncident(try form.incident())
            return "incident \(id) (\(form.kind)): \(form.summary.prefix(200))"
        }
        return Response.redirect(to: Self.back(system: form.system, component: form.component), type: .normal)
    }

    /// POST /register/suppliers/:id
    @Sendable func editSupplier(_ request: Request, context: WebRequestContext) async throws -> Response {
        let id = try RegisterLinks.decode(try context.parameters.require("id"), what: "supplier")
        let form = try await request.decode(as: SupplierForm.self, context: context)
        try await bench.editRegister(context: context) { register in
            let allianceClass = try form.parsedClass()
            try register.editSupplier(
                id,
                country: form.country,
                ultimateParent: form.ultimateParent,
                allianceClass: allianceClass
            )
            let supplier = register.suppliers[id]
            return "supplier \(id): country \(supplier?.headquartersCountry ?? "none"), parent "
                + "\(supplier?.ultimateParent ?? "none")\(allianceClass.map { ", class \($0.rawValue)" } ?? "")"
        }
        return Response.redirect(to: RegisterLinks.supplier(id), type: .normal)
    }

    /// The component's page when the form named one, else the system's.
    static func back(system: String?, component: String?) -> String {
        if let component = FormValue.optional(component) { return RegisterLinks.component(component) }
        return FormValue.optional(system).map(RegisterLinks.system) ?? "/register"
    }
}

extension WebWorkbench {
    /// Loads the request's register, applies one person's change, saves it (which moves the change
    /// marker, so every page recomputes) and records it in the audit log. A refused change is a 400
    /// with the reason; a register changed by someone else meanwhile is reloaded and the change
    /// applied again (a few times), so one edit does not undo another.
    func editRegister(
        context: WebRequestContext,
        _ change: @Sendable (inout Register) throws -> String
    ) async throws {
        let organisation = registerOrganisation(for: context)
        let store = try registerStore
        for _ in 0..<3 {
            let revision = try await store.registerRevision(organisation: organisation)
            var register = try await store.loadRegister(organisation: organisation)
            let detail: String
            do { detail = try change(&register) } catch let error as RegisterEditError {
                throw WebError.badRequest(error.description, hint: "Correct the form and send it again.")
            }
            guard try await store.registerRevision(organisation: organisation) == revision else { continue }
            try await store.saveRegister(register, organisation: organisation)
            try await record(.registerChange, "register", organisation, detail: detail, context: context)
            return
        }
        throw WebError(
            .conflict,
            title: "The register is changing",
            message: "Others changed the register while this change was being saved.",
            hint: "Send the form again."
        )
    }
}
