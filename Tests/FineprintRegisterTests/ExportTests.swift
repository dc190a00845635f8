import FineprintCore
import FineprintRegister
import FineprintTestSupport
import Foundation
import Testing

@Suite("Register export: CycloneDX 1.6 valid against the official schema and read back, CSV quoted")
struct ExportTests {
    typealias F = RegisterFixtures

    func exampleLike() throws -> Register {
        var r = F.keyControl()
        _ = RegisterImport.merge(
            try CycloneDXReader().read(Data(BOMFixtures.system().utf8)),
            into: &r,
            system: "a",
            at: F.asOf
        )
        r.setTier(
            TierAssignment(system: "a", component: "example-model-co/triage-llm@3.1", tier: .allied, rationale: "r")
        )
        r.countries = CountryTable(domestic: ["EE"], eu: ["FR", "DE"])
        return r
    }

    @Test func theCycloneDXExportIsValidAgainstTheOfficialSchema() throws {
        let data = try CycloneDXWriter(organisation: "test", timestamp: F.asOf).data(try exampleLike())
        let folder = try TemporaryFiles.folder("register-export")
        let bom = folder.appendingPathComponent("bom.json")
        try data.write(to: bom)
        let schemas = RepositoryPaths.fixtures.appendingPathComponent("cyclonedx")
        let script = """
            import json, sys, pathlib
            try:
                import jsonschema, referencing
            except ImportError:
                print("SKIP"); sys.exit(0)
            folder = pathlib.Path(sys.argv[1])
            resources = [(p.name, referencing.Resource.from_contents(json.loads(p.read_text()))) for p in folder.glob("*.json")]
            resources += [("http://cyclonedx.org/schema/" + name, r) for name, r in resources]
            registry = referencing.Registry().with_resources(resources)
            schema = json.loads((folder / "bom-1.6.schema.json").read_text())
            validator = jsonschema.Draft7Validator(schema, registry=registry)
            errors = list(validator.iter_errors(json.loads(pathlib.Path(sys.argv[2]).read_text())))
            for e in errors[:5]: print(list(e.path), e.message)
            print("OK" if not errors else "INVALID")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemas.path, bom.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            print("skipped: python3 is not available to validate the CycloneDX export")
            return
        }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if output.hasPrefix("SKIP") || process.terminationStatus == 127 {
            print("skipped: python3 has no jsonschema to validate the CycloneDX export (pip install jsonschema)")
            return
        }
        #expect(output.hasSuffix("OK\n"), "\(output)")
    }

    @Test func theExportReadsBackWithItsKeysLayersAndGraph() throws {
        let register = try exampleLike()
        let data = try CycloneDXWriter(organisation: "test", timestamp: F.asOf).data(register)
        let bom = try CycloneDXReader().read(data)
        #expect(bom.parts.count == register.components.count + register.systems.count)
        #expect(bom.edges.count >= register.edges.count)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"fineprint:tier:a\""))
        #expect(text.contains("\"fineprint:control:key-control\""))
        #expect(text.contains("\"fineprint:alliance-class\""))
        // Every layer survives the round trip through the fineprint:layer property.
        var back = Register()
        _ = RegisterImport.merge(bom, into: &back, system: "back", at: F.asOf)
        for (key, part) in register.components {
            let found = back.components.values.first {
                $0.imported.name == part.imported.name && $0.layer == part.layer
            }
            #expect(found != nil, "\(key) came back without its layer")
        }
    }

    @Test func csvCellsAreQuotedAndFormulasDefused() {
        var r = Register()
        r.components["x"] = F.component("=HYPERLINK(\"http://evil\")", .software, supplier: nil)
        r.components["x"]?.imported.name = "a, \"b\""
        let csv = CSVExport.components(r)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"http://evil\"\")\",\"a, \"\"b\"\"\""))
        #expect(CSVExport.registerOfInformation(F.keyControl()).split(separator: "\r\n").count == 3)
    }

    @Test func contractFactsComeFromTheAnalysis() {
        let finding = { (id: String, status: ProvisionStatus, strength: Strength?) in
            ProvisionFinding(
                id: id,
                dimension: "d",
                status: status,
                confidence: 1,
                strength: strength,
                value: nil,
                evidence: status == .present ? [Evidence(start: 0, end: 5, quote: "The Supplier shall\nlog.")] : []
            )
        }
        #expect(ContractFacts.status(finding("logging", .present, .strong)) == .holds)
        #expect(ContractFacts.status(finding("logging", .present, nil)) == .holds)
        #expect(ContractFacts.status(finding("logging", .present, .weak)) == .weak)
        #expect(ContractFacts.status(finding("logging", .absent, nil)) == .absent)
        #expect(ContractFacts.status(nil) == .absent)
        #expect(
            ContractFacts.evidence(finding("logging", .present, .strong), document: "c.txt")
                == "The Supplier shall log."
        )
        #expect(ContractFacts.evidence(finding("logging", .absent, nil), document: "c.txt") == "not found in c.txt")
        #expect(Set(Control.allCases.map(\.provision)).count == Control.allCases.count)
    }
}
