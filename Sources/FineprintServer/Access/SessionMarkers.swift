import FineprintCore
import FineprintIdentity
import NIOCore

/// The per-request parts of a page, filled in when it is answered: the bar with the user's name
/// and the sign-out form (`<!--fineprint:session-->` in the layout), and the CSRF field of every
/// form that changes something (`<!--fineprint:csrf-->`). Templates render (and report pages are
/// cached) without them, so no user's token ends up in another user's page.
enum SessionMarkers {
    static let session = "<!--fineprint:session-->"
    static let csrf = "<!--fineprint:csrf-->"

    static func fill(_ page: ByteBuffer, identity: Identity?) -> ByteBuffer {
        let html = String(buffer: page)
        guard html.contains("<!--fineprint:") else { return page }
        let filled = html.replacingOccurrences(of: session, with: bar(identity))
            .replacingOccurrences(of: csrf, with: field(identity))
        return ByteBuffer(string: filled)
    }

    static func field(_ identity: Identity?) -> String {
        guard let token = identity?.csrfToken else { return "" }
        return "<input type=\"hidden\" name=\"csrf\" value=\"\(Markup.escape(token))\">"
    }

    static func bar(_ identity: Identity?) -> String {
        guard let identity else { return "" }
        var html = "<div class=\"session\">Signed in as <strong>\(Markup.escape(identity.userName))</strong>"
        html += " (\(identity.role.rawValue))"
        if identity.role.allows(.admin) { html += " · <a href=\"/admin/users\">Users and tokens</a>" }
        if identity.csrfToken != nil {
            html += " <form class=\"inline\" action=\"/logout\" method=\"post\">\(field(identity))"
            html += "<button type=\"submit\">Sign out</button></form>"
        }
        return html + "</div>"
    }
}
