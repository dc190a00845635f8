import Foundation

/// Where each entry's packed bytes lie in the archive, read from the central directory and the local headers
/// in the order ZIPFoundation lists the entries. ZIPFoundation's own inflater on Linux reads on past an
/// entry's packed size until the deflate stream ends, and loops forever when the archive ends first (a
/// truncated or forged stream); with the exact range, the inflater is fed only these bytes and a stream that
/// does not end within them is an error.
struct EntryDataRanges {
    let ranges: [Range<Int>]

    enum Failure: Error {
        case unreadable(String)
    }

    /// `bytes` may be a slice: offsets count from its first byte, and it is read in place, not copied.
    init(_ bytes: Data, entries: Int) throws(Failure) {
        guard let end = Self.endOfCentralDirectory(bytes) else { throw .unreadable("no end of central directory") }
        var offset = Int(Self.u32(bytes, end + 16))
        var ranges: [Range<Int>] = []
        for _ in 0..<entries {
            guard offset + 46 <= bytes.count, Self.u32(bytes, offset) == 0x0201_4b50 else {
                throw .unreadable("a central directory record is missing")
            }
            let packed = Int(Self.u32(bytes, offset + 20))
            let local = Int(Self.u32(bytes, offset + 42))
            // ZIP64 sizes and offsets live in an extra field this reader does not follow.
            guard packed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { throw .unreadable("ZIP64 entries are not read") }
            ranges.append(try Self.dataRange(bytes, localHeader: local, packed: packed))
            offset +=
                46 + Int(Self.u16(bytes, offset + 28)) + Int(Self.u16(bytes, offset + 30))
                + Int(Self.u16(bytes, offset + 32))
        }
        self.ranges = ranges
    }

    private static func dataRange(_ bytes: Data, localHeader: Int, packed: Int) throws(Failure) -> Range<Int> {
        guard localHeader + 30 <= bytes.count, u32(bytes, localHeader) == 0x0403_4b50 else {
            throw .unreadable("a local header is missing")
        }
        let start = localHeader + 30 + Int(u16(bytes, localHeader + 26)) + Int(u16(bytes, localHeader + 28))
        // Whether the range fits the archive is the unpacking's question: it names the entry.
        return start..<(start + packed)
    }

    /// The end-of-central-directory record: the last signature within the 22-byte record and its comment.
    private static func endOfCentralDirectory(_ bytes: Data) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        return stride(from: bytes.count - 22, through: lowest, by: -1).first { u32(bytes, $0) == 0x0605_4b50 }
    }

    private static func u16(_ b: Data, _ i: Int) -> UInt16 {
        let at = b.startIndex + i
        return UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }

    private static func u32(_ b: Data, _ i: Int) -> UInt32 {
        let at = b.startIndex + i
        return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
