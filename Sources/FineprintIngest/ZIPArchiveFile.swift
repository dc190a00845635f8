import Foundation
import ZIPFoundation

/// Opens ZIP bytes for reading through a file, never through ZIPFoundation's in-memory archive:
/// that one lets a damaged archive seek past the end of its bytes (a central directory offset
/// beyond the data) and then traps on the read. A real file answers such a seek with a short
/// read, which ZIPFoundation reports as an error. The file is unlinked as soon as it is open.
enum ZIPArchiveFile {
    static func open(_ data: Data) throws -> Archive {
        let fm = FileManager.default
        let url = fm.temporaryDirectory.appendingPathComponent("fineprint-zip-\(UUID().uuidString).zip")
        try data.write(to: url)
        defer { try? fm.removeItem(at: url) }
        return try Archive(url: url, accessMode: .read)
    }
}
