import ArgumentParser
import FineprintCore
import FineprintCorpus
import FineprintIngest
import FineprintRegister
import FineprintStore
import Foundation

struct RegisterExample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Load the fictional ministry's register (corpus/register/example) with its contracts analysed.",
        discussion: """
            Three critical systems, about forty components and eight suppliers, with tiers, exit plans, drills, \
            tests and incidents; the contracts it names are analysed, stored, and linked so their control facts \
            show at once. Loading it again into a register that has its systems does nothing.
            """
    )

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        let (setup, seedURL) = try CLIError.setup {
            let setup = try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly)
            return (setup, setup.corpusURL.appendingPathComponent("register/example/ministry.yaml"))
        }
        let seed = try CLIError.setup {
            try RegisterSeed.decode(yaml: try String(contentsOf: seedURL, encoding: .utf8))
        }
        let organisation = store.organisation
        let summary = try await store.withStore { store in
            var register = try await store.loadRegister(organisation: organisation)
            let example = try seed.register(at: Date())
            if !register.systems.isEmpty && example.systems.keys.allSatisfy({ register.systems[$0] != nil }) {
                return "the example's systems are already in the register of \(organisation); nothing loaded"
            }
            register.add(example)
            let linked = try await Self.linkContracts(seed, from: seedURL, setup: setup, into: &register, store: store)
            try await store.saveRegister(register, organisation: organisation)
            return
                "loaded \(seed.organisation): \(example.systems.count) systems, \(example.components.count) components, "
                + "\(example.suppliers.count) suppliers, \(linked) contracts analysed and linked"
        }
        print(summary)
    }

    /// Analyses each contract file, stores the document and its analysis, and links it.
    static func linkContracts(
        _ seed: RegisterSeed,
        from seedURL: URL,
        setup: AnalysisSetup,
        into register: inout Register,
        store: any Store & RegisterStore
    ) async throws -> Int {
        let reader = DocumentReader()
        var linked = 0
        for contract in seed.contracts {
            let url = seedURL.deletingLastPathComponent().appendingPathComponent(contract.file).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else {
                Console.error(
                    "contract \(contract.id): \(url.path) is not there (it ships with the repository's tests); not linked"
                )
                continue
            }
            let document = try CLIError.setup { try reader.read(fileAt: url) }
            let profile = register.systems.values.first { !$0.components.isDisjoint(with: contract.components) }?
                .requiredProfile
            let playbook = try CLIError.setup { try setup.playbook(profile: profile ?? "tier1", file: nil) }
            let analysis = setup.analyzer.analyze(document, playbook: playbook)
            let bytes = try Data(contentsOf: url)
            _ = try await store.saveDocument(
                NewDocument(
                    sha256: document.sha256,
                    name: document.name,
                    format: document.format,
                    bytes: bytes,
                    text: document.text
                )
            )
            let summary = try await store.saveAnalysis(analysis)
            let link = ContractLink(
                id: contract.id,
                supplier: contract.supplier,
                components: Set(contract.components),
                analysisId: summary.id,
                documentName: summary.documentName,
                profile: summary.profile,
                score: summary.score,
                linkedAt: Date()
            )
            register.link(contract: link, analysis: analysis, at: Date())
            linked += 1
        }
        return linked
    }
}
