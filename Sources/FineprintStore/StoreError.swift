import Foundation

/// Why the store could not do what was asked. Each description says what to do about it.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotOpen(path: String, detail: String)
    case busy(path: String)
    case full(path: String)
    case readOnly(path: String)
    case corrupt(path: String, detail: String)
    case unknownDocument(sha256: String)
    case failed(detail: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let detail):
            return
                "the database \(path) cannot be opened (\(detail)); check the folder exists and is writable, or choose another with --data-dir"
        case .busy(let path):
            return
                "the database \(path) is locked by another process; wait a moment and try again, or stop the other fineprint process using it"
        case .full(let path):
            return "the disk holding \(path) is full; free some space and try again — nothing was lost"
        case .readOnly(let path):
            return "the database \(path) is read-only; give the server write permission on it and its folder"
        case .corrupt(let path, let detail):
            return
                "the database \(path) is damaged (\(detail)); restore it from a backup or move it aside to start afresh"
        case .unknownDocument(let sha):
            return "no stored document has SHA-256 \(sha); upload the document first"
        case .failed(let detail):
            return "the database failed: \(detail)"
        }
    }
}
