import Foundation

/// Small text checks the knowledge validator needs: ids, country codes, ISO dates and quotations.
enum KnowledgeText {
    static func isWellFormedId(_ id: String, allowHyphen: Bool) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { s in
                ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "_" || (allowHyphen && s == "-")
            }
    }

    static func isCountryCode(_ code: String) -> Bool {
        code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// The longest passage between double quotation marks (straight or typographic), by word count.
    static func longestQuotation(in text: String) -> (text: String, words: Int)? {
        var best: (text: String, words: Int)?
        var current: String?
        for ch in text {
            let isOpen = ch == "“" || (ch == "\"" && current == nil)
            let isClose = ch == "”" || (ch == "\"" && current != nil)
            if current != nil && isClose {
                let words = wordCount(current!)
                if words > (best?.words ?? 0) { best = (current!, words) }
                current = nil
            } else if isOpen {
                current = ""
            } else if current != nil {
                current!.append(ch)
            }
        }
        return best
    }
}

/// Calendar dates written as YYYY-MM-DD; such strings compare correctly as text.
enum ISODate {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Whole days from `earlier` to `later`, both ISO dates; nil when either is not one.
    static func days(from earlier: String, to later: String) -> Int? {
        guard let a = date(earlier), let b = date(later) else { return nil }
        return utcCalendar.dateComponents([.day], from: a, to: b).day
    }

    static func date(_ text: String) -> Date? {
        guard isValid(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return utcCalendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
