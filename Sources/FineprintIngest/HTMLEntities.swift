/// HTML character references: the named ones contracts use (all of Latin-1, typography, common
/// symbols) and numeric ones. Unknown references are left as written.
enum HTMLEntities {
    /// Decodes the reference starting at `s[p]` (which is "&"). Returns the decoded scalar(s) and
    /// the index after the reference, or nil when it is not a reference.
    static func decode(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> (String, Int)? {
        var i = p + 1
        guard i < limit else { return nil }
        if s[i] == "#" {
            i += 1
            var hex = false
            if i < limit && (s[i] == "x" || s[i] == "X") {
                hex = true
                i += 1
            }
            let digitsStart = i
            var value: UInt32 = 0
            while i < limit && i - digitsStart < 8 {
                let c = s[i].value
                var d: UInt32
                if c >= 0x30 && c <= 0x39 {
                    d = c - 0x30
                } else if hex && c >= 0x61 && c <= 0x66 {
                    d = c - 0x61 + 10
                } else if hex && c >= 0x41 && c <= 0x46 {
                    d = c - 0x41 + 10
                } else {
                    break
                }
                value = value &* (hex ? 16 : 10) &+ d
                i += 1
            }
            guard i > digitsStart else { return nil }
            while i < limit && i - digitsStart < 12 && (s[i].properties.isASCIIHexDigit) { i += 1 }
            if i < limit && s[i] == ";" { i += 1 }
            // Windows-1252 code points written as numbers (&#146;) mean their cp1252 characters.
            if value >= 0x80 && value <= 0x9F { value = TextDecoding.cp1252High[Int(value - 0x80)] }
            if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return ("\u{FFFD}", i) }
            return (String(Unicode.Scalar(value)!), i)
        }
        let nameStart = i
        while i < limit && i - nameStart < 32 {
            let v = s[i].value
            let alpha = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            let digit = v >= 0x30 && v <= 0x39
            guard alpha || (digit && i > nameStart) else { break }
            i += 1
        }
        guard i > nameStart else { return nil }
        let name = String(String.UnicodeScalarView(s[nameStart..<i]))
        let hasSemicolon = i < limit && s[i] == ";"
        guard let value = named[name] else { return nil }
        if !hasSemicolon && !["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(name) { return nil }
        return (String(Unicode.Scalar(value)!), hasSemicolon ? i + 1 : i)
    }

    /// Decodes every reference in a string.
    static func decodeAll(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "&", let (decoded, next) = decode(s, at: i, limit: s.count) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = next
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    static let named: [String: UInt32] = [
        "AElig": 0xC6,
        "Aacute": 0xC1,
        "Acirc": 0xC2,
        "Agrave": 0xC0,
        "Aring": 0xC5,
        "Atilde": 0xC3,
        "Auml": 0xC4,
        "Ccedil": 0xC7,
        "Dagger": 0x2021,
        "ETH": 0xD0,
        "Eacute": 0xC9,
        "Ecirc": 0xCA,
        "Egrave": 0xC8,
        "Euml": 0xCB,
        "Iacute": 0xCD,
        "Icirc": 0xCE,
        "Igrave": 0xCC,
        "Iuml": 0xCF,
        "NewLine": 0xA,
        "Ntilde": 0xD1,
        "OElig": 0x152,
        "Oacute": 0xD3,
        "Ocirc": 0xD4,
        "Ograve": 0xD2,
        "Omega": 0x3A9,
        "Oslash": 0xD8,
        "Otilde": 0xD5,
        "Ouml": 0xD6,
        "Prime": 0x2033,
        "Scaron": 0x160,
        "THORN": 0xDE,
        "Tab": 0x9,
        "Uacute": 0xDA,
        "Ucirc": 0xDB,
        "Ugrave": 0xD9,
        "Uuml": 0xDC,
        "Yacute": 0xDD,
        "Yuml": 0x178,
        "aacute": 0xE1,
        "acirc": 0xE2,
        "acute": 0xB4,
        "aelig": 0xE6,
        "agrave": 0xE0,
        "alpha": 0x3B1,
        "amp": 0x26,
        "apos": 0x27,
        "aring": 0xE5,
        "ast": 0x2A,
        "asymp": 0x2248,
        "atilde": 0xE3,
        "auml": 0xE4,
        "bdquo": 0x201E,
        "beta": 0x3B2,
        "brvbar": 0xA6,
        "bsol": 0x5C,
        "bull": 0x2022,
        "ccedil": 0xE7,
        "cedil": 0xB8,
        "cent": 0xA2,
        "check": 0x2713,
        "circ": 0x2C6,
        "colon": 0x3A,
        "comma": 0x2C,
        "commat": 0x40,
        "copy": 0xA9,
        "curren": 0xA4,
        "dagger": 0x2020,
        "darr": 0x2193,
        "dash": 0x2010,
        "deg": 0xB0,
        "delta": 0x3B4,
        "divide": 0xF7,
        "dollar": 0x24,
        "eacute": 0xE9,
        "ecirc": 0xEA,
        "egrave": 0xE8,
        "emsp": 0x2003,
        "ensp": 0x2002,
        "equals": 0x3D,
        "eth": 0xF0,
        "euml": 0xEB,
        "euro": 0x20AC,
        "excl": 0x21,
        "fnof": 0x192,
        "frac12": 0xBD,
        "frac14": 0xBC,
        "frac34": 0xBE,
        "gamma": 0x3B3,
        "ge": 0x2265,
        "grave": 0x60,
        "gt": 0x3E,
        "harr": 0x2194,
        "hearts": 0x2665,
        "hellip": 0x2026,
        "hyphen": 0x2010,
        "iacute": 0xED,
        "icirc": 0xEE,
        "iexcl": 0xA1,
        "igrave": 0xEC,
        "infin": 0x221E,
        "iquest": 0xBF,
        "iuml": 0xEF,
        "laquo": 0xAB,
        "larr": 0x2190,
        "lcub": 0x7B,
        "ldquo": 0x201C,
        "le": 0x2264,
        "lowbar": 0x5F,
        "loz": 0x25CA,
        "lpar": 0x28,
        "lrm": 0x200E,
        "lsaquo": 0x2039,
        "lsqb": 0x5B,
        "lsquo": 0x2018,
        "lt": 0x3C,
        "macr": 0xAF,
        "mdash": 0x2014,
        "micro": 0xB5,
        "middot": 0xB7,
        "minus": 0x2212,
        "mu": 0x3BC,
        "nbhy": 0x2011,
        "nbsp": 0xA0,
        "ndash": 0x2013,
        "ne": 0x2260,
        "not": 0xAC,
        "ntilde": 0xF1,
        "num": 0x23,
        "oacute": 0xF3,
        "ocirc": 0xF4,
        "oelig": 0x153,
        "ograve": 0xF2,
        "ordf": 0xAA,
        "ordm": 0xBA,
        "oslash": 0xF8,
        "otilde": 0xF5,
        "ouml": 0xF6,
        "para": 0xB6,
        "percnt": 0x25,
        "period": 0x2E,
        "permil": 0x2030,
        "pi": 0x3C0,
        "plus": 0x2B,
        "plusmn": 0xB1,
        "pound": 0xA3,
        "prime": 0x2032,
        "quest": 0x3F,
        "quot": 0x22,
        "raquo": 0xBB,
        "rarr": 0x2192,
        "rcub": 0x7D,
        "rdquo": 0x201D,
        "reg": 0xAE,
        "rlm": 0x200F,
        "rpar": 0x29,
        "rsaquo": 0x203A,
        "rsqb": 0x5D,
        "rsquo": 0x2019,
        "sbquo": 0x201A,
        "scaron": 0x161,
        "sect": 0xA7,
        "semi": 0x3B,
        "shy": 0xAD,
        "sigma": 0x3C3,
        "sol": 0x2F,
        "spades": 0x2660,
        "sup1": 0xB9,
        "sup2": 0xB2,
        "sup3": 0xB3,
        "szlig": 0xDF,
        "thinsp": 0x2009,
        "thorn": 0xFE,
        "tilde": 0x2DC,
        "times": 0xD7,
        "trade": 0x2122,
        "uacute": 0xFA,
        "uarr": 0x2191,
        "ucirc": 0xFB,
        "ugrave": 0xF9,
        "uml": 0xA8,
        "uuml": 0xFC,
        "verbar": 0x7C,
        "vert": 0x7C,
        "yacute": 0xFD,
        "yen": 0xA5,
        "yuml": 0xFF,
        "zwj": 0x200D,
        "zwnj": 0x200C,
    ]
}
