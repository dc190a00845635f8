import Foundation
import ZIPFoundation

/// Reading a ZIP archive that may be hostile: DOCX files, zipped uploads and shared bundles all come
/// from outside. Every entry is unpacked against a byte budget checked on the bytes themselves (the
/// listed sizes may lie), with its checksum verified, and refused before unpacking when its listed
/// sizes are impossible or beyond the budget.
public struct BoundedZip {
    public let archive: Archive
    private let bytes: Data
    /// The listed entries and where each one's packed bytes lie (`EntryDataRanges`), in the same order.
    private let entries: [Entry]
    private let ranges: [Range<Int>]

    /// Opens ZIP bytes through a temporary file, never through ZIPFoundation's in-memory archive: that
    /// one lets a damaged archive seek past the end of its bytes (a central directory offset beyond the
    /// data) and then traps on the read. A real file answers such a seek with a short read, which
    /// ZIPFoundation reports as an error. The file is unlinked as soon as it is open.
    public init(_ data: Data) throws(ZipReadError) {
        let fm = FileManager.default
        let url = fm.temporaryDirectory.appendingPathComponent("fineprint-zip-\(UUID().uuidString).zip")
        defer { try? fm.removeItem(at: url) }
        do {
            try data.write(to: url)
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAZip
        }
        bytes = data
        entries = Array(archive)
        do {
            ranges = try EntryDataRanges(data, entries: entries.count).ranges
        } catch {
            throw .refused("the archive's directory cannot be read (\(error))")
        }
    }

    /// The size of the archive's bytes: no entry can honestly hold more compressed bytes than this.
    public var archiveBytes: Int { bytes.count }

    public subscript(path: String) -> Entry? { archive[path] }

    /// The entry's bytes, at most `limit` of them; with `maxRatio`, at most that many unpacked bytes
    /// per packed byte as well (entries under 64 KiB are exempt: tiny files compress far).
    public func unpack(_ entry: Entry, limit: UInt64, maxRatio: UInt64? = nil) throws(ZipReadError) -> Data {
        // More compressed bytes than the archive holds would have the inflater read past its end forever.
        guard entry.compressedSize <= UInt64(archiveBytes) else {
            throw .impossibleSize(path: entry.path, claimed: entry.compressedSize, archiveBytes: archiveBytes)
        }
        let size = entry.uncompressedSize
        guard size <= limit else { throw .overBudget(path: entry.path, limit: limit) }
        if let maxRatio {
            let ratio = size / max(entry.compressedSize, 1)
            guard ratio <= maxRatio || size < 64 * 1024 else { throw .compressionRatio(path: entry.path, ratio: ratio) }
        }
        return try inflate(entry, limit: limit)
    }

    /// Unpacks from the entry's own packed bytes only: a deflate stream that has not ended when they run out
    /// is damaged (ZIPFoundation's `extract` would read on and, at the archive's end, never return).
    private func inflate(_ entry: Entry, limit: UInt64) throws(ZipReadError) -> Data {
        guard let index = entries.firstIndex(of: entry) else { throw .damaged(path: entry.path, reason: "not listed") }
        guard ranges[index].upperBound <= bytes.count else {
            throw .damaged(path: entry.path, reason: "its packed bytes run past the end of the archive")
        }
        // The ranges count from the archive's first byte; `bytes` may be a slice whose indices do not.
        let range = ranges[index]
        let packed = bytes.subdata(in: (bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound))
        var out = Data()
        let checksum: CRC32
        do {
            if entry.isCompressed {
                out.reserveCapacity(Int(min(entry.uncompressedSize, limit, 1 << 24)))
                checksum = try Data.decompress(
                    size: Int64(packed.count),
                    bufferSize: 64 * 1024,
                    skipCRC32: false,
                    provider: { position, size in
                        guard position < packed.count else { throw StreamNotEnded() }
                        return packed.subdata(in: Int(position)..<min(Int(position) + size, packed.count))
                    },
                    consumer: { chunk in
                        guard UInt64(out.count + chunk.count) <= limit else { throw BudgetExceeded() }
                        out.append(chunk)
                    }
                )
            } else {
                guard UInt64(packed.count) <= limit else { throw BudgetExceeded() }
                out = packed
                checksum = packed.crc32(checksum: 0)
            }
        } catch is BudgetExceeded {
            throw .overBudget(path: entry.path, limit: limit)
        } catch is StreamNotEnded {
            throw .damaged(path: entry.path, reason: "its compressed data ends before its stream does")
        } catch {
            throw .damaged(path: entry.path, reason: "\(error)")
        }
        guard checksum == entry.checksum else { throw .damaged(path: entry.path, reason: "its checksum fails") }
        return out
    }

    private struct StreamNotEnded: Error {}
    private struct BudgetExceeded: Error {}
}

/// Why an archive or one of its entries was not read.
public enum ZipReadError: Error, Equatable, CustomStringConvertible {
    case notAZip
    case impossibleSize(path: String, claimed: UInt64, archiveBytes: Int)
    case overBudget(path: String, limit: UInt64)
    case compressionRatio(path: String, ratio: UInt64)
    case damaged(path: String, reason: String)
    /// A caller's own rule refused the archive (a path, an entry count, an entry type).
    case refused(String)

    public var description: String {
        switch self {
        case .notAZip: "not a ZIP archive"
        case .impossibleSize(let path, let claimed, let archiveBytes):
            "\(path) claims \(claimed) compressed bytes in a \(archiveBytes)-byte archive"
        case .overBudget(let path, let limit): "\(path) unpacks to more than \(limit) bytes; possibly a zip bomb"
        case .compressionRatio(let path, let ratio): "\(path) is compressed \(ratio):1; possibly a zip bomb"
        case .damaged(let path, let reason): "\(path) is damaged: its compression or checksum fails (\(reason))"
        case .refused(let reason): reason
        }
    }
}
