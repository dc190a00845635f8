import Foundation

/// One XML parse at a time in the whole program. On Linux FoundationXML is libxml2, whose global state is not safe for
/// two parsers at once: the fuzz run crashed (SIGSEGV in `strlen`, on the Word namespace) while DOCX parts were parsed
/// in parallel. Every `XMLParser` of Fineprint parses inside this lock.
public enum XMLParsingLock {
    private static let lock = NSLock()

    public static func run<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
