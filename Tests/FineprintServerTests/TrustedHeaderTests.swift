import FineprintIdentity
import FineprintServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The trusted-header mode over a real connection from 127.0.0.1: the header is believed only
/// when the peer is one of the configured proxies, and only for a user who exists.
@Suite("Trusted proxy header")
struct TrustedHeaderTests {
    static func answer(proxies: Set<String>, user: String) async throws -> HTTPResponse.Status {
        var access = TestAuth.access
        access.trustedHeader = "X-Remote-User"
        access.trustedProxies = proxies
        let bench = try await Repo.workbench(access: access)
        _ = try await TestAuth.token(in: bench.accounts, role: .reader)
        let app = buildApplication(bench, host: "127.0.0.1", port: 0, logger: Repo.logger)
        return try await app.test(.live) { live in
            // A client of our own, patient enough for a machine busy with the other suites.
            let client = TestClient(host: "localhost", port: live.port!, configuration: .init(timeout: .seconds(300)))
            client.connect()
            let request = TestClient.Request(
                "/api/analyses",
                method: .get,
                authority: "localhost",
                headers: [HTTPField.Name("X-Remote-User")!: user]
            )
            do {
                let status = try await client.execute(request).head.status
                try await client.shutdown()
                return status
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    @Test func theHeaderFromATrustedProxyIsBelieved() async throws {
        #expect(try await Self.answer(proxies: ["127.0.0.1"], user: "test-reader") == .ok)
    }

    @Test func theHeaderFromAnyOtherPeerIsIgnored() async throws {
        #expect(try await Self.answer(proxies: ["10.0.0.5"], user: "test-reader") == .unauthorized)
    }

    @Test func anUnknownUserIsNotLetIn() async throws {
        #expect(try await Self.answer(proxies: ["127.0.0.1"], user: "someone-else") == .unauthorized)
    }
}
