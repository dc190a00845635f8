import Hummingbird

/// The stylesheet, the upload script and the OpenAPI document, all served by the app itself (no
/// external assets: it works air-gapped).
struct StaticController {
    let bench: WebWorkbench

    @Sendable func stylesheet(_ request: Request, context: WebRequestContext) async throws -> StaticFile {
        StaticFile(text: try bench.pages.stylesheet, type: "text/css; charset=utf-8")
    }

    @Sendable func uploadScript(_ request: Request, context: WebRequestContext) async throws -> StaticFile {
        StaticFile(text: try bench.pages.uploadScript, type: "text/javascript; charset=utf-8")
    }

    @Sendable func reviewScript(_ request: Request, context: WebRequestContext) async throws -> StaticFile {
        StaticFile(text: try bench.pages.reviewScript, type: "text/javascript; charset=utf-8")
    }

    @Sendable func openAPI(_ request: Request, context: WebRequestContext) async throws -> StaticFile {
        StaticFile(text: try bench.pages.openAPI, type: "application/json; charset=utf-8")
    }
}

/// GET /health — "ok" once the server has started (start-up work runs before it listens).
struct HealthController {
    @Sendable func health(_ request: Request, context: WebRequestContext) async throws -> String { "ok" }
}
