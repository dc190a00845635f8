import ArgumentParser
import FineprintCore
import FineprintShare
import FineprintStore
import Foundation

/// Where `analyze --profile` finds a playbook our corpus does not have: one we adopted (our id) or
/// an ally's (`PUBLISHER:ID`), in the store's share ledger.
struct AlliedProfileOptions: ParsableArguments {
    @OptionGroup(title: "Allies' playbooks (--profile PUBLISHER:ID, or one adopted)")
    var storage: StorageOptions
}

extension JudgingOptions {
    /// `load()`, except that a profile the corpus lacks is looked up among allies' and adopted playbooks.
    func load(allies: AlliedProfileOptions) async throws -> (AnalysisSetup, Playbook) {
        var setup = try CLIError.setup { try AnalysisSetup(corpusPath: corpus.corpus, rulesOnly: model.rulesOnly) }
        guard playbook == nil, setup.corpus.playbook(profile) == nil,
            profile.contains(":") || allies.hasDatabase
        else { return try load() }
        let (profile, ourCorpus) = (profile, setup.corpus)
        let found = try await allies.storage.withStore(mustExist: true) { store in
            let catalog = try await AlliedCatalogLoader.load(store.shareLedger())
            guard let playbook = catalog.playbook(profile, corpus: ourCorpus) else {
                let allied = catalog.adoptedPlaybooks(corpus: ourCorpus) + catalog.judgingPlaybooks(corpus: ourCorpus)
                throw CLIError(
                    "unknown profile '\(profile)'; the corpus has: "
                        + ourCorpus.playbooks.map(\.id).sorted().joined(separator: ", ") + "; allies and adopted: "
                        + (allied.isEmpty ? "none" : allied.map(\.id).sorted().joined(separator: ", ")),
                    exitCode: 2
                )
            }
            return (playbook, catalog.judgingCorpus(for: playbook.id, base: ourCorpus))
        }
        setup.corpus = found.1
        var chosen = found.0
        chosen.homeJurisdictions += home.homeJurisdictions
        return (setup, chosen)
    }
}

extension AlliedProfileOptions {
    /// Whether there is a database to look in (a PostgreSQL URL, or an SQLite file in --data-dir).
    var hasDatabase: Bool {
        storage.databaseURL != nil
            || FileManager.default.fileExists(
                atPath: storage.dataDirectory.appendingPathComponent(SQLiteBackup.databaseName).path
            )
    }
}
