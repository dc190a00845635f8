/// Builds a String from scalars through a byte buffer. Appending to `String.UnicodeScalarView` one scalar
/// at a time goes through a generic range replacement and was the largest single cost of a diff.
struct UTF8Builder {
    private(set) var bytes: [UInt8] = []
    private(set) var isASCII = true

    init() { bytes.reserveCapacity(32) }

    @inline(__always) mutating func append(_ c: Unicode.Scalar) {
        if c.value < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: c.value))
        } else {
            isASCII = false
            bytes.append(contentsOf: c.utf8)
        }
    }

    mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        isASCII = true
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text lower-cased, for a buffer known to hold ASCII only.
    var lowercasedASCII: String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
