import Foundation

/// One XML parse at a time in the whole program. On Linux FoundationXML is libxml2, whose global state its authors do
/// not make safe for two parsers at once (the caller is to serialise), and the web workbench's workers read uploads in
/// parallel. Every `XMLParser` of Fineprint parses inside this lock.
public enum XMLParsingLock {
    private static let lock = NSLock()

    public static func run<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
