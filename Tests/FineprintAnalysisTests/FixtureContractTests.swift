import FineprintAnalysis
import FineprintCore
import FineprintIngest
import FineprintReport
import Foundation
import Testing

/// One row of an expectation table in Tests/Fixtures/contracts/README.md.
struct ContractExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var provision: String
    var status: String
    var strength: String

    var testDescription: String { "\(file): \(provision) \(status) \(strength)" }

    /// Parses the README's per-contract tables (`## n. \`file\`` then `| provision | status | strength | …`).
    static func load() -> [ContractExpectation] {
        let url = Repo.fixtures.appendingPathComponent("contracts/README.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var rows: [ContractExpectation] = []
        var file: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## "), let open = line.firstIndex(of: "`"),
                let close = line[line.index(after: open)...].firstIndex(of: "`")
            {
                file = String(line[line.index(after: open)..<close])
                continue
            }
            guard let file, line.hasPrefix("|") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 4, cells[1].range(of: "^[a-z_]+$", options: .regularExpression) != nil,
                cells[1] != "provision"
            else { continue }
            rows.append(ContractExpectation(file: file, provision: cells[1], status: cells[2], strength: cells[3]))
        }
        return rows
    }
}

/// Whole synthetic contracts, analysed once each.
enum FixtureContracts {
    static let names = [
        "sovereign-framework-agreement.txt", "vendor-ai-terms.md",
        "ministry-platform-agreement.html", "long-master-services-agreement.txt",
    ]

    static let analyses: [String: Result<(Analysis, ExtractedDocument), Error>] = {
        var out: [String: Result<(Analysis, ExtractedDocument), Error>] = [:]
        for name in names {
            out[name] = Result {
                let analyzer = try Repo.analyzer.get()
                let document = try DocumentReader().read(
                    fileAt: Repo.fixtures.appendingPathComponent("contracts/" + name)
                )
                return (analyzer.analyze(document, playbook: try requirePlaybook(analyzer.corpus, "tier1")), document)
            }
        }
        return out
    }()

    static func analysis(_ name: String) throws -> Analysis { try #require(analyses[name]).get().0 }
}

@Suite struct FixtureContractTests {
    @Test("the expectation tables cover all four contracts") func tablesParse() {
        let rows = ContractExpectation.load()
        #expect(Set(rows.map(\.file)) == Set(FixtureContracts.names))
        #expect(rows.count == 160)
    }

    @Test("expected provision status and strength", arguments: ContractExpectation.load())
    func expectation(_ row: ContractExpectation) throws {
        let finding = try #require(try FixtureContracts.analysis(row.file).finding(row.provision))
        if row.status == "present" || row.status == "absent" {
            #expect(
                finding.status.rawValue == row.status,
                "confidence \(finding.confidence); evidence: \(finding.evidence.first?.quote.prefix(120) ?? "none")"
            )
        }
        if row.strength == "strong" || row.strength == "weak", finding.status == .present, row.status != "absent" {
            if row.status == "present" {
                #expect(
                    finding.strength?.rawValue == row.strength
                        || (row.strength == "strong" && finding.strength == .adequate),
                    "strength \(finding.strength?.rawValue ?? "nil")"
                )
            } else if row.strength == "weak" {
                #expect(finding.strength != .strong)
            }
        }
    }

    @Test func vendorTermsShowTheirTraps() throws {
        let a = try FixtureContracts.analysis("vendor-ai-terms.md")
        for id in [
            "vendor_trains_on_customer_data", "terms_changed_by_posting", "continued_use_as_acceptance",
            "audit_limited_to_supplier_reports", "liability_capped_at_twelve_months_fees",
            "suspension_at_supplier_discretion", "deletion_without_export_window", "auto_renewal_long_notice",
            "floating_acceptable_use_policy", "subprocessors_without_objection", "buyer_indemnifies_supplier",
            "minimum_purchase_commitment",
        ] {
            #expect(a.move(id) != nil, "\(id) not found")
        }
        #expect(a.finding("governing_law")?.value == "California, USA")
        #expect(a.finding("liability_cap")?.value?.contains("12 months") == true)
    }

    @Test func sovereignAgreementHasNoTraps() throws {
        let a = try FixtureContracts.analysis("sovereign-framework-agreement.txt")
        for id in [
            "vendor_trains_on_customer_data", "terms_changed_by_posting", "audit_limited_to_supplier_reports",
            "liability_capped_at_twelve_months_fees", "suspension_at_supplier_discretion",
            "deletion_without_export_window", "auto_renewal_long_notice", "floating_acceptable_use_policy",
        ] {
            #expect(a.move(id) == nil, "\(id) found")
        }
        #expect(a.finding("breach_notification")?.value == "24 hours")
        #expect(a.finding("governing_law")?.value?.contains("Estonia") == true)
    }

    @Test func scoresRankTheContracts() throws {
        let sovereign = try FixtureContracts.analysis("sovereign-framework-agreement.txt").score
        let msa = try FixtureContracts.analysis("long-master-services-agreement.txt").score
        let ministry = try FixtureContracts.analysis("ministry-platform-agreement.html").score
        let vendor = try FixtureContracts.analysis("vendor-ai-terms.md").score
        #expect(sovereign > msa && msa > ministry && ministry > vendor)
        #expect(sovereign >= 70 && vendor <= 20)
    }

    @Test func gapsNameTheirClosingClause() throws {
        let analyzer = try Repo.analyzer.get()
        let a = try FixtureContracts.analysis("vendor-ai-terms.md")
        #expect(!a.gaps.isEmpty)
        for gap in a.gaps {
            let clauseId = try #require(gap.clause, "\(gap.provision) has no clause")
            let clause = try #require(analyzer.corpus.clause(clauseId), "unknown clause \(clauseId)")
            #expect(clause.provides.contains(gap.provision) || clause.counters.contains(gap.provision))
        }
        for move in a.killListMoves { #expect(analyzer.corpus.clause(move.mitigation) != nil) }
    }

    @Test("offsets of every evidence quote index the extracted text", arguments: FixtureContracts.names)
    func evidenceOffsets(_ name: String) throws {
        let (analysis, document) = try #require(FixtureContracts.analyses[name]).get()
        let scalars = Array(document.text.unicodeScalars)
        #expect(analysis.document.characters == scalars.count)
        let all = analysis.provisions.flatMap(\.evidence) + analysis.killListMoves.flatMap(\.evidence)
        #expect(!all.isEmpty)
        for e in all {
            var quote = String.UnicodeScalarView()
            quote.append(contentsOf: scalars[e.start..<e.end])
            #expect(String(quote) == e.quote)
        }
    }
}
