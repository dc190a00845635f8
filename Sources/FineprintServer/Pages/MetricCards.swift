import FineprintRegister
import Foundation

/// The five metrics as the dashboard's cards: the headline value, numerator, denominator and
/// unknowns, a few notes, and a sparkline of the headline over the kept snapshots and now.
enum MetricCards {
    typealias Card = RegisterDashboardModel.MetricCard

    /// The column heads of the snapshot table, in the order of `values`.
    static let heads = [
        "Keys and logs", "Key vendors exit-tested", "Mean exit time", "Least effective suppliers",
        "AI tested and monitored", "Median time to detect",
    ]

    static func values(_ m: RegisterMetrics) -> [String] {
        let k = m.keyControlAndAuditLogs
        let a = m.independentTesting
        return [
            "\(k.numerator)/\(k.denominator)", "\(m.exitTime.numerator)/\(m.exitTime.denominator)",
            RegisterFormat.hours(m.exitTime.meanHours),
            RegisterFormat.decimal(m.supplierDiversity.minimumEffectiveSuppliers),
            "\(a.numerator)/\(a.denominator)", RegisterFormat.hours(m.incidentResponse.detect.medianHours),
        ]
    }

    static func cards(_ m: RegisterMetrics, history: [RegisterMetrics]) -> [Card] {
        [keys(m, history), exit(m, history), diversity(m, history), testing(m, history), incidents(m, history)]
    }

    static func trend(_ history: [RegisterMetrics], _ label: String, _ value: (RegisterMetrics) -> Double?) -> String {
        let points = history.map(value)
        let kept = history.count - 1
        return RegisterSVG.sparkline(points, label: "\(label): \(kept) snapshot(s) kept, then now")
    }

    static func keys(_ m: RegisterMetrics, _ history: [RegisterMetrics]) -> Card {
        let k = m.keyControlAndAuditLogs
        return Card(
            number: 1,
            name: "Critical systems with sovereign key control and audit logs",
            headline: "\(k.numerator) of \(k.denominator) (\(RegisterFormat.share(k.numerator, k.denominator)))",
            numerator: k.numerator,
            denominator: k.denominator,
            unknowns: k.unknowns,
            counted: "critical systems",
            notes: [
                "key control \(k.keyControl.numerator)/\(k.keyControl.denominator), audit logs "
                    + "\(k.auditLogs.numerator)/\(k.auditLogs.denominator)",
                "important systems \(k.important.numerator)/\(k.important.denominator)",
            ],
            sparkline: trend(history, "Share passing") { $0.keyControlAndAuditLogs.share }
        )
    }

    static func exit(_ m: RegisterMetrics, _ history: [RegisterMetrics]) -> Card {
        let e = m.exitTime
        let untested = e.vendors.filter { !$0.tested }.map { vendor in
            vendor.supplier + (vendor.contractualBoundDays.map { " (bound \($0) days)" } ?? " (no bound)")
        }
        return Card(
            number: 2,
            name: "Time to exit a key vendor without service loss",
            headline: "mean \(RegisterFormat.hours(e.meanHours))",
            numerator: e.numerator,
            denominator: e.denominator,
            unknowns: e.unknowns,
            counted: "key vendors with a timed drill",
            notes: [
                "median \(RegisterFormat.hours(e.medianHours)), longest \(RegisterFormat.hours(e.maxHours))",
                untested.isEmpty ? "every key vendor drilled" : "never drilled: " + untested.joined(separator: ", "),
            ],
            sparkline: trend(history, "Mean exit hours") { $0.exitTime.meanHours }
        )
    }

    static func diversity(_ m: RegisterMetrics, _ history: [RegisterMetrics]) -> Card {
        let d = m.supplierDiversity
        return Card(
            number: 3,
            name: "Supplier diversity across chips, cloud and models",
            headline: "least effective number \(RegisterFormat.decimal(d.minimumEffectiveSuppliers))",
            numerator: d.numerator,
            denominator: d.denominator,
            unknowns: d.unknowns,
            counted: "dependencies with a known parent group",
            notes: d.layers.map { layer in
                "\(layer.layer.rawValue): \(RegisterFormat.decimal(layer.byParent.effectiveNumber)) by parent, "
                    + "\(RegisterFormat.decimal(layer.byCountry.effectiveNumber)) by country"
            },
            sparkline: trend(history, "Least effective number of suppliers") {
                $0.supplierDiversity.minimumEffectiveSuppliers
            }
        )
    }

    static func testing(_ m: RegisterMetrics, _ history: [RegisterMetrics]) -> Card {
        let a = m.independentTesting
        return Card(
            number: 4,
            name: "AI deployments with independent testing and monitoring",
            headline: "\(a.numerator) of \(a.denominator) (\(RegisterFormat.share(a.numerator, a.denominator)))",
            numerator: a.numerator,
            denominator: a.denominator,
            unknowns: a.unknowns,
            counted: "AI deployments",
            notes: a.deployments.map { d in
                "\(d.system): tested \(d.tested.rawValue), monitored \(d.monitored.rawValue)"
            },
            sparkline: trend(history, "Share passing") { $0.independentTesting.share }
        )
    }

    static func incidents(_ m: RegisterMetrics, _ history: [RegisterMetrics]) -> Card {
        let i = m.incidentResponse
        return Card(
            number: 5,
            name: "Time to detect and contain model and data incidents",
            headline: "detect \(RegisterFormat.hours(i.detect.medianHours)) · contain "
                + RegisterFormat.hours(i.contain.medianHours),
            numerator: i.numerator,
            denominator: i.denominator,
            unknowns: i.unknowns,
            counted: "incidents in \(i.windowMonths) months with both times known",
            notes: [
                "medians; 90th percentile detect \(RegisterFormat.hours(i.detect.p90Hours)), contain "
                    + RegisterFormat.hours(i.contain.p90Hours)
            ],
            sparkline: trend(history, "Median hours to detect") { $0.incidentResponse.detect.medianHours }
        )
    }
}
