import Foundation
import Hummingbird
import NIOCore

/// An HTML page as a handler's result (the shape of hummingbird-examples' html-form).
struct HTML: ResponseGenerator {
    var body: ByteBuffer
    var status: HTTPResponse.Status = .ok

    init(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    var response: Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// The page with the signed-in user's bar and form tokens filled in (`SessionMarkers`): pages
    /// are rendered, and some cached, without them.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let identity = (context as? WebRequestContext)?.identity
        return HTML(SessionMarkers.fill(body, identity: identity), status: status).response
    }
}

/// JSON bodies of the API, encoded alike everywhere (sorted keys, ISO 8601 dates).
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        make(try encoded(value), status: status)
    }

    static func encoded<T: Encodable>(_ value: T) throws -> ByteBuffer { ByteBuffer(bytes: try encoder.encode(value)) }

    static func make(_ json: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: json)
        )
    }
}

/// A file shipped with the app, cached by browsers for an hour.
struct StaticFile: ResponseGenerator {
    var text: String
    var type: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
