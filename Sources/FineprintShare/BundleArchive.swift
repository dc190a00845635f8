import Foundation
import ZIPFoundation

/// The zip container of a bundle. It is transport only (all trust comes from the envelope), but a
/// hostile zip must not hurt: reading caps the entry count, each entry's and the total size and the
/// compression ratio, and refuses absolute, `..`, duplicate, link and directory-escaping entries.
public enum BundleArchive {
    public struct Limits: Sendable {
        public var maxEntries = 2_000
        public var maxEntryBytes = 64 * 1024 * 1024
        public var maxTotalBytes = 256 * 1024 * 1024
        public var maxRatio = 200
        public init() {}
    }

    /// ZIP stores local times; a fixed one (1 January 1980, the format's first day) keeps bytes equal.
    static let fixedDate: Date = {
        var components = DateComponents()
        (components.year, components.month, components.day) = (1980, 1, 1)
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }()

    /// Entries sorted by path, fixed timestamps and permissions, deflated: the same files give the same bytes.
    public static func write(_ files: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in files.keys.sorted() {
            let data = files[path] ?? Data()
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(data.count),
                modificationDate: fixedDate,
                permissions: 0o644,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw ShareError.notABundle("the archive could not be written") }
        return bytes
    }

    /// Every file of the zip by path, after the safety checks (check 1).
    public static func read(_ data: Data, limits: Limits = Limits()) throws -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ShareError.notABundle("not a zip archive")
        }
        var files: [String: Data] = [:]
        var total = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else {
                throw ShareError.unsafeEntry("more than \(limits.maxEntries) entries")
            }
            let path = entry.path
            // Folder entries (which `zip -r` adds) carry nothing; their names must still be safe.
            if entry.type == .directory, path.hasSuffix("/") {
                try checkPath(String(path.dropLast()))
                continue
            }
            try checkPath(path)
            guard entry.type == .file else { throw ShareError.unsafeEntry("\(path) is a \(entry.type), not a file") }
            guard files[path] == nil else { throw ShareError.unsafeEntry("\(path) appears twice") }
            try checkDeclaredSizes(entry, limits: limits, total: total, archiveBytes: data.count)
            let bytes = try extract(
                entry,
                from: archive,
                limit: min(limits.maxEntryBytes, limits.maxTotalBytes - total)
            )
            total += bytes.count
            files[path] = bytes
        }
        return files
    }

    static func checkPath(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains(":"),
            !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else { throw ShareError.unsafeEntry("the entry \"\(path)\" points outside the bundle") }
    }

    private static func checkDeclaredSizes(_ entry: Entry, limits: Limits, total: Int, archiveBytes: Int) throws {
        // More compressed bytes than the archive holds would have the inflater read past its end and never finish.
        guard entry.compressedSize <= UInt64(archiveBytes) else {
            throw ShareError.unsafeEntry("\(entry.path) claims more compressed bytes than the bundle holds")
        }
        let size = entry.uncompressedSize
        guard size <= UInt64(limits.maxEntryBytes), Int(size) <= limits.maxTotalBytes - total else {
            throw ShareError.unsafeEntry("\(entry.path) would unpack to \(size) bytes, over the limit")
        }
        let ratio = size / max(entry.compressedSize, 1)
        guard ratio <= UInt64(limits.maxRatio) || size < 64 * 1024 else {
            throw ShareError.unsafeEntry("\(entry.path) is compressed \(ratio):1, a zip bomb")
        }
    }

    /// Extracts while counting, so a size field that lies cannot make us unpack more than `limit`.
    private static func extract(_ entry: Entry, from archive: Archive, limit: Int) throws -> Data {
        var bytes = Data()
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else {
                    throw ShareError.unsafeEntry("\(entry.path) unpacks past the size limit")
                }
                bytes.append(chunk)
            }
            // The consumer form returns the CRC-32 without comparing it: a flipped byte must not pass.
            guard checksum == entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
        } catch let error as ShareError {
            throw error
        } catch {
            throw ShareError.notABundle(
                "\(entry.path) is damaged or was altered: its zip checksum or compression fails (\(error))"
            )
        }
        return bytes
    }
}
