import Foundation

/// Finds the bundled corpus: an explicit path, $FINEPRINT_CORPUS, ./corpus, a corpus/ beside or
/// above the executable (a build inside the repository), or share/fineprint/corpus of an install.
public enum CorpusLocator {
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) throws -> URL {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard isCorpus(url) else {
                throw CorpusError(file: explicit, message: "not a corpus folder (no taxonomy.yaml)")
            }
            return url
        }
        if let env = environment["FINEPRINT_CORPUS"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            guard isCorpus(url) else {
                throw CorpusError(file: env, message: "FINEPRINT_CORPUS is not a corpus folder (no taxonomy.yaml)")
            }
            return url
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("corpus")
        if isCorpus(cwd) { return cwd }
        if let executable {
            var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<8 {
                for candidate in [
                    dir.appendingPathComponent("corpus"),
                    dir.appendingPathComponent("share/fineprint/corpus"),
                ] where isCorpus(candidate) {
                    return candidate
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        throw CorpusError(
            file: "corpus",
            message:
                "cannot find the corpus; run from the repository, pass --corpus DIR or set FINEPRINT_CORPUS"
        )
    }

    static func isCorpus(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("taxonomy.yaml").path)
    }
}
