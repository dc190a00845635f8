import FineprintAnalysis
import FineprintCore
import FineprintCorpus
import FineprintIdentity
import FineprintServer
import FineprintStore
import FineprintTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The repository's corpus and fixtures, and helpers to build a workbench over a fresh store.
enum Repo {
    static let root = RepositoryPaths.root
    static let corpusURL = RepositoryPaths.corpus
    static let contracts = RepositoryPaths.contracts
    static let openAPIURL = root.appendingPathComponent("Sources/FineprintServer/Resources/openapi.json")

    static let corpus: Result<Corpus, Error> = Result { try CorpusLoader.load(from: corpusURL) }
    static let knowledge: Result<KnowledgeBase, Error> = Result { try KnowledgeLoader.load(fromCorpus: corpusURL) }

    static func contract(_ name: String) throws -> Data {
        try Data(contentsOf: contracts.appendingPathComponent(name))
    }

    /// A new empty folder for one test's database.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fineprint-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func workbench(
        folder: URL? = nil,
        maxUploadBytes: Int = UploadLimit.defaultBytes,
        watchFolder: URL? = nil,
        access: AccessSettings = TestAuth.access
    ) async throws -> WebWorkbench {
        try await workbench(
            store: try SQLiteStore(dataDirectory: try folder ?? temporaryFolder()),
            maxUploadBytes: maxUploadBytes,
            watchFolder: watchFolder,
            access: access
        )
    }

    /// A workbench over `store`, started (templates loaded, knowledge indexed), as
    /// `buildApplication` starts it before serving.
    static func workbench(
        store: any Store,
        maxUploadBytes: Int = UploadLimit.defaultBytes,
        watchFolder: URL? = nil,
        homeJurisdictions: [String] = [],
        access: AccessSettings = TestAuth.access
    ) async throws -> WebWorkbench {
        let bench = try WebWorkbench(
            corpus: try corpus.get(),
            knowledge: try knowledge.get(),
            store: store,
            maxUploadBytes: maxUploadBytes,
            watchFolder: watchFolder,
            homeJurisdictions: homeJurisdictions,
            access: access
        )
        try await bench.start()
        return bench
    }

    /// Quiet in tests: warnings and errors only.
    static var logger: Logger {
        var logger = Logger(label: "fineprint.web.test")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` against the application `fineprint serve` builds around `bench` (no network),
    /// with a client acting through an API token of a user with `role`.
    static func withApp(
        _ bench: WebWorkbench,
        as role: Role = .admin,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let token = try await TestAuth.token(in: bench.accounts, role: role)
        try await withAnonymousApp(bench) { client in try await body(AuthenticatedClient(client, token: token)) }
    }

    /// Runs `body` against the application with a client that sends no credentials.
    static func withAnonymousApp(
        _ bench: WebWorkbench,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = buildApplication(bench, logger: logger)
        try await app.test(.router) { client in try await body(client) }
    }
}

/// The arguments of `fineprint serve` with a temporary data folder: the tests build the
/// application through the same `buildApplication` as the command.
struct TestArguments: AppArguments {
    var host = "127.0.0.1"
    var port = 0
    var logLevel = Logger.Level.warning
    var storage: StorageLocation
    var corpusURL = Repo.corpusURL
    var analyzer: Analyzer? = nil
    var maxUploadBytes = UploadLimit.defaultBytes
    var watchFolder: URL? = nil
    var homeJurisdictions: [String] = []
    var jobs: JobSettings? = nil

    init(folder: URL) { storage = .sqlite(folder: folder) }
}

/// A multipart/form-data body as a browser sends it.
struct Multipart {
    static let boundary = "----fineprint-test-boundary-7d3f"
    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    static func body(file: Data?, filename: String, profile: String? = nil, matter: String? = nil) -> ByteBuffer {
        var buffer = ByteBuffer()
        if let matter {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"matter\"\r\n\r\n\(matter)\r\n")
        }
        if let profile {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\n\(profile)\r\n"
            )
        }
        // With no file chosen a browser still sends the part, with an empty name and no content.
        buffer.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file == nil ? "" : filename)\"\r\n"
        )
        buffer.writeString("Content-Type: application/octet-stream\r\n\r\n")
        buffer.writeBytes(file ?? Data())
        buffer.writeString("\r\n")
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    static var headers: HTTPFields { [.contentType: contentType] }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]) }
}

/// Uploads a contract through the page form; returns the new analysis's public id from the redirect.
func upload(
    _ client: any TestClientProtocol,
    _ data: Data,
    name: String,
    profile: String = "tier1"
) async throws -> String? {
    try await client.execute(
        uri: "/analyses",
        method: .post,
        headers: Multipart.headers,
        body: Multipart.body(file: data, filename: name, profile: profile)
    ) { response in
        guard response.status == .seeOther, let location = response.headers[.location],
            location.hasPrefix("/analyses/")
        else { return nil }
        return String(location.dropFirst("/analyses/".count))
    }
}

extension WebWorkbench {
    /// A stored analysis by the public id the pages and the API use, whatever its matter.
    func stored(_ publicID: String) async throws -> StoredAnalysis? {
        try await (store as! any MatterStore).analysis(publicID: publicID, in: .all)
    }
}

/// The id of the document an analysis (by public id) was made of, in the analysis's matter.
func documentID(_ bench: WebWorkbench, analysis publicID: String) async throws -> String {
    let store = bench.store as! any MatterStore
    let stored = try #require(try await store.analysis(publicID: publicID, in: .all))
    let documents = try await store.documents(ofMatter: stored.summary.matterId)
    return try #require(documents.first { $0.sha256 == stored.summary.documentSha256 }).id
}
