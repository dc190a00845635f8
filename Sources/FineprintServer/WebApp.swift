import Foundation
import Hummingbird
import Logging

/// Builds the web workbench: the router (pages, API, static files) and the application around it.
/// Tests and `fineprint serve` both use these.
public enum WebApp {
    public static func router(_ bench: WebWorkbench) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(bench: bench))
        PageRoutes(bench: bench).add(to: router)
        APIRoutes(bench: bench).add(to: router)
        if let desk = bench.jobs { JobRoutes(bench: bench, desk: desk).add(to: router) }
        StaticRoutes(bench: bench).add(to: router)
        return router
    }

    public static func application(
        _ bench: WebWorkbench,
        host: String = "127.0.0.1",
        port: Int = 8080,
        logger: Logger? = nil
    ) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "fineprint.web")
        if logger == nil { log.logLevel = .notice }
        return Application(
            router: router(bench),
            configuration: .init(address: .hostname(host, port: port), serverName: "fineprint"),
            logger: log
        )
    }
}

/// The stylesheet, the upload script and the OpenAPI document, all served by the app itself.
struct StaticRoutes {
    let bench: WebWorkbench

    func add(to router: Router<BasicRequestContext>) {
        let css = bench.pages.stylesheet
        let js = bench.pages.uploadScript
        let openAPI = bench.pages.openAPI
        router.get("/static/fineprint.css") { _, _ in Self.file(css, type: "text/css; charset=utf-8") }
        router.get("/static/upload.js") { _, _ in Self.file(js, type: "text/javascript; charset=utf-8") }
        router.get("/api/openapi.json") { _, _ in Self.file(openAPI, type: "application/json; charset=utf-8") }
        router.get("/health") { _, _ in "ok" }
    }

    static func file(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
