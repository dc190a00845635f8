import Foundation
import Hummingbird

/// The Watched terms page and its Atom feed, read from a `fineprint watch` store at every request
/// (cron runs of `watch` add to it).
struct WatchController {
    let bench: WebWorkbench

    /// GET /watch
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        try bench.pages.page(try WatchModel.load(bench.watchFolder))
    }

    /// GET /watch/feed.atom — the store's Atom feed, as `fineprint watch` wrote it.
    @Sendable func feed(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let folder = bench.watchFolder,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent("feed.atom").path)
        else {
            throw WebError.notFound("feed of watched terms (run `fineprint watch` with this store first)")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
