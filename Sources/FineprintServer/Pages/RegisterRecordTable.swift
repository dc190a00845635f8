import FineprintRegister
import Foundation

/// A table of register records as the component and supplier pages show them (view:
/// register-table.mustache, a partial): the columns, one row of text cells per record, and what to
/// say when there is none. Exit plans, drills, assurance records and incidents are all drawn by it.
struct RecordTable {
    struct Row {
        var cells: [String]
    }

    var columns: [String]
    var rows: [Row]
    /// The sentence shown instead of an empty table.
    var none: String

    init<Record>(_ records: [Record], none: String, columns: [(String, (Record) -> String)]) {
        self.columns = columns.map(\.0)
        self.rows = records.map { record in Row(cells: columns.map { $0.1(record) }) }
        self.none = none
    }

    static func exitPlans(_ plans: [ExitPlan]) -> RecordTable {
        RecordTable(
            plans,
            none: "No exit plan recorded.",
            columns: [
                ("Move to", \.target),
                ("Contractual bound", { $0.contractualBoundDays.map { "\($0) days" } ?? "not stated" }),
                ("Reviewed", { $0.lastReviewed.map(RegisterFormat.day) ?? "—" }),
            ]
        )
    }

    static func drills(_ drills: [ExitDrill]) -> RecordTable {
        RecordTable(
            drills,
            none: "No exit drill recorded.",
            columns: [
                ("Drill", \.kind.rawValue), ("Started", { RegisterFormat.day($0.startedAt) }),
                ("Took", { d in RegisterFormat.hours(d.completedAt.map { $0.timeIntervalSince(d.startedAt) / 3600 }) }),
                ("Service loss", { "\($0.serviceLossMinutes) min" }), ("Result", { $0.passed ? "passed" : "failed" }),
                ("Evidence", { $0.evidence ?? "—" }),
            ]
        )
    }

    static func assurance(_ records: [AssuranceRecord]) -> RecordTable {
        RecordTable(
            records,
            none: "No test recorded.",
            columns: [
                ("Test", \.testType), ("Tester", \.tester), ("Independence", \.independence.rawValue),
                ("Date", { RegisterFormat.day($0.testedAt) }), ("Model version", { $0.modelVersion ?? "—" }),
                ("Result", { $0.passed ? "passed" : "failed" }), ("Report", { $0.report ?? "—" }),
            ]
        )
    }

    static func incidents(_ incidents: [Incident]) -> RecordTable {
        RecordTable(
            incidents,
            none: "No incident recorded.",
            columns: [
                ("Incident", \.id), ("Kind", \.kind.rawValue), ("Detected", { Format.date($0.detectedAt) }),
                (
                    "Time to detect",
                    { i in RegisterFormat.hours(i.occurredAt.map { i.detectedAt.timeIntervalSince($0) / 3600 }) }
                ),
                (
                    "Time to contain",
                    { i in
                        i.containedAt.map { RegisterFormat.hours($0.timeIntervalSince(i.detectedAt) / 3600) }
                            ?? "not contained"
                    }
                ),
                ("Summary", \.summary),
            ]
        )
    }
}
