import Foundation

/// One part of a `multipart/form-data` body: the field name, the file name a browser gave it
/// (nil for a plain field) and its bytes.
public struct FormPart: Sendable, Equatable {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var body: Data

    public init(name: String, filename: String? = nil, contentType: String? = nil, body: Data) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }
}

/// What one form may hold. Every count and size is bounded so that no body can make the reader
/// allocate or loop without limit.
public struct MultipartLimits: Sendable {
    /// Parts in one body.
    public var maxParts = 64
    /// Header lines in one part.
    public var maxHeadersPerPart = 16
    /// Bytes of one part's header block (all its lines).
    public var maxHeaderBytes = 8 * 1024
    /// Bytes of one file part.
    public var maxFileBytes: Int
    /// Bytes of one plain field (a part without a file name).
    public var maxFieldBytes = 64 * 1024
    /// Fields that hold a file even when sent without a file name (`curl -F 'file=<a.txt'`):
    /// they have the file limit, not the field limit.
    public var fileFieldNames: Set<String> = []

    public init(maxFileBytes: Int) { self.maxFileBytes = maxFileBytes }
}

/// Why a body is not a form we accept. The description is one line a person can act on.
public enum MultipartError: Error, Equatable, Sendable, CustomStringConvertible {
    case notMultipart
    case badBoundary
    case malformed(String)
    case tooManyParts(limit: Int)
    case headersTooLarge
    case fileTooLarge(name: String, limit: Int)
    case fieldTooLarge(name: String, limit: Int)

    public var description: String {
        switch self {
        case .notMultipart: return "The request is not a multipart/form-data upload."
        case .badBoundary: return "The form's boundary is missing or not valid."
        case .malformed(let why): return "The upload was cut off or is not a well-formed form (\(why))."
        case .tooManyParts(let limit): return "The form has more than \(limit) parts."
        case .headersTooLarge: return "A part of the form has too many or too long headers."
        case .fileTooLarge(let name, let limit): return "\(name) is larger than the limit of \(limit) bytes."
        case .fieldTooLarge(let name, let limit): return "The form field '\(name)' is longer than \(limit) bytes."
        }
    }
}

/// A bounded reader of `multipart/form-data` bodies (RFC 7578 over RFC 2046 framing): CRLF line
/// breaks, a boundary of 1–70 characters, part headers bounded in count and size, and
/// Content-Disposition's `name`, `filename` and `filename*`. It reads a collected body in one
/// pass (the delimiter search is linear) and never traps on any input: every malformed body is a
/// `MultipartError`.
public enum MultipartForm {
    /// The boundary parameter of a `multipart/form-data` content type, unquoted.
    public static func boundary(fromContentType contentType: String) throws -> String {
        let parameters = HeaderParameters.parse(contentType)
        guard parameters.value.lowercased() == "multipart/form-data" else { throw MultipartError.notMultipart }
        guard let boundary = parameters["boundary"], isValidBoundary(boundary) else {
            throw MultipartError.badBoundary
        }
        return boundary
    }

    /// RFC 2046: 1 to 70 characters from a restricted ASCII set, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".utf8)
        let bytes = Array(boundary.utf8)
        return (1...70).contains(bytes.count) && bytes.allSatisfy(allowed.contains) && bytes.last != 0x20
    }

    /// The parts of `body`, in order.
    public static func parse(_ body: Data, boundary: String, limits: MultipartLimits) throws -> [FormPart] {
        guard isValidBoundary(boundary) else { throw MultipartError.badBoundary }
        var scanner = MultipartScanner(bytes: [UInt8](body), boundary: Array(boundary.utf8))
        try scanner.skipPreamble()
        var parts: [FormPart] = []
        while try !scanner.atCloseDelimiter() {
            guard parts.count < limits.maxParts else { throw MultipartError.tooManyParts(limit: limits.maxParts) }
            let headers = try scanner.readHeaders(limits: limits)
            let part = try PartHeaders.part(from: headers)
            let isFile = part.filename != nil || limits.fileFieldNames.contains(part.name)
            let limit = isFile ? limits.maxFileBytes : limits.maxFieldBytes
            let range = try scanner.readBody()
            if range.count > limit {
                throw isFile
                    ? MultipartError.fileTooLarge(name: part.filename ?? part.name, limit: limit)
                    : MultipartError.fieldTooLarge(name: part.name, limit: limit)
            }
            parts.append(
                FormPart(
                    name: part.name,
                    filename: part.filename,
                    contentType: part.contentType,
                    body: Data(scanner.bytes[range])
                )
            )
        }
        return parts
    }
}

/// The byte-level framing: delimiter search, header block, transport padding.
struct MultipartScanner {
    let bytes: [UInt8]
    /// `CRLF--boundary`: what ends every part body.
    let delimiter: [UInt8]
    let search: KMPSearch
    var position = 0

    init(bytes: [UInt8], boundary: [UInt8]) {
        self.bytes = bytes
        self.delimiter = [0x0D, 0x0A, 0x2D, 0x2D] + boundary
        self.search = KMPSearch(pattern: delimiter)
    }

    /// Moves past any preamble to just after the first `--boundary`.
    mutating func skipPreamble() throws {
        let opening = Array(delimiter.dropFirst(2))
        if bytes.starts(with: opening) {
            position = opening.count
            return
        }
        guard let start = search.firstIndex(in: bytes, from: 0) else {
            throw MultipartError.malformed("no boundary line")
        }
        position = start + delimiter.count
    }

    /// After a delimiter: `--` closes the form, otherwise padding and CRLF open a part.
    mutating func atCloseDelimiter() throws -> Bool {
        if hasPrefix([0x2D, 0x2D], at: position) { return true }
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard hasPrefix([0x0D, 0x0A], at: position) else {
            throw MultipartError.malformed("a boundary line does not end in CRLF")
        }
        position += 2
        return false
    }

    /// The header lines of one part, up to the blank line, within the limits.
    mutating func readHeaders(limits: MultipartLimits) throws -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        let blockStart = position
        while !hasPrefix([0x0D, 0x0A], at: position) {
            guard headers.count < limits.maxHeadersPerPart else { throw MultipartError.headersTooLarge }
            guard let end = lineEnd(from: position, within: blockStart + limits.maxHeaderBytes) else {
                throw position >= bytes.count || bytes.count < blockStart + limits.maxHeaderBytes
                    ? MultipartError.malformed("a part's headers are cut off")
                    : MultipartError.headersTooLarge
            }
            headers.append(try HeaderLine.parse(bytes[position..<end]))
            position = end + 2
        }
        position += 2
        return headers
    }

    /// The range of the part body, moving past the delimiter that ends it.
    mutating func readBody() throws -> Range<Int> {
        guard let end = search.firstIndex(in: bytes, from: position) else {
            throw MultipartError.malformed("a part has no closing boundary")
        }
        let range = position..<end
        position = end + delimiter.count
        return range
    }

    /// The index of the next CRLF at or after `start`, if it begins before `limit`.
    func lineEnd(from start: Int, within limit: Int) -> Int? {
        var index = start
        let stop = min(bytes.count - 1, limit)
        while index < stop {
            if bytes[index] == 0x0D && bytes[index + 1] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index <= bytes.count - prefix.count else { return false }
        return bytes[index..<(index + prefix.count)].elementsEqual(prefix)
    }
}

/// Knuth–Morris–Pratt search: linear in the text whatever the pattern and the text hold, so a
/// body full of near-boundaries costs no more than any other.
struct KMPSearch {
    let pattern: [UInt8]
    let failure: [Int]

    init(pattern: [UInt8]) {
        self.pattern = pattern
        var failure = [Int](repeating: 0, count: pattern.count)
        var k = 0
        for i in pattern.indices.dropFirst() {
            while k > 0 && pattern[i] != pattern[k] { k = failure[k - 1] }
            if pattern[i] == pattern[k] { k += 1 }
            failure[i] = k
        }
        self.failure = failure
    }

    /// The start of the first occurrence of the pattern at or after `start`.
    func firstIndex(in text: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty else { return nil }
        var k = 0
        var i = max(start, 0)
        while i < text.count {
            while k > 0 && text[i] != pattern[k] { k = failure[k - 1] }
            if text[i] == pattern[k] { k += 1 }
            if k == pattern.count { return i - k + 1 }
            i += 1
        }
        return nil
    }
}
