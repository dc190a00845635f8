import FineprintRegister
import Foundation

/// A component's page (view: register-component.mustache): what it is, its tier in each system with
/// the reason, its contract facts with evidence and source, its supplier's exit plans and drills,
/// assurance, incidents, and the changes recorded in its supplier's watched terms.
struct RegisterComponentModel: PageModel {
    static let template = "register-component"

    struct TierRow {
        var system: String
        var link: String
        var tier: String
        var tierClass: String
        var rationale: String
    }

    struct FactRow {
        var control: String
        var status: String
        var verdict: String
        var source: String
        var evidence: String
        var contract: String?
        var recorded: String
    }

    struct Neighbour {
        var name: String
        var link: String
    }

    struct ChangeRow {
        var when: String
        var source: String
        var via: String
        var direction: String
        var headline: String
        var score: String
        var details: [String]
    }

    var title: String
    var name: String
    var key: String
    var facts: [Fact]
    var tiers: [TierRow]
    var dependsOn: [Neighbour]
    var usedBy: [Neighbour]
    var controls: [FactRow]
    var contracts: [ContractRow]
    var exitPlans: RecordTable
    var drills: RecordTable
    var assurance: RecordTable
    var incidents: RecordTable
    var changes: [ChangeRow]
    var watched: Bool
    var edit: RegisterEditPanel?

    init(_ part: RegisterComponent, _ view: RegisterView, canEdit: Bool = false) {
        let register = view.register
        title = part.imported.name
        name = part.imported.name
        key = part.id
        facts = Self.header(part, register)
        let systems = register.systems(containing: part.id)
        tiers = systems.map { system in
            let tier = register.tier(system: system.id, component: part.id)
            return TierRow(
                system: system.name,
                link: RegisterLinks.system(system.id),
                tier: RegisterFormat.tier(tier?.tier),
                tierClass: "tier-\(tier.map { String($0.tier.rawValue) } ?? "unset")",
                rationale: tier?.rationale ?? ""
            )
        }
        func neighbour(_ key: String) -> Neighbour {
            Neighbour(name: register.components[key]?.imported.name ?? key, link: RegisterLinks.component(key))
        }
        dependsOn = register.edges.filter { $0.from == part.id }.map(\.to).sorted().map(neighbour)
        usedBy = register.edges.filter { $0.to == part.id && register.components[$0.from] != nil }.map(\.from).sorted()
            .map(neighbour)
        controls = Self.controls(part, register)
        contracts = register.contracts.values.filter { $0.components.contains(part.id) }.sorted { $0.id < $1.id }
            .map(ContractRow.init)
        let supplier = part.supplierId
        exitPlans = .exitPlans(register.exitPlans.filter { $0.supplier == supplier })
        drills = .drills(register.drills.filter { $0.supplier == supplier })
        let systemIds = Set(systems.map(\.id))
        assurance = .assurance(
            register.assurance.filter { record in
                record.component == part.id
                    || (record.component == nil && part.layer == .model && systemIds.contains(record.system))
            }
        )
        incidents = .incidents(register.incidents.filter { $0.component == part.id })
        changes = view.watchedChanges(of: part).map(Self.change)
        watched = !register.watchLinks(of: part).isEmpty
        edit = canEdit ? RegisterEditPanel.component(part, register) : nil
    }

    static func header(_ part: RegisterComponent, _ register: Register) -> [Fact] {
        let supplier = register.supplier(of: part)
        var facts = [
            Fact("Layer", part.layer.rawValue), Fact("Type", part.imported.kind),
            Fact("Version", part.imported.version ?? "—"),
            Fact(
                "Supplier",
                supplier?.name ?? part.imported.supplier ?? "unknown",
                link: supplier.map { RegisterLinks.supplier($0.id) }
            ),
            Fact("Substitutability", part.substitutability.rawValue),
        ]
        if let purl = part.imported.purl { facts.append(Fact("Package URL", purl)) }
        if let owner = part.owner { facts.append(Fact("Owner", owner)) }
        if let text = part.imported.description { facts.append(Fact("Description", text)) }
        if let notes = part.notes { facts.append(Fact("Notes", notes)) }
        if part.layer == .model { facts.append(Fact("Model card", part.imported.hasModelCard ? "in the BOM" : "none")) }
        return facts
    }

    /// Every control: its verdict, then each fact behind it (attestations and tests first).
    static func controls(_ part: RegisterComponent, _ register: Register) -> [FactRow] {
        Control.allCases.flatMap { control -> [FactRow] in
            let verdict = register.verdict(component: part.id, control: control).rawValue
            let found = register.facts(component: part.id, control: control)
                .sorted {
                    ($0.source == .contract ? 1 : 0, $1.recordedAt) < ($1.source == .contract ? 1 : 0, $0.recordedAt)
                }
            guard !found.isEmpty else {
                return [
                    FactRow(
                        control: control.rawValue,
                        status: "no fact",
                        verdict: verdict,
                        source: "—",
                        evidence: "nothing recorded",
                        recorded: ""
                    )
                ]
            }
            return found.map { fact in
                FactRow(
                    control: control.rawValue,
                    status: fact.status.rawValue,
                    verdict: verdict,
                    source: fact.source.rawValue,
                    evidence: fact.evidence,
                    contract: fact.contract,
                    recorded: RegisterFormat.day(fact.recordedAt)
                )
            }
        }
    }

    static func change(_ c: WatchedTermsChange) -> ChangeRow {
        ChangeRow(
            when: Format.date(c.recordedAt),
            source: c.sourceName,
            via: c.via,
            direction: c.direction.rawValue,
            headline: c.headline,
            score: "\(c.scoreOld) → \(c.scoreNew)",
            details: c.details
        )
    }
}

/// A contract row, shared by the component and supplier pages.
struct ContractRow {
    var id: String
    var document: String
    var score: String
    var profile: String
    var analysisLink: String

    init(_ link: ContractLink) {
        id = link.id
        document = link.documentName.map(Format.fileName) ?? "analysis \(link.analysisId)"
        score = link.score.map(String.init) ?? "–"
        profile = link.profile ?? "–"
        analysisLink = "/analyses/\(link.analysisId)"
    }
}
