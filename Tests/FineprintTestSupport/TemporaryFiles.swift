import Foundation

/// Fresh folders and files under the system's temporary directory, one per test.
public enum TemporaryFiles {
    /// A new empty folder whose name starts with `prefix`.
    public static func folder(_ prefix: String = "fineprint-test") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `text` as UTF-8 to `name` in `folder` (creating subfolders the name has) and returns its URL.
    @discardableResult
    public static func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: url)
        return url
    }
}
