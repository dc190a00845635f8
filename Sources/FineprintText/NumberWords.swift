/// English number words as they appear in contracts ("thirty (30) days", "twenty-four hours").
public enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "thousand": 1000, "a": 1, "an": 1,
    ]

    /// The value of one number word, or nil. "a"/"an" are not numbers on their own.
    public static func value(of word: String) -> Int? {
        if word == "a" || word == "an" { return nil }
        return units[word]
    }

    /// Reads a number from consecutive tokens starting at `index`: digits, or number words
    /// ("twenty four", "one hundred"), followed optionally by the same number in digits, as in
    /// "thirty (30)". Returns the value and the index after the last token used.
    public static func read(_ tokens: [Token], at index: Int, upTo limit: Int) -> (value: Double, next: Int)? {
        guard index < limit else { return nil }
        if let digits = digitValue(tokens[index].text) {
            return (digits, index + 1)
        }
        var total = 0
        var current = 0
        var i = index
        while i < limit, let v = value(of: tokens[i].text) {
            if v == 100 {
                current = max(current, 1) * 100
            } else if v == 1000 {
                total += max(current, 1) * 1000
                current = 0
            } else {
                current += v
            }
            i += 1
            if i < limit, tokens[i].text == "and", i + 1 < limit, value(of: tokens[i + 1].text) != nil { i += 1 }
        }
        guard i > index else { return nil }
        // "thirty (30)": the digits repeat the words; prefer them.
        if i < limit, let digits = digitValue(tokens[i].text) { return (digits, i + 1) }
        return (Double(total + current), i)
    }

    static func digitValue(_ text: String) -> Double? {
        guard let first = text.unicodeScalars.first, first.value >= 0x30, first.value <= 0x39 else { return nil }
        return Double(String(text.filter { $0 != "," }))
    }
}
