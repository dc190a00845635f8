import Foundation

/// Dates as feeds write them (RFC 3339 in Atom and JSON Feed, RFC 822 in RSS, plain ISO days in APIs), and the
/// rule for dates that cannot be trusted: none, unparseable or in the future are recorded as anomalies and dropped.
public enum FeedDates {
    /// More than this ahead of the snapshot's time is "in the future" (clocks and time zones differ a little).
    static let futureTolerance: TimeInterval = 36 * 3600

    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return nil }
        for format in formats {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = format
            if let d = f.date(from: t) { return d }
        }
        return nil
    }

    private static let formats = [
        "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd", "yyyy-MM-ddXXXXX",
        "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEE, d MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm Z", "EEE, dd MMM yyyy",
        "dd/MM/yyyy",
    ]

    /// Reads a date field of an item, adding an anomaly when it is unparseable or in the future (then nil).
    static func read(_ text: String?, field: String, now: Date, anomalies: inout [String]) -> Date? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let date = parse(text) else {
            anomalies.append("unparseable \(field) date '\(text.prefix(40))' ignored")
            return nil
        }
        if date.timeIntervalSince(now) > futureTolerance {
            anomalies.append("\(field) date \(text.prefix(40)) is in the future; ignored")
            return nil
        }
        return date
    }

    /// An item's published and updated dates read together (Atom, JSON Feed): either may be missing, the published
    /// date falls back to the updated one, and an item with neither gets a note.
    static func readPair(
        published: String?,
        updated: String?,
        now: Date,
        anomalies: inout [String]
    ) -> (published: Date?, updated: Date?) {
        let p = read(published, field: "published", now: now, anomalies: &anomalies)
        let u = read(updated, field: "updated", now: now, anomalies: &anomalies)
        if p == nil, u == nil { anomalies.append("no usable date; the time it was first seen stands in") }
        return (p ?? u, u)
    }
}

/// A date as the knowledge files write it: `YYYY-MM-DD` in UTC.
public enum SignalDay {
    public static func string(from date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }
}
