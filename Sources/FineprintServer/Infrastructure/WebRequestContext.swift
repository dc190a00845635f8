import Foundation
import Hummingbird

/// The request context of every route: Hummingbird's core context with a decoder that reads the
/// pages' URL-encoded forms as well as JSON.
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer address (the proxy's, behind a reverse proxy), for the audit log.
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Who the audit log names as having made the request: nil until accounts exist (the session's
    /// user name once they do).
    public var auditActor: String? { nil }

    public var requestDecoder: FormOrJSONDecoder { FormOrJSONDecoder() }
}

/// Decodes a request body by its content type: a form the pages post, else JSON.
public struct FormOrJSONDecoder: RequestDecoder {
    public func decode<T: Decodable>(
        _ type: T.Type,
        from request: Request,
        context: some RequestContext
    ) async throws
        -> T
    {
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            return try await URLEncodedFormDecoder().decode(type, from: request, context: context)
        }
        return try await JSONDecoder().decode(type, from: request, context: context)
    }
}
