import FineprintCore
import FineprintZip
import Foundation
import ZIPFoundation

/// The files of one upload as a job takes them: each file as sent, except that a `.zip` (a folder
/// the user zipped) is replaced by the contracts inside it. Unpacking is bounded, since an archive
/// may be built to exhaust the server: entries, each entry's and the total unpacked size, and the
/// ratio of unpacked to packed bytes.
struct UploadBundle {
    struct Limits {
        /// The most files one job analyses.
        var files = 50
        /// The most entries an archive may list (folders and skipped files included).
        var archiveEntries = 1000
        /// The largest file, as for a single upload.
        var fileBytes: Int
        /// The most bytes all files of one job unpack to.
        var totalBytes: Int
        /// The most an entry may unpack to per packed byte; far beyond what text and documents reach.
        var ratio = 200
    }

    let limits: Limits

    init(maxUploadBytes: Int) {
        limits = Limits(fileBytes: maxUploadBytes, totalBytes: maxUploadBytes * 4)
    }

    /// The contracts to analyse, in upload order (an archive's in its listed order).
    func files(_ uploads: [JobUpload]) throws -> [JobUpload] {
        var files: [JobUpload] = []
        for upload in uploads {
            if Self.isArchive(upload.name) {
                files += try unpack(upload)
            } else {
                files.append(upload)
            }
            try checkTotals(files)
        }
        guard !files.isEmpty else {
            throw WebError.badRequest(
                "The archive holds no contract files.",
                hint: "Zip a folder of .txt, .md, .html, .pdf or .docx files, or upload the files themselves."
            )
        }
        return files
    }

    static func isArchive(_ name: String) -> Bool { (name as NSString).pathExtension.lowercased() == "zip" }

    private func checkTotals(_ files: [JobUpload]) throws {
        guard files.count <= limits.files else {
            throw WebError.badRequest(
                "One upload may hold at most \(limits.files) contracts.",
                hint: "Upload the files in several batches."
            )
        }
        let total = files.reduce(0) { $0 + $1.bytes.count }
        guard total <= limits.totalBytes else {
            throw WebError(
                .contentTooLarge,
                title: "Upload too large",
                message: "The files of this upload come to more than \(limits.totalBytes) bytes.",
                hint: "Upload the files in several batches."
            )
        }
    }

    private func unpack(_ upload: JobUpload) throws -> [JobUpload] {
        var files: [JobUpload] = []
        var total = 0
        do {
            let zip = try BoundedZip(upload.bytes)
            for (index, entry) in zip.archive.enumerated() {
                guard index < limits.archiveEntries else {
                    throw unreadable(upload.name, "it lists more than \(limits.archiveEntries) entries")
                }
                guard entry.type == .file, let name = Self.contractName(entry.path) else { continue }
                // The ratio bounds the bytes actually unpacked, small entries included, whatever the sizes listed.
                let packed = max(entry.compressedSize, 1)
                let budget = min(UInt64(limits.fileBytes), packed * UInt64(limits.ratio))
                let bytes = try zip.unpack(entry, limit: budget)
                total += bytes.count
                guard total <= limits.totalBytes else {
                    throw unreadable(upload.name, "it unpacks to more than \(limits.totalBytes) bytes")
                }
                files.append(JobUpload(name: name, bytes: bytes))
                guard files.count <= limits.files else {
                    throw unreadable(upload.name, "it holds more than \(limits.files) contracts")
                }
            }
        } catch let error as ZipReadError {
            throw unreadable(upload.name, "\(error)")
        }
        return files
    }

    /// The file name to analyse an entry under, or nil for what is not a contract (folders' system
    /// files, hidden files, other extensions).
    static func contractName(_ path: String) -> String? {
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        guard let last = parts.last, !parts.contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" }) else {
            return nil
        }
        let ext = (String(last) as NSString).pathExtension.lowercased()
        guard UploadForm.allowedExtensions.contains(ext) else { return nil }
        return String(last).filter { !$0.isNewline && $0 != "\0" }
    }

    private func unreadable(_ name: String, _ reason: String) -> WebError {
        WebError(
            .unprocessableContent,
            title: "Archive not accepted",
            message: "\(name) cannot be unpacked: \(reason).",
            hint: "Zip an ordinary folder of contract files, or upload the files themselves."
        )
    }
}
