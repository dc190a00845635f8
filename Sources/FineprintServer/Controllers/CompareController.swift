import FineprintNegotiation
import Foundation
import Hummingbird

/// Comparing suppliers: stored analyses side by side against one tier, as a page and as JSON.
struct CompareController {
    let bench: WebWorkbench

    /// GET /compare?ids=…&profile=… — the comparison matrix.
    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> HTML {
        let parameters = try CompareParameters(request)
        let scope = try await bench.scope(context)
        let comparison = try await bench.compare(parameters.ids, profile: parameters.profile, scope: scope)
        let model = CompareModel(comparison, ids: parameters.ids, corpus: bench.corpus, profiles: bench.profiles)
        return try bench.pages.page(model.marked(try await bench.reviewMarks(parameters.ids, scope: scope)))
    }

    /// GET /api/compare?ids=…&profile=… — the comparison in the Comparison library type's encoding.
    @Sendable func api(_ request: Request, context: WebRequestContext) async throws -> Response {
        try APIQueryChoice.refuseEmpty(request, "profile", choices: bench.profiles.map(\.id))
        let parameters = try CompareParameters(request)
        return try JSONResponse.make(
            try await bench.compare(parameters.ids, profile: parameters.profile, scope: try await bench.scope(context))
        )
    }

    /// GET /compare/award.docx and /compare/award.pdf?ids=…&profile=… — the one-page award sheet,
    /// the PDF converted from the DOCX by LibreOffice. A reader may export what they can read.
    @Sendable func award(_ request: Request, context: WebRequestContext) async throws -> Response {
        let pdf = request.uri.path.hasSuffix(".pdf")
        let parameters = try CompareParameters(request)
        let sheet = try await bench.awardSheet(
            parameters.ids,
            profile: parameters.profile,
            scope: try await bench.scope(context)
        )
        let docx = try AwardDocxRenderer.render(sheet)
        let data = pdf ? try await Self.pdf(docx) : docx
        try await bench.record(
            .download,
            "comparison",
            parameters.ids.joined(separator: ","),
            detail: "award sheet (\(pdf ? "pdf" : "docx"))",
            context: context
        )
        return Response(
            status: .ok,
            headers: [
                .contentType: pdf ? "application/pdf" : NegotiationController.contentType,
                .contentDisposition: "attachment; filename=\"award-comparison-\(sheet.date).\(pdf ? "pdf" : "docx")\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// The PDF of the DOCX, off the request's thread; a clear 503 when LibreOffice is missing.
    static func pdf(_ docx: Data) async throws -> Data {
        do {
            return try await OffThread.run { try OfficeConversion.pdf(fromDocx: docx) }
        } catch let failure as OfficeConversion.Failure {
            throw WebError(
                .serviceUnavailable,
                title: "PDF not available",
                message: failure.description,
                hint: "Download the Word version of the award sheet instead."
            )
        }
    }
}
