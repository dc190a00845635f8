// swift-tools-version:6.0
import PackageDescription

let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "Fineprint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fineprint", targets: ["fineprint"]),
        .library(name: "FineprintAnalysis", targets: ["FineprintAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Plain value types: taxonomy, rules, documents, findings, jobs. No storage, no I/O.
        .target(name: "FineprintCore"),
        // Tokens, bounded sentence units and numbers over Unicode-scalar offsets.
        .target(name: "FineprintText", dependencies: ["FineprintCore"]),
        // Standards as checklists: crosswalks from a standard's articles to provisions, and the check of an analysis.
        .target(name: "FineprintStandards", dependencies: ["FineprintCore"]),
        // Reading and validating the YAML corpus.
        .target(name: "FineprintCorpus", dependencies: ["FineprintCore", "FineprintStandards", "Yams"]),
        // Reading hostile ZIP archives (DOCX, zipped uploads, shared bundles) within byte budgets.
        .target(name: "FineprintZip", dependencies: ["ZIPFoundation"]),
        // Files in, extracted text with structure out.
        .target(
            name: "FineprintIngest",
            dependencies: [
                "FineprintCore", "FineprintText", "FineprintZip", "ZIPFoundation", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The document as counsel reads it: parties, their defined names, defined terms and their classes.
        .target(name: "FineprintReading", dependencies: ["FineprintCore", "FineprintText"]),
        // The learned component: sentence classifiers and their combination with the rules (no I/O).
        .target(name: "FineprintLearn", dependencies: ["FineprintCore", "FineprintText"]),
        // The analysis engine: text in, findings out.
        .target(
            name: "FineprintAnalysis",
            dependencies: ["FineprintCore", "FineprintText", "FineprintLearn", "FineprintReading"]
        ),
        // Findings to JSON, text, Markdown and HTML.
        .target(name: "FineprintReport", dependencies: ["FineprintCore"]),
        // A person's review applied to an analysis: readings in place of the machine's, scored again (pure).
        .target(name: "FineprintReview", dependencies: ["FineprintCore", "FineprintAnalysis"]),
        // Comparing suppliers and diffing versions of one document: pure functions and renderers.
        .target(
            name: "FineprintCompare",
            dependencies: ["FineprintCore", "FineprintText", "FineprintAnalysis", "FineprintReport"]
        ),
        // The negotiation pack: issues and positions from an analysis, rendered as DOCX (tracked changes), Markdown, HTML.
        .target(
            name: "FineprintNegotiation",
            dependencies: [
                "FineprintCore", "FineprintReport", "FineprintCompare", "FineprintStandards", "ZIPFoundation",
            ]
        ),
        // The watch store: content-addressed versions, an index, and the Atom feed of changes (file I/O).
        .target(
            name: "FineprintWatch",
            dependencies: ["FineprintCore", "FineprintCompare", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The regulatory signals harvester: source definitions, feed parsers, dedup, clusters, relevance (no I/O).
        .target(
            name: "FineprintSignals",
            dependencies: ["FineprintCore", "Yams", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Promoting a reviewed signal into a knowledge drafts folder, validated: the one call CLI and web make.
        .target(name: "FineprintSignalDrafts", dependencies: ["FineprintSignals", "FineprintCorpus"]),
        // Fetching enabled signal sources politely over HTTP (async-http-client).
        .target(
            name: "FineprintSignalFetch",
            dependencies: [
                "FineprintSignals", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                serviceLifecycle,
            ]
        ),
        // Measuring the analyzer against labelled data (CUAD, our own labels, invariance, parties).
        .target(
            name: "FineprintEval",
            dependencies: [
                "FineprintCore", "FineprintAnalysis", "FineprintIngest", "FineprintText", "FineprintLearn",
                "FineprintReading", "Yams", .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Storage behind protocols: documents, analyses, jobs and the knowledge search index
        // (SQLite via GRDB embedded by default, PostgreSQL via postgres-nio for shared deployments).
        .target(
            name: "FineprintStore",
            dependencies: [
                "FineprintCore", "FineprintIdentity", "FineprintRegister", "FineprintSignals",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"), serviceLifecycle,
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Who may do what: roles, users, API tokens, sessions and the identity of a request (values only).
        .target(name: "FineprintIdentity"),
        // The dependency register: systems, components, suppliers, tiers and the five metrics; CycloneDX in and out (no I/O).
        .target(name: "FineprintRegister", dependencies: ["FineprintCore", "Yams"]),
        // The knowledge base around contracts: partnership scorecards from their public terms, and the JSON export.
        .target(
            name: "FineprintKnowledge",
            dependencies: [
                "FineprintCore", "FineprintText", "FineprintAnalysis",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Signed sharing with allies: Ed25519 keys, DSSE-signed bundles, verification against the trust list, import.
        .target(
            name: "FineprintShare",
            dependencies: [
                "FineprintCore", "FineprintCorpus", "FineprintStore", "FineprintZip", "ZIPFoundation", "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The web workbench: buildApplication, controllers, Mustache pages, the JSON API, job workers.
        .target(
            name: "FineprintServer",
            dependencies: [
                "FineprintCore", "FineprintCorpus", "FineprintIngest", "FineprintAnalysis", "FineprintReport",
                "FineprintCompare", "FineprintStore", "FineprintKnowledge", "FineprintWatch", "FineprintStandards",
                "FineprintZip", "ZIPFoundation", "FineprintIdentity", "FineprintNegotiation", "FineprintReading", "FineprintRegister",
                "FineprintSignals", "FineprintShare", "FineprintReview",
                "FineprintSignalFetch", "FineprintSignalDrafts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"), serviceLifecycle,
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "fineprint",
            dependencies: [
                "FineprintCore", "FineprintCorpus", "FineprintIngest", "FineprintReading", "FineprintAnalysis",
                "FineprintReport", "FineprintEval", "FineprintLearn", "FineprintCompare", "FineprintWatch",
                "FineprintKnowledge", "FineprintServer", "FineprintStore", "FineprintStandards", "FineprintIdentity",
                "FineprintNegotiation", "FineprintRegister", "FineprintShare", "FineprintSignals", "FineprintReview",
                "FineprintSignalFetch", "FineprintSignalDrafts",
                serviceLifecycle,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the repository's paths, the bundled corpus, temporary files.
        .target(
            name: "FineprintTestSupport",
            dependencies: ["FineprintCore", "FineprintCorpus", "FineprintAnalysis"],
            path: "Tests/FineprintTestSupport"
        ),
        // Fuzz inputs shared by the fuzz tests: mutated seed files and random bytes.
        .target(name: "FuzzSupport", dependencies: [propertyBased], path: "Tests/FuzzSupport"),
        .testTarget(name: "FineprintTextTests", dependencies: ["FineprintText"]),
        .testTarget(
            name: "FineprintLearnTests",
            dependencies: [
                "FineprintLearn", "FineprintAnalysis", "FineprintCorpus", "FineprintIngest", "FineprintCore",
                "FineprintText", "FineprintTestSupport",
            ]
        ),
        .testTarget(
            name: "FineprintIngestTests",
            dependencies: [
                "FineprintIngest", "ZIPFoundation", "FuzzSupport", propertyBased, "FineprintAnalysis",
                "FineprintCorpus",
            ]
        ),
        .testTarget(
            name: "FineprintRegisterTests",
            dependencies: ["FineprintRegister", "FineprintCore", "FineprintTestSupport"]
        ),
        .testTarget(name: "FineprintCorpusTests", dependencies: ["FineprintCorpus", "FineprintTestSupport"]),
        .testTarget(
            name: "FineprintStandardsTests",
            dependencies: [
                "FineprintStandards", "FineprintCorpus", "FineprintAnalysis", "FineprintIngest", "FineprintCore",
                "FineprintTestSupport",
            ]
        ),
        .testTarget(
            name: "FineprintKnowledgeTests",
            dependencies: [
                "FineprintKnowledge", "FineprintCorpus", "FineprintAnalysis", "FineprintCore", "FineprintTestSupport",
            ]
        ),
        .testTarget(
            name: "FineprintAnalysisTests",
            dependencies: [
                "FineprintAnalysis", "FineprintCorpus", "FineprintIngest", "FineprintReport", "FineprintReading",
                "Yams", "FineprintTestSupport",
            ]
        ),
        .testTarget(
            name: "FineprintReviewTests",
            dependencies: [
                "FineprintReview", "FineprintEval", "FineprintAnalysis", "FineprintCorpus", "FineprintIngest",
                "FineprintNegotiation", "FineprintReport", "FineprintTestSupport",
            ]
        ),
        .testTarget(
            name: "FineprintEvalTests",
            dependencies: ["FineprintEval", "FineprintCorpus", "FineprintIngest", "FineprintTestSupport", "Yams"]
        ),
        .testTarget(
            name: "FineprintCompareTests",
            dependencies: [
                "FineprintCompare", "FineprintReport", "FineprintWatch", "FineprintAnalysis", "FineprintCorpus",
                "FineprintIngest",
                "FineprintTestSupport",
            ]
        ),
        .testTarget(
            name: "FineprintNegotiationTests",
            dependencies: [
                "FineprintNegotiation", "FineprintAnalysis", "FineprintCorpus", "FineprintReport", "FineprintCore",
                "FineprintIngest", "ZIPFoundation", "FineprintTestSupport", "FineprintCompare", "FineprintStandards",
            ]
        ),
        .testTarget(
            name: "FineprintStoreTests",
            dependencies: [
                "FineprintStore", "FineprintCore", "FineprintIdentity", "FineprintRegister",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "FineprintSignalsTests",
            dependencies: [
                "FineprintSignals", "FineprintSignalFetch", "FineprintStore", "FineprintCore", "FineprintCorpus",
                "FineprintTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"), serviceLifecycle,
            ]
        ),
        .testTarget(
            name: "FineprintShareTests",
            dependencies: [
                "FineprintShare", "FineprintStore", "FineprintCore", "FineprintCorpus", "FineprintTestSupport",
                "FineprintNegotiation", "FineprintAnalysis", "FineprintIngest", "FineprintReport", "ZIPFoundation",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "FineprintServerTests",
            dependencies: [
                "FineprintServer", "FineprintStore", "FineprintCorpus", "FineprintCore", "FineprintWatch",
                "FineprintCompare", "FineprintAnalysis", "FineprintIngest", "FuzzSupport", "ZIPFoundation",
                "FineprintTestSupport", "FineprintStandards", "FineprintIdentity", "FineprintRegister",
                "FineprintSignals", "FineprintShare", "FineprintReview",
                "FineprintSignalDrafts",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"), propertyBased, serviceLifecycle,
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
