import FineprintStore
import Testing

@Suite("Store contract, on SQLite in memory and on a file, and on PostgreSQL when FINEPRINT_TEST_POSTGRES_URL is set")
struct StoreContractTests {
    typealias Backend = StoreContract.Backend

    @Test(arguments: Backend.available) func sameBytesAreStoredOnce(_ backend: Backend) async throws {
        try await StoreContract(backend).sameBytesAreStoredOnce()
    }

    @Test(arguments: Backend.available) func everyAnalysisIsANewRowAndRoundTrips(_ backend: Backend) async throws {
        try await StoreContract(backend).everyAnalysisIsANewRowAndRoundTrips()
    }

    @Test(arguments: Backend.available) func anAnalysisOfAnUnknownDocumentIsRefused(_ backend: Backend) async throws {
        try await StoreContract(backend).anAnalysisOfAnUnknownDocumentIsRefused()
    }

    @Test(arguments: Backend.available) func nothingIsLostWhenTheStoreIsReopened(_ backend: Backend) async throws {
        try await StoreContract(backend).nothingIsLostWhenTheStoreIsReopened()
    }

    @Test(arguments: Backend.available) func knowledgeSearchRanksTitleMatchesAndFilters(
        _ backend: Backend
    ) async throws {
        try await StoreContract(backend).knowledgeSearchRanksTitleMatchesAndFilters()
    }

    @Test(arguments: Backend.available) func theRegisterRoundTripsPerOrganisation(_ backend: Backend) async throws {
        try await StoreContract(backend).theRegisterRoundTripsPerOrganisation()
    }

    @Test(arguments: Backend.available) func metricSnapshotsAreKeptOnlyOnChange(_ backend: Backend) async throws {
        try await StoreContract(backend).metricSnapshotsAreKeptOnlyOnChange()
    }
}
