import Hummingbird

/// Refuses a request whose `Host` is not this server's (421): a DNS-rebinding page reaches a
/// server on 127.0.0.1 under its own host name, which this turns away before anything is read.
struct HostAllowListMiddleware: RouterMiddleware {
    let settings: AccessSettings

    func handle(
        _ request: Request,
        context: WebRequestContext,
        next: (Request, WebRequestContext) async throws -> Response
    ) async throws -> Response {
        // HTTP/1.1's Host header arrives as the request's authority.
        let host = request.head.authority ?? ""
        guard settings.allowsHost(host) else {
            throw WebError(
                .misdirectedRequest,
                title: "Wrong address",
                message: "This server does not answer to the host name '\(host.prefix(100))'.",
                hint: "Use the workbench's own address"
                    + (settings.publicURL.map { " (\($0.absoluteString))" } ?? " (a loopback address such as 127.0.0.1)")
                    + "; an administrator sets it with --public-url."
            )
        }
        return try await next(request, context)
    }
}
