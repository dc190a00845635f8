import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs CPU-bound work (reading and analysing a contract) on a thread of its own, off Swift's
/// cooperative pool and the server's event loops, so requests keep being answered while it runs.
/// On Linux the thread is niced: the scheduler then gives request handling the cores first.
enum OffThread {
    /// `niced: false` for short work a user waits on (a login's bcrypt), which must not starve
    /// behind running analyses.
    static func run<T: Sendable>(
        niced: Bool = true,
        _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                if niced { lowerPriority() }
                continuation.resume(with: Result { try body() })
            }
            thread.name = "fineprint-analysis"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private static func lowerPriority() {
        #if os(Linux)
        // On Linux a thread is a task of its own, and "process 0" is the calling task: this nices
        // only the analysis thread, not the server's.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
