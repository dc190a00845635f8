import FineprintAnalysis
import FineprintCore
import FineprintIngest
import Foundation
import Testing

/// A sentence that opens with an instruction ("Use reasonable endeavours to…") names no subject: its duty is the
/// party its list's lead-in or its heading names, else the reader the terms address.
@Suite struct InstructionPartyTests {
    let preamble = "These terms apply between you and Rivo Ltd (\"we\").\n\n"
    let promise = "Use reasonable endeavours to ensure that the ordering app is available to you at all times."

    func serviceLevels(_ markdown: String) throws -> ProvisionStatus? {
        let analyzer = try Repo.analyzer.get()
        let document = try DocumentReader().read(data: Data(markdown.utf8), name: "terms.md", format: .markdown)
        let playbook = try requirePlaybook(analyzer.corpus, "tier1")
        return analyzer.analyze(document, playbook: playbook).finding("service_levels")?.status
    }

    @Test func anInstructionIsTheReadersDuty() throws {
        #expect(try serviceLevels(preamble + promise) == .absent)
        #expect(try serviceLevels(preamble + "We will u" + promise.dropFirst()) == .present)
    }

    @Test func aHeadingNamesWhoseDutiesFollow() throws {
        #expect(try serviceLevels(preamble + "## What we will do\n\n* " + promise) == .present)
        #expect(try serviceLevels(preamble + "## Our obligations\n\n* " + promise) == .present)
        #expect(try serviceLevels(preamble + "## Your obligations\n\n* " + promise) == .absent)
    }

    @Test func aListsLeadInComesFirst() throws {
        #expect(try serviceLevels(preamble + "## Your obligations\n\nWe will:\n\n* " + promise) == .present)
    }

    /// "Use of …" is a noun, and a subject named before the match still decides.
    @Test func nounsAndNamedSubjectsAreNoInstructions() throws {
        #expect(
            try serviceLevels(preamble + "Use of the ordering app is free. We will u" + promise.dropFirst()) == .present
        )
    }
}
