import FineprintNegotiation
import FineprintReading
import FineprintReport
import Foundation
import Hummingbird

/// The negotiation pack of a stored analysis, as a Word document with tracked changes.
struct NegotiationController {
    let bench: WebWorkbench

    struct Parameters: Decodable {
        /// The tier to negotiate against; the analysis's own when absent.
        var profile: String?
    }

    static let contentType = PackFormat.docx.contentType

    /// GET /analyses/:id/negotiation.docx?profile=… — another tier re-runs the analysis in memory.
    @Sendable func docx(_ request: Request, context: WebRequestContext) async throws -> Response {
        try APIQueryChoice.refuseEmpty(request, "profile", choices: bench.profiles.map(\.id))
        let stored = try await bench.scope(context).analysis(try context.parameters.require("id"))
        let id = String(stored.summary.publicId.prefix(8))
        let query = try request.uri.decodeQuery(as: Parameters.self, context: context)
        var input = try await bench.reportInput(stored)
        if let profile = query.profile, profile != stored.analysis.profile {
            let playbook = try bench.playbook(profile)
            let machine = bench.analyzer.analyze(try await bench.extracted(stored), playbook: playbook)
            // The pack carries the reviewed reading, re-scored against the other tier.
            let reviewed = bench.reviewed(machine, review: try await bench.review(of: stored), playbook: playbook)
            (input.analysis, input.reviewMarks) = (reviewed.analysis, reviewed.marks)
            input.playbook = playbook
        }
        let reading = ContractReader(lexicons: input.corpus.reading).read(text: input.text)
        let pack = PackBuilder(
            input: input,
            supplier: reading.parties.first { $0.role == .supplier }?.names.first,
            date: String(ISO8601DateFormatter().string(from: Date()).prefix(10)),
            standard: nil
        ).build()
        let data = try DocxRenderer.render(pack)
        return Response(
            status: .ok,
            headers: [
                .contentType: Self.contentType,
                .contentDisposition:
                    "attachment; filename=\"\(Self.filename(stored.analysis.document.name, input.analysis.profile, id))\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// "vendor-terms-tier1-12-negotiation.docx": the document's name (letters, digits and -_. only),
    /// the tier and the analysis's id (its first 8 digits).
    static func filename(_ documentName: String, _ profile: String, _ id: String) -> String {
        let base = (documentName as NSString).deletingPathExtension
            .filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        let tier = profile.filter { $0.isLetter || $0.isNumber || "-_".contains($0) }
        return "\(base.isEmpty ? "contract" : base)-\(tier)-\(id)-negotiation.docx"
    }
}
