import ArgumentParser
import Foundation

/// An error the CLI reports as one line on standard error, with the exit status it carries: 1 when the work
/// failed, 2 when what the user pointed at (a corpus, profile, playbook, store or input list) cannot be used.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }

    /// Runs a step that prepares the work; whatever it throws becomes a one-line error with exit status 2.
    static func setup<T>(_ step: () throws -> T) throws -> T {
        do { return try step() } catch let error as CLIError where error.exitCode == 2 { throw error } catch {
            throw CLIError("\(error)", exitCode: 2)
        }
    }

    /// The one place an error thrown by a command's `run()` becomes its line on standard error and its exit status.
    static func exitCode(reporting error: any Error) -> ExitCode {
        switch error {
        case let code as ExitCode:
            return code
        case let error as CLIError:
            Console.error(error.description)
            return ExitCode(error.exitCode)
        default:
            // argument-parser's own errors (a help request, usage) keep its text and exit status.
            if Fineprint.exitCode(for: error) != .failure { Fineprint.exit(withError: error) }
            Console.error("\(error)")
            return ExitCode(1)
        }
    }
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
