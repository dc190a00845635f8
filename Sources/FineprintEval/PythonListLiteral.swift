/// CUAD's master_clauses.csv writes each category's clauses as a Python list literal:
/// `['first clause', "second clause with ' quote"]`. This reads one into strings.
enum PythonListLiteral {
    struct SyntaxError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [String] {
        let s = Array(text.unicodeScalars)
        var i = 0
        func skipSpace() {
            while i < s.count && (s[i] == " " || s[i] == "\n" || s[i] == "\r" || s[i] == "\t") { i += 1 }
        }
        skipSpace()
        guard i < s.count else { return [] }
        guard s[i] == "[" else { throw SyntaxError(description: "a clause list must start with '['") }
        i += 1
        var items: [String] = []
        while true {
            skipSpace()
            guard i < s.count else { throw SyntaxError(description: "unterminated clause list") }
            if s[i] == "]" { return items }
            if s[i] == "," {
                i += 1
                continue
            }
            let quote = s[i]
            guard quote == "'" || quote == "\"" else {
                throw SyntaxError(description: "expected a quoted clause at \(i)")
            }
            i += 1
            var item = String.UnicodeScalarView()
            while true {
                guard i < s.count else { throw SyntaxError(description: "unterminated string") }
                let c = s[i]
                if c == "\\" && i + 1 < s.count {
                    let e = s[i + 1]
                    switch e {
                    case "n": item.append("\n")
                    case "t": item.append("\t")
                    case "r": item.append("\r")
                    case "x" where i + 3 < s.count:
                        let hex = String(String.UnicodeScalarView(s[(i + 2)...(i + 3)]))
                        if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { item.append(u) }
                        i += 2
                    default: item.append(e)
                    }
                    i += 2
                    continue
                }
                if c == quote {
                    i += 1
                    break
                }
                item.append(c)
                i += 1
            }
            items.append(String(item))
        }
    }
}
