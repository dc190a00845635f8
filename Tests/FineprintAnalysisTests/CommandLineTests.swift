import FineprintTestSupport
import Foundation
import Testing

/// The `fineprint` executable, run as a user would run it.
enum CLI {
    /// The executable sits beside the test bundle in the build folder.
    static let executable: URL? = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("fineprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try #require(executable, "build the fineprint executable first (swift build)")
        process.arguments = arguments
        process.currentDirectoryURL = Repo.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    static func temporaryFolder() throws -> URL { try TemporaryFiles.folder("fineprint-cli") }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func analyzeWritesSpecJSON() throws {
        let r = try CLI.run([
            "analyze", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--format", "json", "--profile", "tier3",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["profile"] as? String == "tier3")
        #expect((root["provisions"] as? [Any])?.count == 40)
    }

    @Test func badInputIsOneLineAndNonZero() throws {
        let dir = try CLI.temporaryFolder()
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let binary = dir.appendingPathComponent("blob.txt")
        try Data((0..<2048).map { UInt8($0 % 256) }).write(to: binary)
        for file in [empty, binary, dir.appendingPathComponent("missing.pdf")] {
            for command in [["extract", file.path], ["analyze", file.path]] {
                let r = try CLI.run(command)
                #expect(r.status != 0)
                let lines = r.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(r.stderr)")
                #expect(lines.first?.hasPrefix("fineprint: ") == true)
                #expect(!r.stderr.contains("Fatal error"))
            }
        }
    }

    @Test func aFolderWithOneBadFileStillAnalysesTheRest() throws {
        let dir = try CLI.temporaryFolder()
        try "The Supplier will not use Customer Data to train any model.".write(
            to: dir.appendingPathComponent("a.txt"),
            atomically: true,
            encoding: .utf8
        )
        try Data().write(to: dir.appendingPathComponent("b.txt"))
        try "This Agreement is governed by the laws of Ireland.".write(
            to: dir.appendingPathComponent("c.md"),
            atomically: true,
            encoding: .utf8
        )
        let out = dir.appendingPathComponent("reports")
        let r = try CLI.run(["analyze", dir.path, "--format", "html", "--out", out.path, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("b.txt"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["a.html", "c.html"])
    }

    @Test func aFolderOfOneDocumentGetsItsReportInTheOutFolder() throws {
        let dir = try CLI.temporaryFolder()
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "This Agreement is governed by the laws of Ireland.".write(
            to: input.appendingPathComponent("only.txt"),
            atomically: true,
            encoding: .utf8
        )
        let out = dir.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let r = try CLI.run(["analyze", input.path, "--format", "json", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["only.json"])
    }

    @Test func extractStructureShowsABoldLeadAsItsBlocksTitle() throws {
        let dir = try CLI.temporaryFolder()
        let file = dir.appendingPathComponent("terms.md")
        try "**12. Governing Law** These Terms are governed by the laws of Ireland.\n".write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let r = try CLI.run(["extract", file.path, "--structure"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let titled = try #require(blocks.first { $0["title"] is [String: Any] })
        let title = try #require(titled["title"] as? [String: Int])
        let text = Array(try CLI.run(["extract", file.path]).stdout.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[try #require(title["start"])..<(try #require(title["end"]))])
        #expect(String(view).contains("Governing Law"))
        #expect(!String(view).contains("These Terms"))
    }

    @Test func profilesAndPlaybooks() throws {
        let unknown = try CLI.run(["analyze", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--profile", "tier9"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("tier1"))
        let dir = try CLI.temporaryFolder()
        let playbook = dir.appendingPathComponent("mine.yaml")
        try """
        schema: fineprint.playbook/1
        id: ministry-minimum
        name: Our ministry's minimum
        description: Only the three things we never give up.
        requirements:
          - { provision: secondary_use_restriction, level: required, weight: 3 }
          - { provision: data_portability, level: required }
          - { provision: unilateral_change, level: must_be_absent }
        """.write(to: playbook, atomically: true, encoding: .utf8)
        let r = try CLI.run([
            "analyze", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--playbook", playbook.path, "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["profile"] as? String == "ministry-minimum")
        let gaps = try #require(root["gaps"] as? [[String: Any]])
        #expect(
            Set(gaps.compactMap { $0["provision"] as? String }).isSubset(of: [
                "secondary_use_restriction", "data_portability", "unilateral_change",
            ])
        )
        try
            "schema: fineprint.playbook/1\nid: x\nname: x\ndescription: x\nrequirements:\n  - { provision: nonsense, level: required }\n"
            .write(to: playbook, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["analyze", "Tests/Fixtures/contracts/vendor-ai-terms.md", "--playbook", playbook.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("nonsense"))
    }

    @Test func corpusValidateAndStats() throws {
        let v = try CLI.run(["corpus", "validate"])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("40 provisions"))
        let s = try CLI.run(["corpus", "stats"])
        #expect(s.status == 0)
        #expect(s.stdout.contains("jurisdiction:"))
    }
}
