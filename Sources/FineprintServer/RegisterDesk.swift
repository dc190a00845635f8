import FineprintRegister
import FineprintStore
import FineprintWatch
import Foundation

/// The register policies shipped in the corpus.
enum RegisterPolicies {
    /// `corpus/register/policies.yaml`, checked; none when the corpus has no register folder.
    static func load(fromCorpus corpus: URL) throws -> [Policy] {
        let url = corpus.appendingPathComponent("register/policies.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try PolicyFile.decode(yaml: try String(contentsOf: url, encoding: .utf8)).policies
    }
}

/// One organisation's register as a request sees it: the register, what is computed over it for the
/// moment of the request, and the watched changes of its suppliers' terms.
struct RegisterView: Sendable {
    let organisation: String
    let register: Register
    let asOf: Date
    let metrics: RegisterMetrics
    let violations: [PolicyViolation]
    /// The watch store's sources by location (empty without a store).
    var watched: [String: WatchSource]
    /// How many components each supplier backs (one pass: a supplier id is derived from a name).
    let componentCounts: [String: Int]

    /// The rights changes recorded for the sources tied to a component, newest first.
    func watchedChanges(of component: RegisterComponent) -> [WatchedTermsChange] {
        register.watchLinks(of: component).flatMap { link in
            changes(of: link.source, via: link.component == component.id ? "component" : "supplier")
        }.sorted { ($0.recordedAt, $0.source) > ($1.recordedAt, $1.source) }
    }

    /// The rights changes the watch store recorded for one source (none when it is not there).
    func changes(of location: String, via: String) -> [WatchedTermsChange] {
        guard let source = watched[location] else { return [] }
        return source.versions.reversed().compactMap { version in
            guard let change = version.change, change.rightsChanged else { return nil }
            return WatchedTermsChange(
                source: source.location,
                sourceName: source.name,
                via: via,
                recordedAt: version.retrieved,
                headline: change.headline,
                better: change.better,
                worse: change.worse,
                scoreOld: change.scoreOld,
                scoreNew: change.scoreNew,
                details: change.details
            )
        }
    }
}

extension WebWorkbench {
    /// The one lookup every register page and API call goes through: which organisation's register a
    /// request sees. One register ("default", as the CLI's default) until matters scope it; scoping by
    /// the request's matter or organisation changes this function only.
    func registerOrganisation(for context: WebRequestContext) -> String {
        "default"
    }

    var registerStore: any RegisterStore {
        get throws {
            guard let store = store as? any RegisterStore else {
                throw WebError.notFound("register (this store keeps no dependency register)")
            }
            return store
        }
    }

    /// The request's register with its metrics and policy violations: the kept computation while the
    /// store's change marker, the day and the policies are those it was made for, else a new one.
    func registerView(for context: WebRequestContext, at now: Date = Date()) async throws -> RegisterView {
        try await registerEntry(for: context, at: now).view
    }

    /// The request's register view and its kept metric snapshots (newest first, at most 60). The
    /// marker is read before the register, so what is kept is never older than its key says.
    func registerEntry(for context: WebRequestContext, at now: Date = Date()) async throws -> RegisterViewCache.Entry {
        let organisation = registerOrganisation(for: context)
        let store = try registerStore
        let key = RegisterViewCache.Key(
            revision: try await store.registerRevision(organisation: organisation),
            day: RegisterViewCache.day(of: now),
            policies: registerPolicies.hashValue
        )
        var entry: RegisterViewCache.Entry
        if let kept = registerViews.entry(organisation, key: key) {
            entry = kept
        } else {
            entry = RegisterViewCache.Entry(
                key: key,
                view: try await computeRegisterView(organisation: organisation, at: now),
                snapshots: try await store.metricSnapshots(organisation: organisation, limit: 60)
            )
            registerViews.keep(entry, for: organisation)
        }
        // The watch store is a folder that `fineprint watch` writes outside the database: read each time.
        if !entry.view.register.watchLinks.isEmpty { entry.view.watched = try watchedSources() }
        return entry
    }

    /// Loads an organisation's register and computes its metrics and policy violations as of `now`.
    func computeRegisterView(organisation: String, at now: Date) async throws -> RegisterView {
        let register = try await registerStore.loadRegister(organisation: organisation)
        let settings = MetricSettings(asOf: now)
        return RegisterView(
            organisation: organisation,
            register: register,
            asOf: now,
            metrics: RegisterMetrics(register, settings: settings),
            violations: PolicyEvaluation.evaluate(registerPolicies, on: register, settings: settings),
            watched: [:],
            componentCounts: register.components.values.reduce(into: [:]) { counts, part in
                if let supplier = part.supplierId { counts[supplier, default: 0] += 1 }
            }
        )
    }

    /// The watch store's sources by location; none without a store (or before its first run).
    func watchedSources() throws -> [String: WatchSource] {
        guard let folder = watchFolder,
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.json").path)
        else { return [:] }
        do {
            let index = try WatchStore(root: folder).index
            return Dictionary(index.sources.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            throw WebError(
                .internalServerError,
                title: "The watch store cannot be read",
                message: "\(error)",
                hint: "Check the folder given to serve --watch-store, or run `fineprint watch` to create it."
            )
        }
    }

    /// Keeps the request's metrics as a dated snapshot (only when a value changed) and records it.
    func takeRegisterSnapshot(context: WebRequestContext) async throws -> Bool {
        let view = try await computeRegisterView(organisation: registerOrganisation(for: context), at: Date())
        let written = try await registerStore.saveMetricSnapshot(
            MetricSnapshot(organisation: view.organisation, takenAt: view.asOf, metrics: view.metrics)
        )
        try await record(
            .registerChange,
            "register",
            view.organisation,
            detail: written ? "metrics snapshot kept" : "metrics snapshot asked; unchanged, none kept",
            context: context
        )
        return written
    }
}
