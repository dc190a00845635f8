import FineprintZip
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
        do {
            return try readEntries(BoundedZip(data), limits: limits)
        } catch .notAZip {
            throw ShareError.notABundle("not a zip archive")
        } catch .damaged(let path, let reason) {
            throw ShareError.notABundle("\(path) is damaged or was altered: \(reason)")
        } catch {
            throw ShareError.unsafeEntry("\(error)")
        }
    }

    private static func readEntries(_ zip: BoundedZip, limits: Limits) throws(ZipReadError) -> [String: Data] {
        var files: [String: Data] = [:]
        var total = 0
        for (count, entry) in zip.archive.enumerated() {
            guard count < limits.maxEntries else { throw .refused("more than \(limits.maxEntries) entries") }
            let path = entry.path
            // Folder entries (which `zip -r` adds) carry nothing; their names must still be safe.
            if entry.type == .directory, path.hasSuffix("/") {
                try checkPath(String(path.dropLast()))
                continue
            }
            try checkPath(path)
            guard entry.type == .file else { throw .refused("\(path) is a \(entry.type), not a file") }
            guard files[path] == nil else { throw .refused("\(path) appears twice") }
            let limit = min(limits.maxEntryBytes, limits.maxTotalBytes - total)
            let bytes = try zip.unpack(entry, limit: UInt64(limit), maxRatio: UInt64(limits.maxRatio))
            total += bytes.count
            files[path] = bytes
        }
        return files
    }

    static func checkPath(_ path: String) throws(ZipReadError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains(":"),
            !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else { throw .refused("the entry \"\(path)\" points outside the bundle") }
    }
}
