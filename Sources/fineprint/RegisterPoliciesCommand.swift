import ArgumentParser
import FineprintCorpus
import FineprintRegister
import FineprintStore
import Foundation

struct RegisterPolicies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies",
        abstract: "Apply the register policies (corpus/register/policies.yaml) and list the violations per system.",
        discussion: "Exits with status 1 when a FAIL violation is found."
    )

    @Option(help: "Only this system.") var system: String?
    @Option(help: "A policy file instead of the corpus's register/policies.yaml.") var policies: String?
    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        let file = try CLIError.setup { try Self.load(policies: policies, corpus: corpus.corpus) }
        let organisation = store.organisation
        let register = try await store.withStore { store in try await store.loadRegister(organisation: organisation) }
        if let system, register.systems[system] == nil {
            throw CLIError("no system '\(system)' in the register", exitCode: 2)
        }
        let violations = PolicyEvaluation.evaluate(
            file.policies,
            on: register,
            system: system,
            settings: MetricSettings(asOf: Date())
        )
        if format == .json {
            print(try RegisterJSON.encode(violations))
        } else {
            print(Self.describe(violations, systems: register.systems.count))
        }
        if violations.contains(where: { $0.severity == .fail }) { throw ExitCode(1) }
    }

    static func load(policies: String?, corpus: String?) throws -> PolicyFile {
        let url =
            try policies.map { URL(fileURLWithPath: $0) }
            ?? CorpusLocator.locate(explicit: corpus).appendingPathComponent("register/policies.yaml")
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CLIError("cannot read \(url.path): \(error.localizedDescription)", exitCode: 2)
        }
        do { return try PolicyFile.decode(yaml: text) } catch { throw CLIError("\(url.path): \(error)", exitCode: 2) }
    }

    static func describe(_ violations: [PolicyViolation], systems: Int) -> String {
        guard !violations.isEmpty else { return "No policy violations in \(systems) systems." }
        var lines: [String] = []
        for (system, found) in Dictionary(grouping: violations, by: \.system).sorted(by: { $0.key < $1.key }) {
            lines.append("\(system):")
            for violation in found {
                let subject = violation.component.map { " \($0):" } ?? ""
                lines.append("  \(violation.severity.rawValue) \(violation.policy)\(subject) \(violation.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

struct RegisterLinkContract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-contract",
        abstract: "Link a stored analysis of a contract to a component: its control facts flow into the register.",
        discussion: "Relinking the same contract replaces the facts it gave before."
    )

    @Argument(help: "The component key.") var component: String
    @Argument(help: "The id of a stored analysis (as `fineprint serve` lists them).") var analysisId: Int64
    @Option(help: "The contract's reference (default: analysis-ID).") var contract: String?
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        let organisation = store.organisation
        let reference = contract ?? "analysis-\(analysisId)"
        let facts = try await store.withStore { store in
            var register = try await store.loadRegister(organisation: organisation)
            guard let part = register.components[component] else {
                throw CLIError("no component '\(component)' in the register", exitCode: 2)
            }
            guard let stored = try await store.analysis(id: analysisId) else {
                throw CLIError("no stored analysis \(analysisId)", exitCode: 2)
            }
            var link =
                register.contracts[reference]
                ?? ContractLink(
                    id: reference,
                    supplier: part.supplierId,
                    components: [],
                    analysisId: analysisId,
                    linkedAt: Date()
                )
            link.components.insert(component)
            link.analysisId = analysisId
            link.documentName = stored.summary.documentName
            link.profile = stored.summary.profile
            link.score = stored.summary.score
            register.link(contract: link, analysis: stored.analysis, at: Date())
            try await store.saveRegister(register, organisation: organisation)
            return register.facts.filter { $0.contract == reference && $0.component == component }
        }
        for fact in facts {
            print(
                "\(fact.control.rawValue): \(fact.status.rawValue) (\(fact.source.rawValue)) — \(fact.evidence.prefix(120))"
            )
        }
    }
}
