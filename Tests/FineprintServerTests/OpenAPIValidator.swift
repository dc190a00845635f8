import Foundation
import OpenAPIKit

/// Checks JSON responses against the schemas of the served OpenAPI document, parsed and
/// dereferenced by OpenAPIKit: types, required properties, enums and nested items.
/// Immutable after init, so sharing it between test tasks is safe.
struct OpenAPIValidator: @unchecked Sendable {
    let document: DereferencedDocument

    init(data: Data) throws {
        let raw = try JSONDecoder().decode(OpenAPI.Document.self, from: data)
        document = try raw.locallyDereferenced()
    }

    /// The schema of the JSON body of `status` for the operation at `path` and `method`.
    func schema(path: String, method: OpenAPI.HttpMethod, status: Int) throws -> DereferencedJSONSchema {
        guard let item = document.paths[OpenAPI.Path(rawValue: path)] else {
            throw Problem("no path \(path) in the document")
        }
        guard let operation = item[method] else { throw Problem("no \(method) operation at \(path)") }
        guard let response = operation.responses[OpenAPI.Response.StatusCode(integerLiteral: status)] else {
            throw Problem("\(method) \(path) documents no \(status) response")
        }
        guard let schema = response.content[.json]?.schema else {
            throw Problem("\(method) \(path) \(status) has no JSON schema")
        }
        return schema
    }

    /// Every way `value` breaks `schema`, as paths with a reason; empty when valid.
    func problems(_ value: JSONValue, against schema: DereferencedJSONSchema, at path: String = "$") -> [String] {
        if case .null = value {
            if schema.nullable { return [] }
            if case .null = schema { return [] }
            return ["\(path): null where a value is required"]
        }
        var out: [String] = []
        if let allowed = schema.allowedValues, case .string(let s) = value {
            let strings = allowed.compactMap { $0.value as? String }
            if !strings.isEmpty, !strings.contains(s) { out.append("\(path): '\(s)' is not one of \(strings)") }
        }
        switch (schema, value) {
        case (.object(_, let context), .object(let object)):
            for key in context.requiredProperties where object[key] == nil {
                out.append("\(path): missing required '\(key)'")
            }
            for (key, sub) in context.properties {
                if let v = object[key] { out += problems(v, against: sub, at: "\(path).\(key)") }
            }
        case (.array(_, let context), .array(let array)):
            if let items = context.items {
                for (i, v) in array.enumerated() { out += problems(v, against: items, at: "\(path)[\(i)]") }
            }
        case (.string, .string), (.integer, .integer), (.number, .integer), (.number, .number), (.boolean, .bool):
            break
        case (.one(of: let options, _), _), (.any(of: let options, _), _):
            if !options.contains(where: { problems(value, against: $0, at: path).isEmpty }) {
                out.append("\(path): matches none of the alternatives")
            }
        case (.all(of: let parts, _), _):
            for part in parts { out += problems(value, against: part, at: path) }
        case (.not, _), (.fragment, _):
            break
        default:
            out.append(
                "\(path): \(value.typeName) where the schema wants \(schema.jsonTypeFormat?.jsonType.rawValue ?? "something else")"
            )
        }
        return out
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A JSON value that keeps booleans, integers and other numbers apart.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
