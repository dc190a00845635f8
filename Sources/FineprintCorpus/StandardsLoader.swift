import FineprintStandards
import Foundation

/// Reads the crosswalks in corpus/standards/ (one `fineprint.standard/1` file per standard, named by its id).
public enum StandardsLoader {
    static let folder = "standards"

    /// Every crosswalk in the corpus, sorted by id; none when the corpus has no standards folder.
    public static func load(fromCorpus directory: URL) throws -> [Crosswalk] {
        let url = directory.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        var crosswalks: [Crosswalk] = []
        for file in try CorpusLoader.yamlFiles(directory, folder) {
            let crosswalk: Crosswalk = try CorpusLoader.decode(
                directory,
                folder + "/" + file,
                schema: Crosswalk.schemaId
            )
            let stem = (file as NSString).deletingPathExtension
            guard crosswalk.id == stem else {
                throw CorpusError(
                    file: folder + "/" + file,
                    message: "id '\(crosswalk.id)' does not match the file name (expected '\(stem)')"
                )
            }
            crosswalks.append(crosswalk)
        }
        return crosswalks.sorted { $0.id < $1.id }
    }

    /// Reads one crosswalk file a user wrote (same form as corpus/standards/*.yaml).
    public static func load(fileAt url: URL) throws -> Crosswalk {
        try CorpusLoader.decode(url.deletingLastPathComponent(), url.lastPathComponent, schema: Crosswalk.schemaId)
    }
}
