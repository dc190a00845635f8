import Foundation

/// Where the repository and the data beside it are, found from this file's own path.
public enum RepositoryPaths {
    /// The repository root (this file is Tests/FineprintTestSupport/RepositoryPaths.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The bundled corpus.
    public static let corpus = root.appendingPathComponent("corpus")
    /// The fixtures we wrote: Tests/Fixtures.
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    /// Tests/Fixtures/contracts.
    public static let contracts = fixtures.appendingPathComponent("contracts")
    /// The shipped model, corpus/models/cuad-model.json.
    public static let shippedModel = corpus.appendingPathComponent("models/cuad-model.json")
    /// Our own label files: eval/labels/vendor-terms.
    public static let vendorTermsLabels = root.appendingPathComponent("eval/labels/vendor-terms")

    /// A folder of ../shared/data beside the repository (cuad, vendor-terms); it may be absent.
    public static func sharedData(_ name: String) -> URL {
        root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(name)
    }

    /// Whether `url` is a folder on this machine: tests on real documents skip without it.
    public static func folderExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
