import ArgumentParser
import FineprintRegister
import FineprintStore
import Foundation

struct RegisterExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the register as CycloneDX 1.6 JSON, a component CSV, or a register-of-information CSV."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case cyclonedx, csv
        case roiCSV = "roi-csv"
    }

    @Option(help: "cyclonedx, csv or roi-csv.") var format: Format = .cyclonedx
    @Option(help: "Where to write (- for standard output).") var out: String = "-"
    @OptionGroup var store: RegisterStoreOptions

    func run() async throws {
        let organisation = store.organisation
        let register = try await store.withStore { store in try await store.loadRegister(organisation: organisation) }
        let data: Data
        switch format {
        case .cyclonedx: data = try CycloneDXWriter(organisation: organisation, timestamp: Date()).data(register)
        case .csv: data = Data(CSVExport.components(register).utf8)
        case .roiCSV: data = Data(CSVExport.registerOfInformation(register).utf8)
        }
        if out == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            throw CLIError("cannot write \(out): \(error.localizedDescription)", exitCode: 2)
        }
        Console.progress("wrote \(out)\n")
    }
}
