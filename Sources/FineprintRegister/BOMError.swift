/// Why a BOM cannot be imported; each message names the problem and, where it helps, the place.
public enum BOMError: Error, Equatable, CustomStringConvertible {
    case tooLarge(bytes: Int, limit: Int)
    case notJSON(String)
    case notABOM(String)
    case unsupportedVersion(String)
    case tooDeep(limit: Int)
    case tooManyComponents(limit: Int)
    case invalid(String)
    case cycle([String])

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            "the BOM is \(bytes) bytes, over the \(limit)-byte limit"
        case .notJSON(let detail): "the file is not JSON (\(detail))"
        case .notABOM(let detail): "the file is not a CycloneDX or SPDX 3 BOM: \(detail)"
        case .unsupportedVersion(let version):
            "CycloneDX specVersion \(version) is not supported (1.2 to 1.7 are read)"
        case .tooDeep(let limit): "components are nested more than \(limit) levels deep"
        case .tooManyComponents(let limit): "the BOM lists more than \(limit) components and services"
        case .invalid(let detail): "the BOM is not valid: \(detail)"
        case .cycle(let refs): "the dependencies form a cycle: " + refs.joined(separator: " → ")
        }
    }
}
