import FineprintIdentity
import Foundation
import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core context with a decoder that reads the
/// pages' URL-encoded forms as well as JSON, the peer's address, and who is asking.
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer (the reverse proxy's address when there is one); nil in router tests.
    public let remoteAddress: SocketAddress?
    /// Who made the request, once `AccessMiddleware` has authenticated it (nil: anonymous).
    public var identity: Identity?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address, for throttling, the proxy check and the audit log.
    public var peerAddress: String? { remoteAddress?.ipAddress }

    /// Who the audit log names as having made the request: the signed-in user, or nil when anonymous.
    public var auditActor: String? { identity?.userName }

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
