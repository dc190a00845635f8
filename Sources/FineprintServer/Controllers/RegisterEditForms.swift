import FineprintRegister
import Foundation

/// The register pages' forms as the browser sends them (every field text; a box left unticked is
/// absent), and how each becomes a register record, with a clear error for a value that is not one.
struct TierForm: Decodable {
    var system: String
    var component: String
    var tier: String
    var rationale: String

    func parsedTier() throws -> Tier {
        guard let number = Int(tier.trimmingCharacters(in: .whitespaces)), let tier = Tier(rawValue: number) else {
            throw RegisterEditError(
                "'\(tier.prefix(20))' is not a tier: choose 1 (must-control), 2 (allied) or 3 (market-sourced)."
            )
        }
        return tier
    }
}

struct DrillForm: Decodable {
    var supplier: String
    /// The component page the form was on, to go back to (absent on the supplier's page).
    var component: String?
    var kind: String
    var started: String
    var completed: String?
    var serviceLossMinutes: String?
    var passed: String?
    var evidence: String?

    func drill() throws -> ExitDrill {
        let minutes = serviceLossMinutes?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let loss = minutes.isEmpty ? 0 : Int(minutes) else {
            throw RegisterEditError("Minutes of service lost must be a whole number (0 for none).")
        }
        return ExitDrill(
            supplier: supplier,
            kind: try FormValue.choice(kind, DrillKind.self, "drill kind"),
            startedAt: try FormValue.required(started, "start"),
            completedAt: try FormValue.date(completed, "completion"),
            serviceLossMinutes: loss,
            passed: passed != nil,
            evidence: evidence
        )
    }
}

struct AssuranceForm: Decodable {
    var system: String
    var component: String?
    var testType: String
    var tester: String
    var independence: String
    var tested: String
    var modelVersion: String?
    var passed: String?
    var report: String?

    func record() throws -> AssuranceRecord {
        AssuranceRecord(
            system: system,
            component: FormValue.optional(component),
            testType: testType,
            tester: tester,
            independence: try FormValue.choice(independence, Independence.self, "independence"),
            testedAt: try FormValue.required(tested, "test date"),
            modelVersion: modelVersion,
            passed: passed != nil,
            report: report
        )
    }
}

struct IncidentForm: Decodable {
    var system: String?
    var component: String?
    var kind: String
    var occurred: String?
    var detected: String
    var contained: String?
    var resolved: String?
    var summary: String

    func incident() throws -> Incident {
        Incident(
            id: "",
            system: FormValue.optional(system),
            component: FormValue.optional(component),
            kind: try FormValue.choice(kind, IncidentKind.self, "incident kind"),
            occurredAt: try FormValue.date(occurred, "occurrence"),
            detectedAt: try FormValue.required(detected, "detection"),
            containedAt: try FormValue.date(contained, "containment"),
            resolvedAt: try FormValue.date(resolved, "resolution"),
            summary: summary
        )
    }
}

struct SupplierForm: Decodable {
    var country: String?
    var ultimateParent: String?
    /// Empty: leave the country's class in the buyer's table as it is.
    var allianceClass: String?

    func parsedClass() throws -> AllianceClass? {
        guard let value = FormValue.optional(allianceClass) else { return nil }
        return try FormValue.choice(value, AllianceClass.self, "alliance class")
    }
}

/// Reading one form field.
enum FormValue {
    static func optional(_ value: String?) -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ value: String, _: T.Type, _ field: String) throws -> T
    where T.RawValue == String {
        guard let chosen = T(rawValue: value.trimmingCharacters(in: .whitespaces)) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw RegisterEditError("'\(value.prefix(40))' is not a known \(field): choose one of \(allowed).")
        }
        return chosen
    }

    static func required(_ value: String, _ field: String) throws -> Date {
        guard let date = try date(value, field) else { throw RegisterEditError("The \(field) time is required.") }
        return date
    }

    /// A time as a `datetime-local` field sends it (2026-03-01T09:30, seconds optional) or a day
    /// (2026-03-01), both read as UTC; nil for an empty field.
    static func date(_ value: String?, _ field: String) throws -> Date? {
        guard let text = optional(value) else { return nil }
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"] {
            let parser = DateFormatter()
            parser.locale = Locale(identifier: "en_US_POSIX")
            parser.timeZone = TimeZone(identifier: "UTC")
            parser.dateFormat = format
            if let date = parser.date(from: text) { return date }
        }
        throw RegisterEditError("'\(text.prefix(40))' is not a \(field) time: write it as 2026-03-01T09:30 (UTC).")
    }
}
