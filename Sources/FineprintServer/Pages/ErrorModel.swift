import FineprintCore

/// The error page (view: error.mustache).
struct ErrorModel: PageModel {
    static let template = "error"
    var title: String
    var status: Int
    var message: String
    var hint: String

    /// The same page without the templates (only before start-up has loaded them).
    var plainHTML: String {
        "<!doctype html><title>\(Markup.escape(title))</title><h1>\(Markup.escape(title))</h1>"
            + "<p>\(Markup.escape(message))</p><p><strong>What to do:</strong> \(Markup.escape(hint))</p>"
    }
}
