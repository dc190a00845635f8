import Foundation
import Yams

/// How bad a policy violation is, as Dependency-Track grades them.
public enum PolicySeverity: String, Codable, Sendable, CaseIterable, Comparable {
    case info = "INFO"
    case warn = "WARN"
    case fail = "FAIL"

    public static func < (a: PolicySeverity, b: PolicySeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The conditions a policy can test; each reads its parameters from the policy's entry.
public enum PolicyCondition: String, Codable, Sendable, CaseIterable {
    /// A tier-1 component of the given layers (default key management) whose key control is not
    /// shown to be the buyer's.
    case tier1KeysNotInCustody = "tier1-keys-not-in-custody"
    /// A system of the given criticalities with fewer than `minimum` cloud provider groups.
    case singleCloudProvider = "single-cloud-provider"
    /// A system with a model component and no passed independent test in `months` months.
    case modelWithoutIndependentTest = "model-without-independent-test"
    /// A component at `tier` whose supplier's (or its parent group's) alliance class is not `allowed`.
    case supplierAllianceNotAllowed = "supplier-alliance-not-allowed"
    /// A tier-1 component whose supplier has no exit plan.
    case tier1WithoutExitPlan = "tier1-without-exit-plan"
    /// A tier-1 component for which one of `controls` is not shown to hold.
    case tier1ControlNotEvidenced = "tier1-control-not-evidenced"
}

/// One policy as written in `corpus/register/policies.yaml`.
public struct Policy: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    public var severity: PolicySeverity
    public var condition: PolicyCondition
    public var criticality: [Criticality]?
    public var minimum: Int?
    public var months: Int?
    public var tier: Int?
    public var allowed: [AllianceClass]?
    public var controls: [Control]?
    public var layers: [Layer]?
    public var minimumIndependence: Independence?

    public init(id: String, title: String, severity: PolicySeverity, condition: PolicyCondition) {
        self.id = id
        self.title = title
        self.severity = severity
        self.condition = condition
    }

    enum CodingKeys: String, CodingKey {
        case id, title, severity, condition, criticality, minimum, months, tier, allowed, controls, layers
        case minimumIndependence = "minimum_independence"
    }

    /// What is wrong with the entry beyond its types: missing or out-of-range parameters.
    public func problems() -> [String] {
        var problems: [String] = []
        if id.isEmpty { problems.append("a policy has an empty id") }
        switch condition {
        case .singleCloudProvider:
            if (minimum ?? 0) < 1 { problems.append("\(id): single-cloud-provider needs minimum ≥ 1") }
        case .modelWithoutIndependentTest:
            if !(1...120).contains(months ?? 0) {
                problems.append("\(id): model-without-independent-test needs months 1…120")
            }
        case .supplierAllianceNotAllowed:
            if !(1...3).contains(tier ?? 0) { problems.append("\(id): supplier-alliance-not-allowed needs tier 1…3") }
            if allowed?.isEmpty ?? true {
                problems.append("\(id): supplier-alliance-not-allowed needs allowed classes")
            }
        case .tier1ControlNotEvidenced:
            if controls?.isEmpty ?? true { problems.append("\(id): tier1-control-not-evidenced needs controls") }
        case .tier1KeysNotInCustody, .tier1WithoutExitPlan: break
        }
        return problems
    }
}

public struct PolicyFile: Hashable, Codable, Sendable {
    public var policies: [Policy]

    public init(policies: [Policy]) { self.policies = policies }

    /// Reads and checks a policy file; every problem is named in the error.
    public static func decode(yaml: String) throws -> PolicyFile {
        let file: PolicyFile
        do { file = try YAMLDecoder().decode(PolicyFile.self, from: yaml) } catch {
            throw PolicyError(problems: ["cannot read the policies: \(error)"])
        }
        var problems = file.policies.flatMap { $0.problems() }
        let ids = file.policies.map(\.id)
        for id in Set(ids) where ids.filter({ $0 == id }).count > 1 { problems.append("policy id \(id) is used twice") }
        guard problems.isEmpty else { throw PolicyError(problems: problems.sorted()) }
        return file
    }
}

public struct PolicyError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}
