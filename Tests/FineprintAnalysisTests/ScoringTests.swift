import FineprintAnalysis
import FineprintCore
import Testing

/// The explained score (docs/scoring.md): traceable points, moves not counted twice, no floor.
@Suite struct ScoringTests {
    static let training = "The Supplier may use Customer Data to train and improve its models."

    @Test("the losses add up to 100 less the score, for every tier", arguments: ["tier1", "tier2", "tier3"])
    func lossesAddUp(_ profile: String) throws {
        let a = try Repo.analyze(Self.training, profile: profile)
        let breakdown = try #require(a.scoreBreakdown)
        let lost = breakdown.filter { $0.points < 0 }.reduce(0) { $0 + $1.points }
        #expect(abs(Double(a.score) - max(0, 100 + lost)) <= 0.5)
        #expect(breakdown.allSatisfy { ($0.provision == nil) != ($0.move == nil) })
        #expect(breakdown.allSatisfy { !$0.reason.contains("_") }, "reasons are in words")
    }

    @Test("a move whose requirement is already missing costs nothing more")
    func moveNotCountedTwice() throws {
        // Tier 3 requires no secondary use (worth more than a high move's 5 %), already missing here.
        let a = try Repo.analyze(Self.training, profile: "tier3")
        #expect(a.move("vendor_trains_on_customer_data") != nil)
        #expect(a.finding("secondary_use_restriction")?.status == .absent)
        let breakdown = try #require(a.scoreBreakdown)
        #expect(!breakdown.contains { $0.move == "vendor_trains_on_customer_data" })
        #expect(breakdown.contains { $0.provision == "secondary_use_restriction" && $0.points < 0 })
    }

    @Test("a move breaking a requirement that was met costs its share of the standing score")
    func moveCostsWhenRequirementMet() throws {
        let text = """
            The Supplier will not use Customer Data to train any model.
            Customer owns all right, title and interest in its data.
            The Provider may suspend the Service at any time in its sole discretion.
            """
        let a = try Repo.analyze(text, profile: "tier3")
        let breakdown = try #require(a.scoreBreakdown)
        let move = breakdown.first { $0.move == "suspension_at_supplier_discretion" }
        // Tier 3 does not list suspension, so nothing has been lost on it: the move costs its penalty.
        #expect((move?.points ?? 0) < 0)
        #expect(a.coverage.map { $0 > 0 } == true)
    }

    @Test("a text full of traps stays above 0 when it earns something")
    func noFloorFromMoves() throws {
        let text = """
            Customer owns all right, title and interest in its data.
            We may modify these Terms at any time by posting the revised version on our website.
            Your continued use of the Services after any change constitutes acceptance of the new Terms.
            The Provider may suspend the Service at any time in its sole discretion.
            In no event will we be liable for any loss of data.
            We may use your Content to develop and improve our models and services.
            """
        let a = try Repo.analyze(text, profile: "tier3")
        #expect(a.killListMoves.count >= 4)
        #expect(a.score > 0)
        let strict = try Repo.analyze(text, profile: "tier1")
        #expect(strict.score <= a.score, "a stricter tier never scores the same text higher")
    }
}
