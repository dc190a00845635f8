import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import Foundation

/// What every command that analyses needs: the corpus, an analyzer over it, and the chosen playbook.
struct Workbench {
    let corpusURL: URL
    let corpus: Corpus
    let analyzer: Analyzer

    init(corpusPath: String?) throws {
        corpusURL = try CorpusLocator.locate(explicit: corpusPath)
        corpus = try CorpusLoader.load(from: corpusURL)
        analyzer = try Analyzer(corpus: corpus)
    }

    /// The playbook from a user's file, or the bundled one named by `profile`.
    func playbook(profile: String, file: String?) throws -> Playbook {
        if let file {
            let playbook = try CorpusLoader.loadPlaybook(at: URL(fileURLWithPath: file))
            let problems = CorpusValidator.validate(playbook: playbook, in: corpus)
            if !problems.isEmpty {
                throw CLIError("playbook \(file) is not valid: " + problems.map(\.message).joined(separator: "; "))
            }
            return playbook
        }
        guard let playbook = corpus.playbook(profile) else {
            throw CLIError("unknown profile '\(profile)'; the corpus has: "
                           + corpus.playbooks.map(\.id).sorted().joined(separator: ", "))
        }
        return playbook
    }
}

/// An error the CLI reports as one line.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("fineprint: \(message)\n".utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) != 0 }
}
