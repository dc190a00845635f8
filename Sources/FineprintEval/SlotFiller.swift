/// Fills the `{slot}` placeholders of one synthetic template: party slots from one style, the others drawn
/// from their lists by a hash of the clause's key and the slot's name (deterministic, no random source).
struct SlotFiller {
    var style: PartyStyle
    var slots: [String: [String]]
    var key: String

    func fill(_ template: String, in fileName: String) throws -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw SyntheticCorpusError("\(fileName): unclosed { in \"\(template)\"")
            }
            let name = String(rest[rest.index(after: open)..<close])
            out += try value(of: name, in: fileName)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return Self.capitalisingSentenceStarts(out)
    }

    func value(of name: String, in fileName: String) throws -> String {
        switch name {
        case "S": return style.S
        case "S_obj": return style.S_obj
        case "S_pos": return style.S_pos
        case "B": return style.B
        case "B_obj": return style.B_obj
        case "B_pos": return style.B_pos
        case "data": return pick(style.data, name)
        default:
            guard let values = slots[name], !values.isEmpty else {
                throw SyntheticCorpusError("\(fileName): unknown slot {\(name)}")
            }
            return pick(values, name)
        }
    }

    func pick(_ values: [String], _ slot: String) -> String {
        values[Int(Self.fnv1a("\(key)|\(slot)") % UInt64(values.count))]
    }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// A slot filled at the start of the clause or after ". " begins a sentence: "the Supplier" → "The Supplier".
    static func capitalisingSentenceStarts(_ s: String) -> String {
        var out = ""
        var capitalise = true
        var previous: Character = " "
        for ch in s {
            if capitalise, ch.isLetter {
                out += ch.uppercased()
                capitalise = false
            } else {
                out.append(ch)
                if !ch.isWhitespace { capitalise = false }
            }
            if ch == " ", previous == "." { capitalise = true }
            previous = ch
        }
        return out
    }
}
