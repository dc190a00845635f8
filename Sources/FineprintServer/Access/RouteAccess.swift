import FineprintIdentity
import HTTPTypes

/// Who may call each route of the route table, keyed "METHOD /path/{parameter}" as the router
/// names its routes. Deny by default: a route missing here needs an admin, and the authorisation
/// matrix test fails until it is added.
public enum RouteAccess {
    public enum Requirement: Hashable, Sendable {
        /// Anyone, signed in or not.
        case open
        /// A signed-in user (or token) with at least this role.
        case role(Role)
    }

    /// Open: the login page, the health check, the static files, and the OpenAPI document (it
    /// describes the API, holds no data, and clients and API checkers read it before they can
    /// authenticate).
    static let table: [String: Requirement] = [
        "GET /login": .open,
        "POST /login": .open,
        "GET /health": .open,
        "GET /static/fineprint.css": .open,
        "GET /static/upload.js": .open,
        "GET /static/review.js": .open,
        "GET /api/openapi.json": .open,
        "POST /logout": .role(.reader),
        "GET /": .role(.reader),
        "GET /analyses": .role(.reader),
        "GET /analyses/{id}": .role(.reader),
        "GET /analyses/{id}/download/{format}": .role(.reader),
        "GET /analyses/{id}/standards/{standard}": .role(.reader),
        "GET /analyses/{id}/negotiation.docx": .role(.reader),
        // The award sheet: a reader may export the analyses they can read (scoped by matter).
        "GET /compare/award.docx": .role(.reader),
        "GET /compare/award.pdf": .role(.reader),
        "GET /jobs/{id}": .role(.reader),
        "GET /knowledge": .role(.reader),
        "GET /knowledge/{kind}/{id}": .role(.reader),
        "GET /watch": .role(.reader),
        "GET /watch/feed.atom": .role(.reader),
        "GET /metrics": .role(.reader),
        "GET /api/analyses": .role(.reader),
        "GET /api/analyses/{id}": .role(.reader),
        "GET /api/analyses/{id}/standards/{standard}": .role(.reader),
        "GET /api/jobs/{id}": .role(.reader),
        "GET /api/profiles": .role(.reader),
        "GET /api/knowledge": .role(.reader),
        "GET /api/knowledge/{kind}/{id}": .role(.reader),
        // The dependency register: read by readers; a metrics snapshot is an analyst's change.
        "GET /register": .role(.reader),
        "GET /register/systems/{id}": .role(.reader),
        "GET /register/components/{key}": .role(.reader),
        "GET /register/suppliers/{id}": .role(.reader),
        "GET /api/register/metrics": .role(.reader),
        "GET /api/register/violations": .role(.reader),
        "GET /api/register/systems": .role(.reader),
        "GET /api/register/systems/{id}": .role(.reader),
        "GET /api/register/components": .role(.reader),
        "GET /api/register/components/{key}": .role(.reader),
        "GET /api/register/suppliers": .role(.reader),
        "GET /api/register/suppliers/{id}": .role(.reader),
        "POST /register/snapshot": .role(.analyst),
        // Editing the register from its pages: analysts change it, readers may not.
        "POST /register/tiers": .role(.analyst),
        "POST /register/drills": .role(.analyst),
        "POST /register/assurance": .role(.analyst),
        "POST /register/incidents": .role(.analyst),
        "POST /register/suppliers/{id}": .role(.analyst),
        "GET /signals": .role(.reader),
        "GET /signals/feed.atom": .role(.reader),
        "GET /signals/{id}": .role(.reader),
        "GET /api/signals": .role(.reader),
        "GET /api/signals/{id}": .role(.reader),
        "POST /signals/{id}/{action}": .role(.analyst),
        "POST /api/signals/{id}/decision": .role(.analyst),
        // Reviews: readers read them, analysts change them.
        "GET /api/analyses/{id}/review": .role(.reader),
        "PUT /api/analyses/{id}/review": .role(.analyst),
        "POST /analyses/{id}/review/state": .role(.analyst),
        "POST /analyses/{id}/review/findings/{provision}": .role(.analyst),
        "POST /analyses/{id}/review/moves/{move}": .role(.analyst),
        "POST /analyses/{id}/review/notes": .role(.analyst),
        "POST /analyses": .role(.analyst),
        "POST /analyses/{id}/reanalyse": .role(.analyst),
        "POST /api/analyses": .role(.analyst),
        "GET /compare": .role(.analyst),
        "GET /diff": .role(.analyst),
        "GET /api/compare": .role(.analyst),
        "GET /api/diff": .role(.analyst),
        "GET /admin/users": .role(.admin),
        "GET /admin/audit": .role(.admin),
        "GET /admin/audit.csv": .role(.admin),
        // Matters: what a user may do inside one is `MatterScope`'s to check (owners manage it;
        // a reader's role caps their matter role at reader, so these need an analyst).
        "GET /matters": .role(.reader),
        "GET /matters/{id}": .role(.reader),
        "GET /api/matters": .role(.reader),
        "GET /api/matters/{id}": .role(.reader),
        "POST /matters": .role(.analyst),
        "POST /api/matters": .role(.analyst),
        "POST /matters/{id}/members": .role(.analyst),
        "POST /matters/{id}/members/{name}/remove": .role(.analyst),
        "POST /matters/{id}/retention": .role(.analyst),
        // Deleting: owners of the document's matter, and admins (`MatterScope.require(.owner, …)`).
        "GET /documents/{id}/delete": .role(.analyst),
        "POST /documents/{id}/delete": .role(.analyst),
        "DELETE /api/analyses/{id}": .role(.analyst),
        "DELETE /api/documents/{id}": .role(.analyst),
        "POST /admin/users/{name}/role": .role(.admin),
        "POST /admin/tokens/{id}/revoke": .role(.admin),
        // Sharing with allies: reading their items is for readers, importing and adopting for
        // analysts, our keys and the trust list for admins.
        "GET /allies": .role(.reader),
        "POST /allies/adopt": .role(.analyst),
        "GET /allies/import": .role(.analyst),
        "POST /allies/import": .role(.analyst),
        "POST /allies/import/confirm": .role(.analyst),
        "GET /allies/items/{publisher}/{kind}/{id}": .role(.reader),
        "GET /admin/share": .role(.admin),
        "POST /admin/share/trust": .role(.admin),
        "POST /admin/share/trust/revoke": .role(.admin),
        "POST /admin/share/threshold": .role(.admin),
    ]

    /// The entry of a route, nil when the table has none.
    public static func entry(method: HTTPRequest.Method, path: String) -> Requirement? {
        table["\(method.rawValue) \(path)"]
    }

    /// What a request needs: its route's entry, an admin for a route missing from the table, a
    /// reader for an address or method no route has (anonymous callers learn nothing about which
    /// addresses exist).
    static func requirement(method: HTTPRequest.Method, endpoint: String?) -> Requirement {
        guard let endpoint, endpoint.hasPrefix("/") else { return .role(.reader) }
        return entry(method: method == .head ? .get : method, path: endpoint) ?? .role(.admin)
    }
}
