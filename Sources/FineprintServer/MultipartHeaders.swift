import Foundation

/// One header line of a part: a token name (ASCII only, so a byte over 0x7F is refused here, not
/// used to index anything) and its value as UTF-8.
enum HeaderLine {
    static func parse(_ line: ArraySlice<UInt8>) throws -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: 0x3A) else {
            throw MultipartError.malformed("a part header has no colon")
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw MultipartError.malformed("a part header name is not a plain ASCII word")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// RFC 9110 `tchar`: visible ASCII except separators.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        return !"\"(),/:;<=>?@[\\]{}".utf8.contains(byte)
    }
}

/// The Content-Disposition and Content-Type of one part.
enum PartHeaders {
    static func part(from headers: [(name: String, value: String)]) throws -> FormPart {
        guard let disposition = headers.first(where: { $0.name.lowercased() == "content-disposition" }) else {
            throw MultipartError.malformed("a part has no Content-Disposition")
        }
        let parameters = HeaderParameters.parse(disposition.value)
        guard parameters.value.lowercased() == "form-data", let name = parameters["name"] else {
            throw MultipartError.malformed("a part is not a named form-data field")
        }
        let filename = parameters["filename*"].flatMap(extendedValue) ?? parameters["filename"]
        let contentType = headers.first(where: { $0.name.lowercased() == "content-type" })?.value
        return FormPart(name: name, filename: filename, contentType: contentType, body: Data())
    }

    /// An RFC 8187 extended value, `charset'language'percent-encoded`, in UTF-8 or ISO-8859-1.
    static func extendedValue(_ raw: String) -> String? {
        let pieces = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, let bytes = percentDecoded(Array(pieces[2].utf8)) else { return nil }
        switch pieces[0].lowercased() {
        case "utf-8": return String(bytes: bytes, encoding: .utf8)
        case "iso-8859-1": return String(bytes: bytes, encoding: .isoLatin1)
        default: return nil
        }
    }

    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25 {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// A header value with `; key=value` parameters (values plain or quoted). Keys are compared
/// without case; the first of a repeated key wins.
struct HeaderParameters {
    var value: String
    var parameters: [String: String]

    subscript(key: String) -> String? { parameters[key] }

    static func parse(_ header: String) -> HeaderParameters {
        let bytes = Array(header.utf8)
        var index = 0
        let value = readUntil(bytes, &index, stop: 0x3B)
        var parameters: [String: String] = [:]
        while index < bytes.count {
            index += 1  // the ';'
            let key = readUntil(bytes, &index, stop: 0x3B, orEquals: true).lowercased()
            var item = ""
            if index < bytes.count, bytes[index] == 0x3D {
                index += 1
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                item =
                    index < bytes.count && bytes[index] == 0x22
                    ? readQuoted(bytes, &index) + readUntil(bytes, &index, stop: 0x3B)
                    : readUntil(bytes, &index, stop: 0x3B)
            }
            if !key.isEmpty, parameters[key] == nil { parameters[key] = item }
        }
        return HeaderParameters(value: value, parameters: parameters)
    }

    /// Bytes up to `stop` (or `=`), trimmed; leaves `index` on the stop byte.
    static func readUntil(_ bytes: [UInt8], _ index: inout Int, stop: UInt8, orEquals: Bool = false) -> String {
        let start = index
        while index < bytes.count, bytes[index] != stop, !(orEquals && bytes[index] == 0x3D) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// A quoted string from its opening quote; `\"` and `\\` are escapes, any other backslash is
    /// kept (a Windows path a browser sends must survive). An unclosed quote runs to the end.
    static func readQuoted(_ bytes: [UInt8], _ index: inout Int) -> String {
        var out: [UInt8] = []
        index += 1
        while index < bytes.count, bytes[index] != 0x22 {
            if bytes[index] == 0x5C, index + 1 < bytes.count, bytes[index + 1] == 0x22 || bytes[index + 1] == 0x5C {
                index += 1
            }
            out.append(bytes[index])
            index += 1
        }
        if index < bytes.count { index += 1 }
        return String(decoding: out, as: UTF8.self)
    }
}
