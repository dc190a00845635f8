import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn`, its standard input from /dev/null and its standard output and error
/// written to files. Foundation's `Process` is not used: on Linux it can crash the whole program while it starts a
/// child (swift-corelibs-foundation #5472, a read past a directory buffer), and the fuzz run found that crash here.
struct ChildProcess {
    let pid: pid_t

    enum Failure: Error {
        case cannotStart(Int32)
    }

    /// Starts `executable` with `arguments`; standard output goes to `output` (nil: discarded) and standard error to
    /// `errors` (nil: with the output).
    static func start(
        _ executable: String,
        _ arguments: [String],
        output: String?,
        errors: String?
    ) throws(Failure)
        -> ChildProcess
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let written = O_WRONLY | O_CREAT | O_TRUNC
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", written, 0o600)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, written, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw .cannotStart(status) }
        return ChildProcess(pid: pid)
    }

    /// Waits for the child for at most `timeout` seconds: its exit status (128 + the signal when a signal ended it),
    /// or nil when the time ran out, the child then killed and reaped.
    func wait(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return Self.exitCode(status) }
            if reaped < 0 && errno != EINTR { return -1 }
            if Date() >= deadline { break }
            usleep(5_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return nil
    }

    /// The exit code in a `waitpid` status, or 128 + the signal that ended the child.
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
