import Foundation

/// Why a person's change to the register is refused; the message says what to correct.
public struct RegisterEditError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The changes people make to a register by hand (the pages' forms): each checks what it is given
/// against the register and refuses with a clear message, and touches only curated data, which a
/// BOM import never overwrites.
extension Register {
    /// The longest free text a form may keep (a rationale, a summary, evidence).
    public static let maxEditText = 4_000

    /// Sets the tier of a system–component pair with the reason for it.
    public mutating func editTier(system: String, component: String, tier: Tier, rationale: String) throws {
        let part = try knownComponent(component)
        let owner = try knownSystem(system)
        guard owner.components.contains(part.id) else {
            throw RegisterEditError("\(part.imported.name) is not a component of \(owner.name).")
        }
        setTier(
            TierAssignment(
                system: owner.id,
                component: part.id,
                tier: tier,
                rationale: try Self.text(rationale, "rationale")
            )
        )
    }

    /// Records a timed exit drill of a supplier.
    public mutating func recordDrill(_ drill: ExitDrill) throws {
        _ = try knownSupplier(drill.supplier)
        if let completed = drill.completedAt, completed < drill.startedAt {
            throw RegisterEditError("The drill cannot complete before it started.")
        }
        guard (0...525_600).contains(drill.serviceLossMinutes) else {
            throw RegisterEditError("Minutes of service lost must be between 0 and 525,600 (a year).")
        }
        var drill = drill
        drill.evidence = try drill.evidence.flatMap { try Self.optionalText($0, "evidence") }
        drills.append(drill)
    }

    /// Records an independent (or internal) test of a system's model.
    public mutating func recordAssurance(_ record: AssuranceRecord) throws {
        let owner = try knownSystem(record.system)
        if let component = record.component, !owner.components.contains(component) {
            throw RegisterEditError("\(component) is not a component of \(owner.name).")
        }
        var record = record
        record.testType = try Self.text(record.testType, "test type")
        record.tester = try Self.text(record.tester, "tester")
        record.modelVersion = try record.modelVersion.flatMap { try Self.optionalText($0, "model version") }
        record.report = try record.report.flatMap { try Self.optionalText($0, "report") }
        assurance.append(record)
    }

    /// Records an incident; its id is made here when it comes without one. Returns the id.
    @discardableResult
    public mutating func recordIncident(_ incident: Incident) throws -> String {
        if let system = incident.system { _ = try knownSystem(system) }
        if let component = incident.component { _ = try knownComponent(component) }
        let clock: [(String, Date?)] = [
            ("occurred", incident.occurredAt), ("detected", incident.detectedAt),
            ("contained", incident.containedAt), ("resolved", incident.resolvedAt),
        ]
        let known = clock.compactMap { name, date in date.map { (name, $0) } }
        for (earlier, later) in zip(known, known.dropFirst()) where later.1 < earlier.1 {
            throw RegisterEditError("An incident cannot be \(later.0) before it was \(earlier.0).")
        }
        var incident = incident
        incident.summary = try Self.text(incident.summary, "summary")
        if incident.id.isEmpty || incidents.contains(where: { $0.id == incident.id }) {
            incident.id = "incident-\(incidents.count + 1)"
            while incidents.contains(where: { $0.id == incident.id }) { incident.id += "-1" }
        }
        incidents.append(incident)
        return incident.id
    }

    /// Sets a supplier's headquarters country and ultimate parent (nil clears; the country the BOM gave
    /// stays apart), and, when given, the alliance class of its country in the buyer's table (it then
    /// holds for every supplier there).
    public mutating func editSupplier(
        _ id: String,
        country: String?,
        ultimateParent: String?,
        allianceClass: AllianceClass?
    ) throws {
        var supplier = try knownSupplier(id)
        supplier.headquartersCountry = try country.flatMap(Self.countryCode)
        supplier.ultimateParent = try ultimateParent.flatMap { try Self.optionalText($0, "ultimate parent") }
        if let allianceClass {
            // The class belongs to the country the supplier is judged by: its own, else its parent's.
            guard let code = countryOfGroup(supplier) else {
                throw RegisterEditError("An alliance class belongs to a country: give the supplier's country first.")
            }
            try setAllianceClass(allianceClass, of: code)
        }
        suppliers[id] = supplier
    }

    /// Puts a country in one class of the buyer's table (and out of the others).
    public mutating func setAllianceClass(_ allianceClass: AllianceClass, of country: String) throws {
        var table = countries
        table.domestic.remove(country)
        table.eu.remove(country)
        table.allied.remove(country)
        switch allianceClass {
        case .domestic: table.domestic.insert(country)
        case .eu: table.eu.insert(country)
        case .allied: table.allied.insert(country)
        case .other: break
        case .unknown: throw RegisterEditError("'unknown' is what a supplier without a country gets; choose a class.")
        }
        countries = table
    }

    private func knownSystem(_ id: String) throws -> RegisterSystem {
        guard let system = systems[id] else { throw RegisterEditError("There is no system '\(id.prefix(80))'.") }
        return system
    }

    private func knownComponent(_ key: String) throws -> RegisterComponent {
        guard let part = components[key] else { throw RegisterEditError("There is no component '\(key.prefix(80))'.") }
        return part
    }

    private func knownSupplier(_ id: String) throws -> Supplier {
        guard let supplier = suppliers[id] else { throw RegisterEditError("There is no supplier '\(id.prefix(80))'.") }
        return supplier
    }

    /// Required text, trimmed, within the length limit.
    static func text(_ value: String, _ field: String) throws -> String {
        guard let text = try optionalText(value, field) else { throw RegisterEditError("The \(field) is required.") }
        return text
    }

    /// Optional text, trimmed (nil when empty), within the length limit and free of control characters.
    static func optionalText(_ value: String, _ field: String) throws -> String? {
        let text = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maxEditText else {
            throw RegisterEditError("The \(field) is over \(maxEditText) characters.")
        }
        guard
            !text.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
            })
        else { throw RegisterEditError("The \(field) contains control characters.") }
        return text.isEmpty ? nil : text
    }

    /// An ISO 3166-1 alpha-2 code, upper-cased; nil for an empty field.
    static func countryCode(_ value: String) throws -> String? {
        let code = value.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { return nil }
        guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw RegisterEditError("'\(value.prefix(20))' is not a two-letter country code (ISO 3166-1, e.g. DE).")
        }
        return code
    }
}
