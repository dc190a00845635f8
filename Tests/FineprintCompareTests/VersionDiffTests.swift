import FineprintAnalysis
import FineprintCompare
import FineprintCore
import Foundation
import Testing

/// Synthetic versions, in our own words, for each kind of change the diff must tell apart.
@Suite struct VersionDiffTests {
    static let base = """
        SERVICE TERMS

        1. Scope. These terms cover the hosted drafting assistant that the Supplier runs for the Customer.

        2. Data use. The Supplier will not use Customer Content to improve the Services or to train any model.

        3. Security incidents. The Supplier shall notify the Customer of any security breach within 72 hours of becoming aware of it.

        4. Ending the contract. The Customer may terminate this Agreement for convenience on thirty days' written notice.

        5. Contact. Questions about these terms go to the legal team named on the order form.
        """

    @Test func identicalVersionsHaveNoChanges() throws {
        let d = try Tiny.diff(Self.base, Self.base)
        #expect(d.summary.identical)
        #expect(!d.summary.cosmeticOnly)
        #expect(d.rights.isEmpty)
        #expect(d.clauses.allSatisfy { $0.status == .unchanged && !$0.moved })
        #expect(d.summary.headline == "No change")
    }

    @Test func cosmeticChangesAreRecognised() throws {
        let old = """
            SERVICE TERMS

            Last updated: 3 March 2025. See https://example.test/terms/v1 for earlier versions.

            1. Scope. These terms cover the hosted drafting assistant that the Supplier runs for the Customer.

            2. Data use. The Supplier will not use Customer Content to improve the Services or to train any model.

            3. Security incidents. The Supplier shall notify the Customer of any security breach within 72 hours of becoming aware of it.

            4. Ending the contract. The Customer may terminate this Agreement for convenience on thirty days' written notice.
            """
        // New date, new link, curly quotes, an en dash, a non-breaking space, doubled spaces, other case.
        let new = """
            Service Terms

            Last updated: 2025-09-14. See https://example.test/legal/terms-v2?ref=x for earlier versions.

            1. Scope. These terms cover the hosted drafting assistant that the Supplier runs for the Customer.

            2. Data use. The Supplier will not use Customer Content to improve the Services  or to train any model.

            3. Security incidents. The Supplier shall notify the Customer of any security breach within 72\u{00A0}hours of becoming aware of it.

            4. Ending the contract. The Customer may terminate this Agreement for convenience on thirty days\u{2019} written notice.
            """
        let d = try Tiny.diff(old, new)
        #expect(d.summary.cosmeticOnly, "\(d.summary)")
        #expect(!d.summary.identical)
        #expect(d.rights.isEmpty)
        #expect(d.summary.headline == "Cosmetic changes only")
        #expect(d.summary.modified == 0 && d.summary.added == 0 && d.summary.removed == 0 && d.summary.moved == 0)
        let labels = Set(d.clauses.flatMap(\.cosmetic))
        #expect(labels.isSuperset(of: [.dates, .links, .typography, .whitespace, .letterCase]), "\(labels)")
        let header = try #require(d.clauses.first { $0.text.hasPrefix("Last updated") })
        #expect(header.status == .cosmetic)
        #expect(Set(header.cosmetic) == [.dates, .links])
        let incident = try #require(d.clauses.first { $0.text.contains("security breach") })
        #expect(incident.cosmetic == [.typography])
    }

    @Test func renumberingIsCosmetic() throws {
        // A clause inserted at the top pushes every number down by one.
        let new = Self.base.replacingOccurrences(of: "5. Contact", with: "6. Contact")
            .replacingOccurrences(of: "4. Ending", with: "5. Ending")
            .replacingOccurrences(of: "3. Security", with: "4. Security")
            .replacingOccurrences(of: "2. Data use", with: "3. Data use")
            .replacingOccurrences(of: "1. Scope", with: "2. Scope")
            .replacingOccurrences(
                of: "SERVICE TERMS\n\n",
                with: "SERVICE TERMS\n\n1. Definitions. Words in capitals have the meaning given in the order form.\n\n"
            )
        let d = try Tiny.diff(Self.base, new)
        #expect(d.summary.added == 1)
        #expect(d.summary.removed == 0 && d.summary.modified == 0 && d.summary.moved == 0)
        #expect(d.summary.renumbered == 5)
        let renumbered = d.clauses.filter(\.renumbered)
        #expect(renumbered.allSatisfy { $0.status == .cosmetic && $0.cosmetic == [.numbering] })
        #expect(renumbered.first?.old?.number == "1" && renumbered.first?.new?.number == "2")
        #expect(d.rights.isEmpty)
        #expect(d.clauses.first { $0.status == .added }?.text.contains("Definitions") == true)
    }

    @Test func movedClauseIsFoundAndKeepsItsRights() throws {
        // Clause 2 moves to the end (and is renumbered); nothing else changes.
        let new = """
            SERVICE TERMS

            1. Scope. These terms cover the hosted drafting assistant that the Supplier runs for the Customer.

            2. Security incidents. The Supplier shall notify the Customer of any security breach within 72 hours of becoming aware of it.

            3. Ending the contract. The Customer may terminate this Agreement for convenience on thirty days' written notice.

            4. Contact. Questions about these terms go to the legal team named on the order form.

            5. Data use. The Supplier will not use Customer Content to improve the Services or to train any model.
            """
        let d = try Tiny.diff(Self.base, new)
        #expect(d.summary.added == 0 && d.summary.removed == 0 && d.summary.modified == 0)
        #expect(d.summary.moved == 1)
        let moved = try #require(d.clauses.first { $0.moved })
        #expect(moved.text.contains("Data use"))
        #expect(moved.old?.number == "2" && moved.new?.number == "5")
        #expect(d.rights.isEmpty)
        #expect(!d.summary.cosmeticOnly)
    }

    @Test func lostProvisionIsAWorseRightsChange() throws {
        let new = Self.base.replacingOccurrences(
            of:
                "2. Data use. The Supplier will not use Customer Content to improve the Services or to train any model.\n\n",
            with: ""
        )
        let d = try Tiny.diff(Self.base, new)
        #expect(d.summary.removed == 1)
        let lost = try #require(d.rights.provisions.first { $0.provision == "secondary_use_restriction" })
        #expect(lost.kind == .lost)
        #expect(lost.effect == .worse)
        #expect(lost.old.status == .present && lost.new.status == .absent)
        #expect(d.summary.worse >= 1)
        #expect(d.rights.scoreDelta < 0)
        #expect(d.rights.gapsOpened.contains("secondary_use_restriction"))
        #expect(d.summary.headline.contains("lost secondary_use_restriction"))
    }

    @Test func deadlineChangeIsReportedWithBothValues() throws {
        let new = Self.base.replacingOccurrences(
            of: "within 72 hours of becoming aware of it",
            with: "without undue delay after becoming aware of it"
        )
        let d = try Tiny.diff(Self.base, new)
        let change = try #require(d.rights.provisions.first { $0.provision == "breach_notification" })
        #expect(change.old.value == "72 hours")
        #expect(change.new.value == "without undue delay")
        #expect(change.valueChanged)
        #expect(change.kind == .weakened || change.kind == .valueChanged)
        let clause = try #require(d.clauses.first { $0.status == .modified })
        let segments = try #require(clause.segments)
        #expect(segments.contains { $0.op == .delete && $0.text.contains("72 hours") })
        #expect(segments.contains { $0.op == .insert && $0.text.contains("undue delay") })
        #expect(d.summary.modified == 1 && d.summary.added == 0 && d.summary.removed == 0)
    }

    @Test func hazardAddedIsALossForTheBuyer() throws {
        let new =
            Self.base + "\n\n6. Changes. The Supplier may modify these terms at any time by posting a new version.\n"
        let d = try Tiny.diff(Self.base, new)
        let hazard = try #require(d.rights.provisions.first { $0.provision == "unilateral_change" })
        #expect(hazard.kind == .hazardAdded)
        #expect(hazard.effect == .worse)
        #expect(hazard.polarity == .hazard)
        #expect(d.summary.added == 1)
        #expect(d.summary.headline.contains("hazard added unilateral_change"))
        // And the reverse diff reads as a hazard removed, in the buyer's favour.
        let back = try Tiny.diff(new, Self.base)
        let removed = try #require(back.rights.provisions.first { $0.provision == "unilateral_change" })
        #expect(removed.kind == .hazardRemoved && removed.effect == .better)
    }

    @Test func killListMoveAddedAndProvisionEditedInPlace() throws {
        let new = Self.base.replacingOccurrences(
            of: "The Supplier will not use Customer Content to improve the Services or to train any model.",
            with: "The Supplier may use Customer Content to improve the Services and to train its models."
        )
        let d = try Tiny.diff(Self.base, new)
        #expect(d.rights.movesAdded.map(\.id) == ["trains_on_data"])
        #expect(d.rights.provisions.contains { $0.provision == "secondary_use_restriction" && $0.kind == .lost })
        #expect(d.summary.modified == 1)
        #expect(d.summary.added == 0 && d.summary.removed == 0)
    }

    @Test func offsetsAreValidAndRenderersEscape() throws {
        let new =
            Self.base.replacingOccurrences(of: "5. Contact.", with: "5. Contact <script>alert(1)</script> & more.")
            + "\n\n6. Changes. The Supplier may modify these terms at any time.\n"
        let old = try Tiny.document(Self.base, name: "old.txt")
        let newDoc = try Tiny.document(new, name: "new.txt")
        let d = VersionDiff.compute(old: old, new: newDoc, analyzer: Tiny.analyzer, playbook: Tiny.playbook)
        #expect(offsetProblems(d, old: old, new: newDoc).isEmpty, "\(offsetProblems(d, old: old, new: newDoc))")
        let html = try DiffRenderer.render(d, as: .html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        let json = try DiffRenderer.render(d, as: .json)
        let decoded = try JSONDecoder().decode(VersionDiff.self, from: Data(json.utf8))
        #expect(decoded.schema == "fineprint.diff/1")
        #expect(decoded == d)
        #expect(try DiffRenderer.render(d, as: .text).contains("HAZARD ADDED"))
        #expect(try DiffRenderer.render(d, as: .markdown).contains("# What changed"))
        #expect(throws: UnsupportedFormat.self) { try DiffRenderer.render(d, as: .csv) }
    }

    @Test func largeVersionsDiffQuickly() throws {
        // About 100 KB: 400 numbered clauses; the new version renumbers, edits, moves and adds.
        var a = "TERMS\n\n"
        var b = "TERMS\n\n"
        var clauses: [String] = []
        for i in 0..<400 {
            clauses.append(
                "Clause topic \(i): the parties agree that item \(i) of the schedule is handled by the team in region \(i % 7) with review every \(i % 12 + 1) months, and that records about it are kept for audit."
            )
        }
        for (i, c) in clauses.enumerated() { a += "\(i + 1). \(c)\n\n" }
        var edited = clauses
        edited[10] = edited[10].replacingOccurrences(of: "kept for audit", with: "deleted after one year")
        let moved = edited.remove(at: 50)
        edited.append(moved)
        edited.insert("A new clause about subcontractors that need written approval first.", at: 5)
        for (i, c) in edited.enumerated() { b += "\(i + 1). \(c)\n\n" }
        let old = try Tiny.document(a, name: "a.txt")
        let new = try Tiny.document(b, name: "b.txt")
        let d = VersionDiff.compute(old: old, new: new, analyzer: Tiny.analyzer, playbook: Tiny.playbook)
        #expect(d.summary.added == 1)
        #expect(d.summary.modified == 1)
        #expect(d.summary.moved == 1)
        #expect(d.summary.removed == 0)
        #expect(offsetProblems(d, old: old, new: new).isEmpty)
        print(
            "synthetic \(a.utf8.count / 1024) KB diff: total \(d.timings.totalMilliseconds) ms, alignment \(d.timings.alignmentMilliseconds) ms (debug build)"
        )
    }
}
