// swift-tools-version:6.0
import PackageDescription

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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        // Plain value types: taxonomy, rules, documents, findings. No storage, no I/O.
        .target(name: "FineprintCore"),
        // Tokens, sentences and numbers over Unicode-scalar offsets.
        .target(name: "FineprintText", dependencies: ["FineprintCore"]),
        // Reading and validating the YAML corpus.
        .target(name: "FineprintCorpus", dependencies: ["FineprintCore", "Yams"]),
        // Files in, extracted text with structure out.
        .target(
            name: "FineprintIngest",
            dependencies: [
                "FineprintCore", "FineprintText", "ZIPFoundation",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The analysis engine: text in, findings out.
        // The learned component: sentence n-gram classifiers and their combination with the rules (no I/O).
        .target(name: "FineprintLearn", dependencies: ["FineprintCore", "FineprintText"]),
        .target(name: "FineprintAnalysis", dependencies: ["FineprintCore", "FineprintText", "FineprintLearn"]),
        // Findings to JSON, text, Markdown and HTML.
        .target(name: "FineprintReport", dependencies: ["FineprintCore"]),
        // Comparing suppliers and diffing versions of one document: pure functions and renderers.
        .target(name: "FineprintCompare", dependencies: ["FineprintCore", "FineprintText", "FineprintAnalysis"]),
        // The watch store: content-addressed versions, an index, and the Atom feed of changes (file I/O).
        .target(
            name: "FineprintWatch",
            dependencies: [
                "FineprintCore", "FineprintCompare", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Measuring the analyzer against labelled data (CUAD, our own labels).
        .target(
            name: "FineprintEval",
            dependencies: [
                "FineprintCore", "FineprintAnalysis", "FineprintIngest", "FineprintText", "FineprintLearn", "Yams",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Storage behind a protocol: uploaded documents, analyses and the knowledge search index
        // (SQLite via GRDB embedded by default, PostgreSQL via postgres-nio for multi-user deployments).
        .target(
            name: "FineprintStore",
            dependencies: [
                "FineprintCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]
        ),
        // The web workbench: Hummingbird routes, server-side Mustache pages and the JSON API.
        .target(
            name: "FineprintServer",
            dependencies: [
                "FineprintCore", "FineprintCorpus", "FineprintIngest", "FineprintAnalysis", "FineprintReport",
                "FineprintCompare", "FineprintStore", "FineprintKnowledge", "FineprintWatch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        // The knowledge base around contracts: partnership scorecards from their public terms, and the JSON export.
        .target(
            name: "FineprintKnowledge",
            dependencies: [
                "FineprintCore", "FineprintText", "FineprintAnalysis",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "fineprint",
            dependencies: [
                "FineprintCore", "FineprintCorpus", "FineprintIngest", "FineprintAnalysis", "FineprintReport",
                "FineprintEval",
                "FineprintLearn",
                "FineprintCompare", "FineprintWatch", "FineprintKnowledge", "FineprintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FineprintTextTests", dependencies: ["FineprintText"]),
        .testTarget(
            name: "FineprintLearnTests",
            dependencies: [
                "FineprintLearn", "FineprintAnalysis", "FineprintCorpus", "FineprintIngest", "FineprintCore",
                "FineprintText",
            ]
        ),
        .testTarget(
            name: "FineprintIngestTests",
            dependencies: [
                "FineprintIngest", "FineprintAnalysis", "FineprintCorpus", "ZIPFoundation",
            ]
        ),
        .testTarget(name: "FineprintCorpusTests", dependencies: ["FineprintCorpus"]),
        .testTarget(
            name: "FineprintKnowledgeTests",
            dependencies: [
                "FineprintKnowledge", "FineprintCorpus", "FineprintAnalysis", "FineprintCore",
            ]
        ),
        .testTarget(
            name: "FineprintAnalysisTests",
            dependencies: [
                "FineprintAnalysis", "FineprintCorpus", "FineprintIngest", "FineprintReport", "Yams",
            ]
        ),
        .testTarget(name: "FineprintEvalTests", dependencies: ["FineprintEval", "FineprintCorpus", "FineprintIngest"]),
        .testTarget(
            name: "FineprintCompareTests",
            dependencies: [
                "FineprintCompare", "FineprintWatch", "FineprintAnalysis", "FineprintCorpus", "FineprintIngest",
            ]
        ),
        .testTarget(
            name: "FineprintServerTests",
            dependencies: [
                "FineprintServer", "FineprintStore", "FineprintCorpus", "FineprintCore", "FineprintWatch",
                "FineprintCompare",
                "FineprintAnalysis", "FineprintIngest",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
