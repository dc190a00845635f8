import FineprintRegister
import Foundation

/// The register's dashboard (view: register.mustache): the five metrics with their trend, the
/// concentration per layer, the policy violations per system, and the systems and suppliers.
struct RegisterDashboardModel: PageModel {
    static let template = "register"

    struct MetricCard {
        var number: Int
        var name: String
        var headline: String
        var numerator: Int
        var denominator: Int
        var unknowns: Int
        var counted: String
        var notes: [String]
        var sparkline: String
    }

    struct SnapshotRow {
        var date: String
        var values: [String]
    }

    var title = "Dependency register"
    var organisation: String
    var asOf: String
    var nothingYet: Bool
    var counts: String
    var metrics: [MetricCard]
    var snapshots: [SnapshotRow]
    var snapshotHeads = MetricCards.heads
    var concentration: [ConcentrationPanel]
    var violations: [SystemViolations]
    var violationTotals: String
    var systems: [SystemRow]
    var suppliers: [SupplierRow]
    var canSnapshot: Bool
    var notice: String?

    init(_ view: RegisterView, snapshots: [MetricSnapshot], canSnapshot: Bool, notice: String?) {
        let register = view.register
        organisation = view.organisation
        asOf = Format.date(view.asOf)
        nothingYet = register.systems.isEmpty && register.components.isEmpty
        counts =
            "\(register.systems.count) systems · \(register.components.count) components · "
            + "\(register.suppliers.count) suppliers · \(register.contracts.count) contracts"
        let history = snapshots.sorted { $0.takenAt < $1.takenAt }.map(\.metrics) + [view.metrics]
        metrics = MetricCards.cards(view.metrics, history: history)
        self.snapshots = snapshots.prefix(12).map { snapshot in
            SnapshotRow(date: Format.date(snapshot.takenAt), values: MetricCards.values(snapshot.metrics))
        }
        concentration = view.metrics.supplierDiversity.layers.map { ConcentrationPanel($0, register) }
        violations = SystemViolations.grouped(view.violations, register)
        let bySeverity = Dictionary(grouping: view.violations, by: \.severity)
        violationTotals = PolicySeverity.allCases.reversed().map { "\(bySeverity[$0]?.count ?? 0) \($0.rawValue)" }
            .joined(separator: " · ")
        systems = register.systems.values.sorted { $0.name < $1.name }.map { SystemRow($0, view) }
        suppliers = register.suppliers.values.sorted { $0.name < $1.name }.map { SupplierRow($0, view) }
        self.canSnapshot = canSnapshot
        self.notice = notice
    }
}

/// One line of the systems table.
struct SystemRow {
    var name: String
    var link: String
    var sector: String
    var criticality: String
    var components: Int
    var keysAndLogs: String
    var fails: Int
    var warnings: Int

    init(_ system: RegisterSystem, _ view: RegisterView) {
        name = system.name
        link = RegisterLinks.system(system.id)
        sector = system.sector.rawValue
        criticality = system.criticality.rawValue
        components = system.components.count
        keysAndLogs =
            view.metrics.keyControlAndAuditLogs.systems.first { $0.system == system.id }?.verdict.rawValue ?? "–"
        let own = view.violations.filter { $0.system == system.id }
        fails = own.filter { $0.severity == .fail }.count
        warnings = own.filter { $0.severity == .warn }.count
    }
}

/// One line of the suppliers table.
struct SupplierRow {
    var name: String
    var link: String
    var country: String
    var parent: String
    var alliance: String
    var components: Int

    init(_ supplier: Supplier, _ view: RegisterView) {
        let register = view.register
        name = supplier.name
        link = RegisterLinks.supplier(supplier.id)
        country = supplier.country ?? "unknown"
        parent = supplier.ultimateParent.map { register.suppliers[$0]?.name ?? $0 } ?? "—"
        alliance = register.countries.allianceClass(of: register.countryOfGroup(supplier)).rawValue
        components = view.componentCounts[supplier.id] ?? 0
    }
}

/// The concentration of one layer's dependencies by parent group and by country, with bar charts.
struct ConcentrationPanel {
    var layer: String
    var dependencies: Int
    var byParent: String
    var byCountry: String
    var parentChart: String
    var countryChart: String

    init(_ result: DiversityMetric.LayerResult, _ register: Register) {
        layer = result.layer.rawValue
        dependencies = result.dependencies
        byParent = Self.summary(result.byParent)
        byCountry = Self.summary(result.byCountry)
        parentChart = RegisterSVG.bars(
            result.byParent.shares.map { (register.suppliers[$0.key]?.name ?? $0.key, $0.value) },
            title: "Shares of \(result.layer.rawValue) dependencies by parent group"
        )
        countryChart = RegisterSVG.bars(
            result.byCountry.shares.map { ($0.key, $0.value) },
            title: "Shares of \(result.layer.rawValue) dependencies by headquarters country"
        )
    }

    static func summary(_ c: DiversityMetric.Concentration) -> String {
        "HHI \(c.hhiPoints.map(String.init) ?? "–") · effective number \(RegisterFormat.decimal(c.effectiveNumber))"
            + " · \(c.unknowns) unknown"
    }
}

/// The policy violations of one system.
struct SystemViolations {
    struct Item {
        var severity: String
        var severityClass: String
        var title: String
        var component: String?
        var componentLink: String?
        var message: String
    }

    /// A policy broken more than once, counted (the dashboard lists FAILs one by one, the rest so).
    struct Count {
        var severity: String
        var severityClass: String
        var title: String
        var count: Int
    }

    var system: String
    var link: String
    var summary: String
    var items: [Item]
    var failures: [Item]
    var others: [Count]

    static func grouped(_ violations: [PolicyViolation], _ register: Register) -> [SystemViolations] {
        Dictionary(grouping: violations, by: \.system).sorted { $0.key < $1.key }.map { id, found in
            let sorted = found.sorted { ($0.severity, $1.policy) > ($1.severity, $0.policy) }
            let count = Dictionary(grouping: found, by: \.severity).mapValues(\.count)
            return SystemViolations(
                system: register.systems[id]?.name ?? id,
                link: RegisterLinks.system(id),
                summary: PolicySeverity.allCases.reversed().map { "\(count[$0] ?? 0) \($0.rawValue)" }
                    .joined(separator: " · "),
                items: sorted.map { item($0, register) },
                failures: sorted.filter { $0.severity == .fail }.map { item($0, register) },
                others: counts(sorted.filter { $0.severity != .fail })
            )
        }
    }

    static func counts(_ violations: [PolicyViolation]) -> [Count] {
        Dictionary(grouping: violations, by: \.policy).values.compactMap { group -> Count? in
            guard let first = group.first else { return nil }
            return Count(
                severity: first.severity.rawValue,
                severityClass: RegisterFormat.severityClass(first.severity),
                title: first.title,
                count: group.count
            )
        }.sorted {
            ($0.severity == "WARN" ? 0 : 1, -$0.count, $0.title) < ($1.severity == "WARN" ? 0 : 1, -$1.count, $1.title)
        }
    }

    static func item(_ v: PolicyViolation, _ register: Register) -> Item {
        Item(
            severity: v.severity.rawValue,
            severityClass: RegisterFormat.severityClass(v.severity),
            title: v.title,
            component: v.component.map { register.components[$0]?.imported.name ?? $0 },
            componentLink: v.component.map(RegisterLinks.component),
            message: v.message
        )
    }
}
