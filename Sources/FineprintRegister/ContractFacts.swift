import FineprintCore
import Foundation

/// Turns a stored analysis of a contract into control facts for the components the contract covers.
public enum ContractFacts {
    /// One fact per control per component: `holds` when the provision is present at adequate strength
    /// or better (or present with no strength graded), `weak` when present but weak, `absent` when the
    /// analysis did not find it; the evidence is the quoted clause, or says where it was looked for.
    public static func facts(
        from analysis: Analysis,
        contract: String,
        components: Set<String>,
        at now: Date
    ) -> [ControlFact] {
        let findings = Dictionary(analysis.provisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var facts: [ControlFact] = []
        for component in components.sorted() {
            for control in Control.allCases {
                let finding = findings[control.provision]
                facts.append(
                    ControlFact(
                        component: component,
                        control: control,
                        status: status(finding),
                        source: .contract,
                        evidence: evidence(finding, document: analysis.document.name),
                        contract: contract,
                        recordedAt: now
                    )
                )
            }
        }
        return facts
    }

    public static func status(_ finding: ProvisionFinding?) -> FactStatus {
        guard let finding, finding.status == .present else { return .absent }
        if let strength = finding.strength, strength < .adequate { return .weak }
        return .holds
    }

    public static func evidence(_ finding: ProvisionFinding?, document: String) -> String {
        guard let finding, finding.status == .present, let quote = finding.evidence.first?.quote else {
            return "not found in \(document)"
        }
        let flat = quote.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 400 ? String(flat.prefix(400)) + "…" : flat
    }
}

extension Register {
    /// Links a stored analysis to components and replaces the facts the same contract gave before.
    public mutating func link(contract: ContractLink, analysis: Analysis, at now: Date) {
        facts.removeAll { $0.contract == contract.id }
        contracts[contract.id] = contract
        facts += ContractFacts.facts(from: analysis, contract: contract.id, components: contract.components, at: now)
    }
}
