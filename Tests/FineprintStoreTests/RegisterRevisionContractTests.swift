import FineprintRegister
import FineprintStore
import Foundation
import Testing

@Suite("RegisterStore change marker, on SQLite and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct RegisterRevisionContractTests {
    @Test(arguments: StoreContract.Backend.available)
    func everyWriteMovesTheMarkerOfItsOrganisationOnly(_ backend: StoreContract.Backend) async throws {
        let contract = try StoreContract(backend)
        let register = StoreContract.register()
        let when = Date(timeIntervalSince1970: 1_790_000_000)
        try await contract.withStore { store in
            guard let store = store as? any RegisterStore else { throw TestFailure("the store keeps no register") }
            #expect(try await store.registerRevision(organisation: "org") == 0)
            try await store.saveRegister(register, organisation: "org")
            let afterSave = try await store.registerRevision(organisation: "org")
            #expect(afterSave > 0)
            #expect(try await store.registerRevision(organisation: "other") == 0)
            try await store.saveRegister(register, organisation: "org")
            let afterSecond = try await store.registerRevision(organisation: "org")
            #expect(afterSecond > afterSave)
            let metrics = RegisterMetrics(register, settings: MetricSettings(asOf: when))
            #expect(
                try await store.saveMetricSnapshot(MetricSnapshot(organisation: "org", takenAt: when, metrics: metrics))
            )
            let afterSnapshot = try await store.registerRevision(organisation: "org")
            #expect(afterSnapshot > afterSecond)
            // A snapshot that says the same is not written, so nothing changed and the marker stays.
            #expect(
                !(try await store.saveMetricSnapshot(
                    MetricSnapshot(organisation: "org", takenAt: when, metrics: metrics)
                ))
            )
            #expect(try await store.registerRevision(organisation: "org") == afterSnapshot)
        }
        // The marker is in the database: another opening of the same store reads the same value.
        try await contract.withStore { store in
            guard let store = store as? any RegisterStore else { throw TestFailure("the store keeps no register") }
            #expect(try await store.registerRevision(organisation: "org") > 0)
        }
    }
}
