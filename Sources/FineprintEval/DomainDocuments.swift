import FineprintCore
import FineprintIngest
import Foundation

/// The out-of-domain documents for the model's domain gate: every readable document under a folder,
/// in path order, leaving out `history/` folders (old versions of the same pages), licence files and
/// documents whose file name is in `excludingFileNames` (held-out documents and their twins).
public enum DomainDocuments {
    public static func read(
        folder: URL,
        excludingFileNames excluded: Set<String>,
        reader: DocumentReader = DocumentReader()
    ) throws -> [ExtractedDocument] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        var urls: [URL] = []
        for case let url as URL in walker {
            if url.lastPathComponent == "history" {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = url.lastPathComponent
            guard !excluded.contains(name), !name.uppercased().hasPrefix("LICENSE"), !name.hasPrefix(".") else {
                continue
            }
            urls.append(url)
        }
        return try urls.sorted { $0.path < $1.path }.map { try reader.read(fileAt: $0) }
    }
}
