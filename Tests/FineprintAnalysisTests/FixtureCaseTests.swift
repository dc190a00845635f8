import FineprintAnalysis
import FineprintCore
import Foundation
import Testing
import Yams

/// One behaviour case from Tests/Fixtures/cases/*.yaml (format in Tests/Fixtures/README.md).
struct FixtureCase: Decodable, Sendable, CustomTestStringConvertible {
    var provision: String?
    var move: String?
    var text: String
    var expect: String
    var strength: String?
    var value: String?
    var note: String?
    /// The buyer's home jurisdictions for this case (the playbook's `home_jurisdictions`).
    var home: [String]?
    var file: String = ""

    enum CodingKeys: String, CodingKey { case provision, move, text, expect, strength, value, note, home }

    var testDescription: String {
        "\(file): \(provision ?? move ?? "?") \(expect) — \(String(text.prefix(70)))"
    }
}

private struct CaseFile: Decodable {
    var schema: String
    var cases: [FixtureCase]
}

enum FixtureCases {
    static func load() -> [FixtureCase] {
        let dir = Repo.fixtures.appendingPathComponent("cases")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var all: [FixtureCase] = []
        for name in names {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else {
                continue
            }
            do {
                let file = try YAMLDecoder().decode(CaseFile.self, from: text)
                all += file.cases.map {
                    var c = $0
                    c.file = name
                    return c
                }
            } catch {
                // A case file that does not decode becomes one failing case naming the error.
                all.append(
                    FixtureCase(provision: nil, move: nil, text: "\(error)", expect: "decodes", home: nil, file: name)
                )
            }
        }
        return all
    }
}

@Suite struct FixtureCaseTests {
    @Test("every case file has cases") func caseFilesExist() {
        #expect(FixtureCases.load().count >= 100)
    }

    @Test("rule behaviour case", arguments: FixtureCases.load())
    func behaviour(_ c: FixtureCase) throws {
        try #require(c.expect != "decodes", "case file does not decode: \(c.text)")
        let analysis = try Repo.analyze(c.text, home: c.home ?? [])
        if let id = c.provision {
            let finding = try #require(analysis.finding(id), "unknown provision \(id)")
            let expected: ProvisionStatus = c.expect == "present" ? .present : .absent
            #expect(
                finding.status == expected,
                "\(id) expected \(c.expect), got \(finding.status.rawValue) at \(finding.confidence) — \(c.note ?? "")"
            )
            guard finding.status == .present, expected == .present else { return }
            if let strength = c.strength { #expect(finding.strength?.rawValue == strength, "\(id) strength") }
            if let value = c.value { #expect(finding.value == value, "\(id) value") }
            let scalars = Array(c.text.unicodeScalars)
            #expect(!finding.evidence.isEmpty)
            for e in finding.evidence {
                #expect(e.start >= 0 && e.end <= scalars.count && e.start < e.end)
                var quote = String.UnicodeScalarView()
                quote.append(contentsOf: scalars[e.start..<e.end])
                #expect(String(quote) == e.quote)
            }
        } else if let id = c.move {
            let found = analysis.move(id) != nil
            #expect(
                found == (c.expect == "found"),
                "move \(id) expected \(c.expect) — \(c.note ?? "")"
            )
        } else {
            Issue.record("a case needs a provision or a move")
        }
    }
}
