import FineprintCore
import FineprintNegotiation
import FineprintReport
import Testing

@Suite("Negotiation pack model")
struct PackModelTests {
    @Test("every gap against the profile becomes an issue carrying its playbook position")
    func gapsBecomeIssuesWithPositions() throws {
        let input = try PackFixture.input()
        let pack = PackBuilder(input: input, supplier: "Auroral", date: PackFixture.date).build()
        let gapIssues = pack.issues.filter { $0.kind != .move }
        #expect(gapIssues.count == input.analysis.gaps.count)
        #expect(Set(gapIssues.map(\.subject)) == Set(input.analysis.gaps.map(\.provision)))
        for issue in gapIssues {
            let position = try #require(input.corpus.position(for: issue.subject, in: input.playbook))
            #expect(issue.askTitle == input.corpus.clause(position.preferred)?.title)
            #expect(issue.fallbacks == position.fallbacks)
            #expect(issue.walkAway == position.walkAway)
            #expect(!issue.basis.isEmpty)
        }
        #expect(pack.issues.map(\.number) == Array(1...pack.issues.count))
    }

    @Test("a missing provision is one insertion of the model clause")
    func missingIsOneInsertion() throws {
        let pack = try PackFixture.pack()
        let missing = pack.issues.filter { $0.kind == .missing }
        #expect(!missing.isEmpty)
        for issue in missing {
            #expect(issue.supplierText == nil)
            #expect(issue.changes == [TrackedChange(op: .insert, text: issue.askText)])
        }
    }

    @Test("a clause found in the text is marked against ours: its words deleted or kept, ours inserted")
    func presentClauseIsMarked() throws {
        let pack = try PackFixture.pack()
        let found = pack.issues.filter { $0.supplierText != nil }
        #expect(!found.isEmpty)
        for issue in found {
            let ops = Set(issue.changes.map(\.op))
            #expect(ops.contains(.insert))
            #expect(ops.contains(.delete) || ops.contains(.keep))
            let old = issue.changes.filter { $0.op != .insert }.map(\.text).joined(separator: " ")
            // Kept words are written as ours (the diff ignores case and typography), so count them.
            #expect(words(old).count == words(issue.supplierText ?? "").count)
            let new = issue.changes.filter { $0.op != .delete }.map(\.text).joined(separator: " ")
            #expect(words(new) == words(issue.askText))
        }
        // The fixture numbers its clauses ("2.3 Restrictions."), so some issue finds its clause number.
        #expect(found.contains { $0.supplierClause?.first?.isNumber == true })
    }

    @Test("issues come in order of the points they cost, and their titles are names, not ids")
    func orderAndNames() throws {
        let pack = try PackFixture.pack()
        let lost = pack.issues.map { $0.pointsLost ?? 0 }
        #expect(lost == lost.sorted(by: >))
        for issue in pack.issues { #expect(!issue.title.contains("_"), "title \(issue.title) looks like an id") }
    }

    @Test("a document that meets the profile leaves fewer issues than the vendor terms")
    func strongContractHasFewerIssues() throws {
        let strong = try PackFixture.pack("sovereign-framework-agreement.txt")
        let weak = try PackFixture.pack()
        #expect(strong.issues.count < weak.issues.count)
    }

    func words(_ s: String) -> [Substring] { s.split(whereSeparator: \.isWhitespace) }
}
