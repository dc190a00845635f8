import Foundation

/// Bytes to text: UTF-8 (a BOM dropped), UTF-16 with a BOM (or unmistakably without one), and
/// legacy 8-bit text read as Windows-1252 so no byte is lost.
enum TextDecoding {
    enum Outcome: Equatable {
        case text(String)
        case binary
        case undecodable(String)
    }

    static func decode(_ data: Data) -> Outcome {
        data.withUnsafeBytes { raw -> Outcome in
            let bytes = raw.bindMemory(to: UInt8.self)
            return decode(bytes)
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let n = bytes.count
        // UTF-8 BOM.
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            let rest = UnsafeBufferPointer(rebasing: bytes[3...])
            if let s = String(validating: rest, as: UTF8.self) {
                return containsNUL(rest) || !looksLikeLegacyText(rest) ? .binary : .text(s)
            }
            return .undecodable("UTF-8")
        }
        // UTF-16 with a BOM.
        if n >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            let little = bytes[0] == 0xFF
            return decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: little)
        }
        if !containsNUL(bytes) {
            guard looksLikeLegacyText(bytes) else { return .binary }
            if let s = String(validating: bytes, as: UTF8.self) { return .text(s) }
            return .text(windows1252(bytes))
        }
        // NUL bytes without a BOM: UTF-16 text whose every other byte is zero, or binary.
        if n >= 4 && n % 2 == 0 {
            var evenZero = 0
            var oddZero = 0
            let sample = min(n, 8192)
            var i = 0
            while i + 1 < sample {
                if bytes[i] == 0 { evenZero += 1 }
                if bytes[i + 1] == 0 { oddZero += 1 }
                i += 2
            }
            let pairs = sample / 2
            if oddZero * 10 >= pairs * 7 && evenZero * 20 < pairs {
                if case .text(let s) = decodeUTF16(bytes, littleEndian: true), looksLikeText(s) { return .text(s) }
            } else if evenZero * 10 >= pairs * 7 && oddZero * 20 < pairs {
                if case .text(let s) = decodeUTF16(bytes, littleEndian: false), looksLikeText(s) { return .text(s) }
            }
        }
        return .binary
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> Outcome {
        guard bytes.count % 2 == 0 else { return .undecodable("UTF-16") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else { return .undecodable("UTF-16") }
        if s.unicodeScalars.contains("\0") { return .binary }
        return .text(s)
    }

    static func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, 0, bytes.count) != nil
    }

    /// Text (UTF-8 or 8-bit): few control characters other than tab, newline, carriage return and form feed.
    static func looksLikeLegacyText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var controls = 0
        for b in bytes where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1A && b != 0x1B {
            controls += 1
        }
        return controls * 100 <= bytes.count
    }

    static func looksLikeText(_ s: String) -> Bool {
        var controls = 0
        var total = 0
        for u in s.unicodeScalars {
            total += 1
            if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" && u != "\u{0C}" { controls += 1 }
        }
        return total > 0 && controls * 100 <= total
    }

    /// Windows-1252: ASCII and Latin-1 as they are, 0x80–0x9F through the code page's table (the
    /// five unassigned bytes become the C1 controls of the same value, as browsers do).
    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var view = String.UnicodeScalarView()
        view.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                view.append(Unicode.Scalar(cp1252High[Int(b - 0x80)])!)
            } else {
                view.append(Unicode.Scalar(b))
            }
        }
        return String(view)
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D,
        0x017E, 0x0178,
    ]
}
