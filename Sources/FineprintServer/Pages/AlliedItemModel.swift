import FineprintCore
import FineprintShare
import FineprintStore
import Foundation

/// The page of one ally's item (view: allies-item.mustache), whatever its kind: what it says,
/// who signed it (key fingerprint, day, version, bundle), our adoptions of it with their
/// provenance and any newer version, and for evaluation results our figures beside theirs.
struct AlliedItemModel: PageModel {
    static let template = "allies-item"

    struct Section {
        var heading: String
        var lines: [String]
        var preformatted: String?
    }

    struct Adoption {
        var link: String?
        var id: String
        var provenance: String
        var newer: String?
    }

    struct FigureRow {
        var name: String
        var theirs: String
        var ours: String
    }

    var title: String
    var kind: String
    var reference: String
    var publisher: String
    var signer: String
    var signedDay: String
    var version: Int
    var bundleId: String
    /// When we imported it, to the second.
    var imported: String
    var badge: String
    var withdrawn: Bool
    var summary: String
    var sections: [Section] = []
    var notes: [String] = []
    var adoptions: [Adoption] = []
    var figures: [FigureRow] = []
    var comparedWith: String?
    var knowledgeLink: String?

    init(kind: ShareKind, id: String, title: String, origin: ShareOrigin, withdrawn: Bool = false) {
        self.title = title
        self.kind = kind.rawValue
        reference = "\(origin.publisher):\(id)"
        publisher = origin.publisher
        signer = origin.groupedSigner
        signedDay = origin.signedDay
        version = origin.version
        bundleId = origin.bundleId
        imported = Format.date(origin.importedAt)
        badge = origin.badge
        self.withdrawn = withdrawn
        summary = withdrawn ? "Withdrawn by its publisher in version \(origin.version)." : ""
    }

    /// The page's address: `/allies/items/PUBLISHER/KIND/ID`.
    static func link(publisher: String, kind: String, id: String) -> String {
        "/allies/items/\(publisher)/\(kind)/\(id)"
    }

    mutating func section(_ heading: String, _ lines: [String]) {
        let kept = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        if !kept.isEmpty { sections.append(Section(heading: heading, lines: kept)) }
    }

    mutating func preformatted(_ heading: String, _ text: String) {
        sections.append(Section(heading: heading, lines: [], preformatted: text))
    }
}
