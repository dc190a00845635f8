import FineprintStore

/// The matters page (view: matters.mustache): the caller's matters and the create form.
struct MattersModel: PageModel {
    static let template = "matters"
    let title = "Matters"
    var matters: [Row]
    var canCreate: Bool
    var kinds: [String] = MatterKind.allCases.map(\.rawValue)

    struct Row {
        var id: String
        var name: String
        var kind: String
        var role: String
        var retention: String
        var created: String
    }

    init(_ matters: [Matter], scope: MatterScope) {
        self.matters = matters.map { matter in
            Row(
                id: matter.id,
                name: Format.fileName(matter.name),
                kind: matter.kind.rawValue,
                role: scope.isAdmin ? "admin" : (scope.role(in: matter.id)?.rawValue ?? ""),
                retention: matter.retentionDays.map { "\($0) days" } ?? "server default",
                created: Format.date(matter.createdAt)
            )
        }
        canCreate = scope.identity.role.allows(.analyst)
    }
}

/// A matter's page (view: matter.mustache).
struct MatterModel: PageModel {
    static let template = "matter"
    var title: String
    var id: String
    var name: String
    var kind: String
    var role: String
    var retentionDays: String
    var retention: String
    var canUpload: Bool
    var isOwner: Bool
    var documents: [DocumentRow]
    var analyses: [AnalysisRow]
    var members: [MemberRow]
    var roles: [String] = MatterRole.allCases.map(\.rawValue)

    struct DocumentRow {
        var id: String
        var name: String
        var shortSha: String
        var created: String
    }

    struct MemberRow {
        var name: String
        var role: String
    }

    init(
        _ matter: Matter,
        role: MatterRole,
        documents: [MatterDocument],
        analyses: [AnalysisSummary],
        members: [MatterMember]
    ) {
        title = "Matter: " + Format.fileName(matter.name)
        id = matter.id
        name = Format.fileName(matter.name)
        kind = matter.kind.rawValue
        self.role = role.rawValue
        retentionDays = matter.retentionDays.map(String.init) ?? ""
        retention = matter.retentionDays.map { "\($0) days" } ?? "the server's default"
        canUpload = role >= .analyst
        isOwner = role == .owner
        self.documents = documents.map {
            DocumentRow(
                id: $0.id,
                name: Format.fileName($0.name),
                shortSha: String($0.sha256.prefix(12)),
                created: Format.date($0.createdAt)
            )
        }
        self.analyses = analyses.map(AnalysisRow.init)
        self.members = members.map { MemberRow(name: $0.userName, role: $0.role.rawValue) }
    }
}
