import Foundation

/// A URL query or form body as browsers encode it (`+` for space, percent escapes).
struct FormFields {
    private var pairs: [(String, String)] = []

    init(_ encoded: String?) {
        guard let encoded else { return }
        for item in encoded.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            pairs.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    /// The first non-empty value of `name`.
    subscript(_ name: String) -> String? {
        pairs.first { $0.0 == name && !$0.1.isEmpty }?.1
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    /// Analysis ids from repeated fields (`ids=1&ids=2`) or a comma list (`ids=1,2`).
    func ids(_ name: String) throws -> [Int64] {
        try all(name).flatMap { $0.split(separator: ",") }.map { raw in
            guard let id = Int64(raw.trimmingCharacters(in: .whitespaces)) else {
                throw WebError.badRequest(
                    "'\(raw)' is not an analysis number.",
                    hint: "Choose analyses from the history."
                )
            }
            return id
        }
    }

    func int(_ name: String) throws -> Int? {
        guard let raw = self[name] else { return nil }
        guard let value = Int(raw) else {
            throw WebError.badRequest("'\(raw)' is not a number (\(name)).", hint: "Give a whole number.")
        }
        return value
    }
}
