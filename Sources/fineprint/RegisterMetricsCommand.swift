import ArgumentParser
import FineprintRegister
import FineprintStore
import Foundation

struct RegisterMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "The five metrics, each with numerator, denominator and unknowns (an unknown never passes).",
        discussion: "docs/register.md defines each. --snapshot keeps them as a dated snapshot when they changed."
    )

    @Option(help: "text or json.") var format: OutputFormat = .text
    @Flag(help: "Keep this computation as a dated snapshot (only when a value changed since the last one).")
    var snapshot = false
    @Flag(help: "List the kept snapshots (date and headline values) instead.") var history = false
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        let organisation = store.organisation
        let now = Date()
        let (metrics, written, snapshots) = try await store.withStore { store in
            let register = try await store.loadRegister(organisation: organisation)
            let metrics = RegisterMetrics(register, settings: MetricSettings(asOf: now))
            let written =
                snapshot
                ? try await store.saveMetricSnapshot(
                    MetricSnapshot(organisation: organisation, takenAt: now, metrics: metrics)
                )
                : nil
            let snapshots = history ? try await store.metricSnapshots(organisation: organisation, limit: 100) : []
            return (metrics, written, snapshots)
        }
        if history {
            print(
                format == .json
                    ? try RegisterJSON.encode(snapshots) : snapshots.map(Self.headline).joined(separator: "\n")
            )
            return
        }
        print(format == .json ? try RegisterJSON.encode(metrics) : MetricsText.render(metrics))
        if let written {
            Console.progress(written ? "snapshot kept\n" : "no change since the last snapshot; none kept\n")
        }
    }

    static func headline(_ snapshot: MetricSnapshot) -> String {
        let m = snapshot.metrics
        return ISO8601DateFormatter().string(from: snapshot.takenAt)
            + "  keys+logs \(m.keyControlAndAuditLogs.numerator)/\(m.keyControlAndAuditLogs.denominator)"
            + "  exit tested \(m.exitTime.numerator)/\(m.exitTime.denominator)"
            + "  min N_eff \(MetricsText.number(m.supplierDiversity.minimumEffectiveSuppliers))"
            + "  tested AI \(m.independentTesting.numerator)/\(m.independentTesting.denominator)"
            + "  incidents \(m.incidentResponse.denominator)"
    }
}

/// The metrics as a person reads them in a terminal.
enum MetricsText {
    static func render(_ m: RegisterMetrics) -> String {
        var lines: [String] = []
        let k = m.keyControlAndAuditLogs
        lines.append(
            "1. Critical systems with sovereign key control and audit logs: \(ratio(k.numerator, k.denominator, k.unknowns))"
        )
        lines.append(
            "   key control \(ratio(k.keyControl)); audit logs \(ratio(k.auditLogs)); important systems \(ratio(k.important))"
        )
        for (sector, r) in k.bySector.sorted(by: { $0.key < $1.key }) { lines.append("   \(sector): \(ratio(r))") }
        let e = m.exitTime
        lines.append(
            "2. Time to exit a key vendor without service loss: mean \(hours(e.meanHours)), median \(hours(e.medianHours)), "
                + "max \(hours(e.maxHours)); tested \(ratio(e.numerator, e.denominator, e.unknowns))"
        )
        for vendor in e.vendors where !vendor.tested {
            lines.append(
                "   never tested: \(vendor.supplier)"
                    + (vendor.contractualBoundDays.map { " (contractual bound \($0) days)" } ?? " (no exit plan bound)")
            )
        }
        let d = m.supplierDiversity
        lines.append(
            "3. Supplier diversity (chips, cloud, models): minimum effective number \(number(d.minimumEffectiveSuppliers))"
        )
        for layer in d.layers {
            lines.append(
                "   \(layer.layer.rawValue): \(layer.dependencies) dependencies; by parent HHI \(layer.byParent.hhiPoints.map(String.init) ?? "–") "
                    + "N_eff \(number(layer.byParent.effectiveNumber)); by country HHI \(layer.byCountry.hhiPoints.map(String.init) ?? "–") "
                    + "N_eff \(number(layer.byCountry.effectiveNumber)); unknown supplier \(layer.byParent.unknowns)"
            )
        }
        let a = m.independentTesting
        lines.append(
            "4. AI deployments with independent testing and monitoring: \(ratio(a.numerator, a.denominator, a.unknowns))"
        )
        let i = m.incidentResponse
        lines.append(
            "5. Model and data incidents, last \(i.windowMonths) months: \(i.denominator); detect median \(hours(i.detect.medianHours)) "
                + "p90 \(hours(i.detect.p90Hours)); contain median \(hours(i.contain.medianHours)) p90 \(hours(i.contain.p90Hours)); "
                + "\(i.unknowns) with a time unknown"
        )
        return lines.joined(separator: "\n")
    }

    static func ratio(_ r: Ratio) -> String { ratio(r.numerator, r.denominator, r.unknowns) }

    static func ratio(_ numerator: Int, _ denominator: Int, _ unknowns: Int) -> String {
        let share = denominator == 0 ? "–" : String(format: "%.0f%%", 100 * Double(numerator) / Double(denominator))
        return "\(numerator)/\(denominator) (\(share); \(unknowns) unknown)"
    }

    static func hours(_ value: Double?) -> String { value.map { String(format: "%.1f h", $0) } ?? "–" }
    static func number(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }
}
