import Foundation
import Mustache
import NIOCore

/// A page's view model: built from the domain by its controller, rendered by the Mustache view
/// (`Resources/Templates/<template>.mustache`) of the same name.
protocol PageModel {
    static var template: String { get }
}

/// The page templates and static files, shipped as resources of this module.
struct Pages: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    let uploadScript: String
    /// The report's review script: selected document text fills a finding's quote offsets.
    let reviewScript: String
    let openAPI: String

    static func resourcesURL() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw PagesError(
                "the web templates are missing from the build (Resources folder of FineprintServer); rebuild fineprint"
            )
        }
        return url
    }

    static func load() async throws -> Pages {
        let root = try resourcesURL()
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("Templates").path)
        func text(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return Pages(
            library: library,
            stylesheet: try text("Static/fineprint.css"),
            uploadScript: try text("Static/upload.js"),
            reviewScript: try text("Static/review.js"),
            openAPI: try text("openapi.json")
        )
    }

    /// Renders a page model with its view; a missing template is a build error, so it fails loudly.
    func render<Model: PageModel>(_ model: Model) -> ByteBuffer {
        guard let html = library.render(model, withTemplate: Model.template) else {
            preconditionFailure("no template named \(Model.template)")
        }
        return ByteBuffer(string: html)
    }

    func page<Model: PageModel>(_ model: Model) -> HTML { HTML(render(model)) }
}

struct PagesError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
