import ArgumentParser
import FineprintRegister
import FineprintStore
import Foundation

struct RegisterImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a CycloneDX 1.6/1.7 JSON (or SPDX 3 JSON-LD) BOM into the register.",
        discussion: """
            Components merge on a stable key (purl, else supplier + name + version): a re-import updates \
            what the BOM says and never what people set (tiers, rationales, notes, owners, overrides); \
            nothing is duplicated, and components the BOM no longer lists are reported, not deleted.
            """
    )

    @Argument(help: "The BOM file.") var file: String
    @Option(help: "The system the BOM describes (default: its metadata.component name, else the file name).")
    var system: String?
    @Flag(help: "Show what would be added, changed and left, and save nothing.") var preview = false
    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let bom = try CLIError.setup {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
                throw CLIError("cannot read \(file): no such file", exitCode: 2)
            }
            let size = (attributes[.size] as? Int) ?? 0
            let reader = CycloneDXReader()
            if size > reader.maxBytes { throw BOMError.tooLarge(bytes: size, limit: reader.maxBytes) }
            do { return try reader.read(try Data(contentsOf: url)) } catch let error as BOMError {
                throw CLIError("\(file): \(error)", exitCode: 2)
            }
        }
        let systemId = SupplierKey.id(system ?? bom.systemName ?? url.deletingPathExtension().lastPathComponent)
        let report = try await store.withStore { store in
            var register = try await store.loadRegister(organisation: self.store.organisation)
            let report = FineprintRegister.RegisterImport.merge(bom, into: &register, system: systemId, at: Date())
            if !preview { try await store.saveRegister(register, organisation: self.store.organisation) }
            return report
        }
        print(format == .json ? try RegisterJSON.encode(report) : Self.describe(report, bom: bom, preview: preview))
    }

    static func describe(_ report: ImportReport, bom: ImportedBOM, preview: Bool) -> String {
        var lines = [
            "\(preview ? "Preview of the import" : "Imported") \(bom.format) into system \(report.system)"
                + (report.systemCreated ? " (new)" : ""),
            "  \(report.added.count) added, \(report.changed.count) changed, \(report.unchanged) unchanged, "
                + "\(report.missing.count) no longer in the BOM (kept)",
            "  \(report.suppliersAdded.count) suppliers added; edges: \(report.edgesAdded) added, \(report.edgesRemoved) removed",
        ]
        lines += report.added.prefix(50).map { "  + \($0)" }
        lines += report.changed.prefix(50).map { "  ~ \($0.component): \($0.fields.joined(separator: ", "))" }
        lines += report.missing.prefix(50).map { "  ? \($0) (not in this BOM; kept)" }
        lines += report.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}

struct RegisterSetTier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-tier",
        abstract: "Set the tier of a component for a system, with the reason (curated: imports never change it)."
    )

    @Argument(help: "The system id.") var system: String
    @Argument(help: "The component key.") var component: String
    @Argument(help: "1 must-control, 2 allied, 3 market-sourced.") var tier: Int
    @Option(help: "Why this tier.") var rationale: String
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        guard let chosen = Tier(rawValue: tier) else { throw ValidationError("the tier must be 1, 2 or 3") }
        try await store.withStore { store in
            var register = try await store.loadRegister(organisation: self.store.organisation)
            guard register.systems[system] != nil else {
                throw CLIError("no system '\(system)' in the register", exitCode: 2)
            }
            guard register.components[component] != nil else {
                throw CLIError("no component '\(component)' in the register", exitCode: 2)
            }
            register.setTier(TierAssignment(system: system, component: component, tier: chosen, rationale: rationale))
            try await store.saveRegister(register, organisation: self.store.organisation)
        }
        print("\(system) / \(component): tier \(tier)")
    }
}
