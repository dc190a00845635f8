import FineprintCore
import FineprintReading
import FineprintText
import Foundation

/// How well the reading layer finds a contract's parties, against CUAD's `Parties` labels: a contract is
/// resolved when two parties read from it each match a labelled name, and the two names are different
/// parties (neither name contains the other after normalising).
public struct PartyResolution {
    public struct Failure: Sendable {
        public var document: String
        public var labelled: [String]
        public var found: [String]
    }

    public struct Report: Sendable {
        public var documents: Int
        public var resolved: Int
        /// Contracts whose labels name fewer than two distinct parties, resolved when one is found.
        public var singleLabelled: Int
        public var failures: [Failure]
        public var share: Double { documents == 0 ? 0 : Double(resolved) / Double(documents) }
    }

    let reader: ContractReader
    /// Company-form words left out when names are compared ("Inc", "Ltd").
    let companyForms: Set<String>

    public init(reader: ContractReader, companyForms: Set<String>) {
        self.reader = reader
        self.companyForms = companyForms
    }

    public func evaluate(_ documents: [LabelledDocument]) throws -> Report {
        var report = Report(documents: 0, resolved: 0, singleLabelled: 0, failures: [])
        for document in documents {
            let labels = (document.clauses["parties"] ?? []).map(normalise).filter { !$0.isEmpty }
            guard !labels.isEmpty else { continue }
            let text = try String(contentsOf: document.file, encoding: .utf8)
            let reading = reader.read(text: text)
            let found = reading.parties.map { $0.names.map(normalise).filter { !$0.isEmpty } }
            report.documents += 1
            let distinct = labels.contains { a in labels.contains { b in !Self.related(a, b) } }
            if !distinct { report.singleLabelled += 1 }
            if resolved(found: found, labels: labels, distinct: distinct) {
                report.resolved += 1
            } else {
                report.failures.append(
                    Failure(
                        document: document.name,
                        labelled: document.clauses["parties"] ?? [],
                        found: reading.parties.map { $0.names.joined(separator: " / ") }
                    )
                )
            }
        }
        return report
    }

    private func resolved(found: [[[String]]], labels: [[String]], distinct: Bool) -> Bool {
        // Per party read, the labels it matches.
        let matched = found.map { names in labels.filter { label in names.contains { Self.related($0, label) } } }
        guard distinct else { return matched.contains { !$0.isEmpty } }
        for i in matched.indices {
            for j in matched.indices where j > i {
                for a in matched[i] { for b in matched[j] where !Self.related(a, b) { return true } }
            }
        }
        return false
    }

    /// A name's words, lower-case, without company forms and punctuation.
    func normalise(_ name: String) -> [String] {
        Tokenizer.tokens(in: name).map(\.text).filter { !companyForms.contains($0) }
    }

    /// Equal, or one name's words all among the other's ("Acme" and "Acme Holdings").
    static func related(_ a: [String], _ b: [String]) -> Bool {
        let small = a.count <= b.count ? a : b
        let large = Set(a.count <= b.count ? b : a)
        return !small.isEmpty && small.allSatisfy(large.contains)
    }
}
