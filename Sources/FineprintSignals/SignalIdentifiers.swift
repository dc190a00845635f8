import Foundation

/// The hard identifiers an item carries in its id, link, title or summary: CELEX numbers, ELI addresses, Federal
/// Register document numbers and citations, RINs and docket ids. Two items sharing one are about the same act.
public enum SignalIdentifiers {
    private static let patterns: [(scheme: String, regex: String, group: Int)] = [
        ("celex", #"(?i)CELEX[:%3A ]+\s*([0-9][0-9]{4}[A-Z]{1,2}[0-9]{4}(?:\([0-9]+\))?)"#, 1),
        (
            "eli",
            #"(?i)/eli/((?:reg|dir|dec|reg_impl|reg_del|dir_impl|dec_impl|uksi|ukpga|asp|wsi|nisr)/[0-9]{4}/[0-9a-z]+)"#,
            1
        ),
        ("act", #"(?i)\b((?:Regulation|Directive|Decision)) \((?:EU|EC|EEC)\) (?:No )?([0-9]{4}/[0-9]{1,4})"#, 0),
        ("fr", #"\b(?:FR Doc\.? ?|documents/)((?:19|20)[0-9]{2}-[0-9]{4,5})\b"#, 1),
        ("rin", #"\bRIN[: ]+([0-9]{4}-[A-Z]{2}[0-9]{2})\b"#, 1),
        ("docket", #"\b([A-Z]{2,6}-(?:19|20)[0-9]{2}-[0-9]{4})(?:-[0-9]{4})?\b"#, 1),
    ]

    /// Every identifier in `texts`, as `scheme:value`, sorted and without repeats.
    public static func find(in texts: [String]) -> [String] {
        var found = Set<String>()
        for text in texts where !text.isEmpty {
            for p in patterns {
                guard let regex = try? NSRegularExpression(pattern: p.regex) else { continue }
                let range = NSRange(text.startIndex..., in: text)
                for m in regex.matches(in: text, range: range) {
                    guard let r = Range(m.range(at: max(p.group, 1)), in: text) else { continue }
                    if p.scheme == "act", let n = Range(m.range(at: 2), in: text) {
                        found.insert(euAct(kind: String(text[r]), number: String(text[n])))
                        continue
                    }
                    let value = text[r].lowercased()
                    found.insert("\(p.scheme):\(value)")
                    if let act = euAct(from: p.scheme, value) { found.insert(act) }
                }
            }
        }
        return found.sorted()
    }

    /// One key for an EU act however it is written: `eu:reg/2024/1689` from CELEX 32024R1689, ELI reg/2024/1689 or
    /// "Regulation (EU) 2024/1689", so that an Official Journal item meets the knowledge base's source.
    static func euAct(from scheme: String, _ value: String) -> String? {
        switch scheme {
        case "celex":
            let chars = Array(value)
            guard chars.count >= 10, chars[0] == "3" else { return nil }
            let year = String(chars[1...4])
            let type: String
            switch chars[5] {
            case "r": type = "reg"
            case "l": type = "dir"
            case "d": type = "dec"
            default: return nil
            }
            let digits = String(chars[6...9])
            guard let number = Int(digits) else { return nil }
            return "eu:\(type)/\(year)/\(number)"
        case "eli":
            let parts = value.split(separator: "/")
            guard parts.count >= 3, ["reg", "dir", "dec"].contains(String(parts[0])), let number = Int(parts[2])
            else { return nil }
            return "eu:\(parts[0])/\(parts[1])/\(number)"
        default:
            return nil
        }
    }

    static func euAct(kind: String, number: String) -> String {
        let type = ["regulation": "reg", "directive": "dir", "decision": "dec"][kind.lowercased()] ?? "reg"
        let parts = number.split(separator: "/")
        let n = parts.count == 2 ? Int(parts[1]).map(String.init) ?? String(parts[1]) : number
        return "eu:\(type)/\(parts.first ?? "")/\(n)"
    }
}
