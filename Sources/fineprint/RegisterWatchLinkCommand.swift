import ArgumentParser
import FineprintRegister
import FineprintStore
import FineprintWatch
import Foundation

struct RegisterWatchLink: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch-link",
        abstract:
            "Tie a source `fineprint watch` records to a supplier or a component, so its rights changes show there.",
        discussion: """
            SOURCE is the location as `fineprint watch` recorded it (the file's path or the URL), or, with \
            --watch-store, also the source's name or id as that store lists them. Tied to a supplier, the \
            changes show on every component the supplier backs; tied to a component, on that one only. \
            The web workbench reads the changes from the store given to `fineprint serve --watch-store`.
            """
    )

    @Argument(help: "The watched source.") var source: String
    @Option(help: "The supplier id whose components the source's terms cover.") var supplier: String?
    @Option(help: "The component key the source's terms cover (instead of a supplier).") var component: String?
    @Option(help: "The `fineprint watch` store, to check the source is recorded there.") var watchStore: String?
    @Flag(help: "Remove the link instead.") var remove = false
    @OptionGroup var store: RegisterStoreOptions

    func validate() throws {
        guard (supplier == nil) != (component == nil) else {
            throw ValidationError("give either --supplier or --component")
        }
    }

    func run() async throws {
        let location = try CLIError.setup { try Self.location(of: source, watchStore: watchStore) }
        let link = WatchLink(source: location, supplier: supplier, component: component, linkedAt: Date())
        let organisation = store.organisation
        let remove = remove
        let changed = try await store.withStore { store in
            var register = try await store.loadRegister(organisation: organisation)
            try Self.checkSubject(link, in: register)
            let changed =
                remove
                ? register.unlinkWatch(link)
                : {
                    register.linkWatch(link)
                    return true
                }()
            guard changed else { return false }
            try await store.saveRegister(register, organisation: organisation)
            try await OperatorAudit.record(
                .registerChange,
                "watch-link",
                link.supplier ?? link.component ?? "",
                detail: (remove ? "unlinked " : "linked ") + location,
                in: store.auditLog()
            )
            return true
        }
        let subject = supplier.map { "supplier \($0)" } ?? "component \(component ?? "")"
        if remove {
            print(changed ? "\(location) no longer tied to \(subject)" : "\(location) was not tied to \(subject)")
        } else {
            print("\(location) tied to \(subject)")
        }
    }

    static func checkSubject(_ link: WatchLink, in register: Register) throws {
        if let supplier = link.supplier, register.suppliers[supplier] == nil {
            throw CLIError("no supplier '\(supplier)' in the register", exitCode: 2)
        }
        if let component = link.component, register.components[component] == nil {
            throw CLIError("no component '\(component)' in the register", exitCode: 2)
        }
    }

    /// The location the watch store keys the source by: a URL as given, a file as its absolute path
    /// (as `fineprint watch` records it); with a store, a name or id it lists resolves too.
    static func location(of source: String, watchStore: String?) throws -> String {
        let lower = source.lowercased()
        let isURL = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        let given = isURL ? source : URL(fileURLWithPath: source).standardizedFileURL.path
        guard let watchStore else { return given }
        let folder = URL(fileURLWithPath: watchStore)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.json").path) else {
            throw CLIError("\(watchStore) is not a `fineprint watch` store (no index.json)", exitCode: 2)
        }
        let index = try WatchStore(root: folder).index
        if let found = index.source(given) ?? index.source(source) { return found.location }
        let matches = index.sources.filter { $0.id == source || $0.name == source }
        guard matches.count == 1 else {
            throw CLIError(
                matches.isEmpty
                    ? "\(source) is not a source recorded in \(watchStore)"
                    : "\(source) names \(matches.count) sources in \(watchStore); give the location",
                exitCode: 2
            )
        }
        return matches[0].location
    }
}
