import FineprintRegister
import Foundation
import Testing

@Suite("Watched sources tied to suppliers and components")
struct WatchLinkTests {
    static func register() -> Register {
        var register = Register()
        register.suppliers["acme"] = Supplier(id: "acme", name: "Acme")
        register.suppliers["other"] = Supplier(id: "other", name: "Other")
        for (key, supplier) in [("acme/a", "acme"), ("acme/b", "acme"), ("other/c", "other")] {
            register.components[key] = RegisterComponent(
                id: key,
                imported: ImportedFields(name: key, kind: "application", layer: .saas),
                supplierOverride: supplier
            )
        }
        return register
    }

    @Test func aSupplierLinkReachesEveryComponentItBacksAndAComponentLinkOnlyItself() throws {
        var register = Self.register()
        let day = Date(timeIntervalSince1970: 1_790_000_000)
        register.linkWatch(WatchLink(source: "/terms/acme.md", supplier: "acme", linkedAt: day))
        register.linkWatch(WatchLink(source: "https://other.example/terms", component: "other/c", linkedAt: day))
        let a = try #require(register.components["acme/a"])
        let b = try #require(register.components["acme/b"])
        let c = try #require(register.components["other/c"])
        #expect(register.watchLinks(of: a).map(\.source) == ["/terms/acme.md"])
        #expect(register.watchLinks(of: b).map(\.source) == ["/terms/acme.md"])
        #expect(register.watchLinks(of: c).map(\.source) == ["https://other.example/terms"])
    }

    @Test func linkingAgainRefreshesAndUnlinkingRemovesOnlyThatSubject() {
        var register = Self.register()
        let first = Date(timeIntervalSince1970: 1_790_000_000)
        register.linkWatch(WatchLink(source: "/t.md", supplier: "acme", linkedAt: first))
        register.linkWatch(WatchLink(source: "/t.md", component: "other/c", linkedAt: first))
        register.linkWatch(WatchLink(source: "/t.md", supplier: "acme", linkedAt: first.addingTimeInterval(60)))
        #expect(register.watchLinks.count == 2)
        #expect(register.watchLinks.last?.linkedAt == first.addingTimeInterval(60))
        let removed = register.unlinkWatch(WatchLink(source: "/t.md", supplier: "acme", linkedAt: first))
        let removedAgain = register.unlinkWatch(WatchLink(source: "/t.md", supplier: "acme", linkedAt: first))
        #expect(removed)
        #expect(!removedAgain)
        #expect(register.watchLinks.map(\.component) == ["other/c"])
    }

    @Test func aChangeSaysWhichWayTheRightsMoved() {
        func change(better: Int, worse: Int) -> WatchedTermsChange.Direction {
            WatchedTermsChange(
                source: "s",
                sourceName: "s",
                via: "supplier",
                recordedAt: Date(timeIntervalSince1970: 0),
                headline: "h",
                better: better,
                worse: worse,
                scoreOld: 50,
                scoreNew: 50,
                details: []
            ).direction
        }
        #expect(change(better: 0, worse: 2) == .worse)
        #expect(change(better: 1, worse: 0) == .better)
        #expect(change(better: 1, worse: 1) == .mixed)
        #expect(change(better: 0, worse: 0) == .unchanged)
    }
}
