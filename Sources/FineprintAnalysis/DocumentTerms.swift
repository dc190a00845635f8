import FineprintCore
import FineprintReading
import FineprintText

/// What `{class}` steps test in one document: where its defined terms and class phrases occur, and which
/// tokens name the supplier or the buyer (`{supplier}`, `{buyer}`).
struct DocumentTerms {
    let tokens: [Token]
    let reading: DocumentReading
    let context: ClauseContext

    func has(_ name: String, at t: Int) -> Bool {
        switch name {
        case "supplier": return context.partyOf(tokens[t].text, in: reading) == .supplier
        case "buyer": return context.partyOf(tokens[t].text, in: reading) == .buyer
        default: return reading.occurrences[t]?.contains { $0.termClass == name } ?? false
        }
    }

    func next(_ name: String, at t: Int) -> Int {
        reading.occurrences[t]?.first { $0.termClass == name }?.next ?? t + 1
    }
}
