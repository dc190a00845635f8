import CSV
import FineprintCore
import Foundation

/// Reads a CUAD-format folder: master_clauses.csv plus contracts/*.txt.
public enum CUADDataset {
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `categories`: provision id → CUAD category (column) name, from the taxonomy's `cuad` fields.
    public static func load(from directory: URL, categories: [String: String]) throws -> [LabelledDocument] {
        let csvURL = directory.appendingPathComponent("master_clauses.csv")
        guard let stream = InputStream(url: csvURL) else {
            throw LoadError(description: "\(csvURL.path): cannot open (is --data a CUAD folder?)")
        }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream, hasHeaderRow: true) } catch {
            throw LoadError(description: "\(csvURL.path): \(error)")
        }
        guard let header = reader.headerRow else { throw LoadError(description: "\(csvURL.path): no header row") }
        var column: [String: Int] = [:]
        for (provision, category) in categories {
            guard let index = header.firstIndex(of: category) else {
                throw LoadError(description: "\(csvURL.path): no column '\(category)' (for \(provision))")
            }
            column[provision] = index
        }
        let contracts = directory.appendingPathComponent("contracts")
        let available = Set((try? FileManager.default.contentsOfDirectory(atPath: contracts.path)) ?? [])
        var documents: [LabelledDocument] = []
        var seen = Set<String>()
        while let row = reader.next() {
            guard let filename = row.first, !filename.isEmpty else { continue }
            let stem = (filename as NSString).deletingPathExtension
            let textName = stem + ".txt"
            guard available.contains(textName), seen.insert(textName).inserted else { continue }
            var clauses: [String: [String]] = [:]
            for (provision, index) in column where index < row.count {
                do {
                    clauses[provision] = try PythonListLiteral.parse(row[index]).filter { !$0.isEmpty }
                } catch {
                    throw LoadError(description: "\(filename), \(categories[provision]!): \(error)")
                }
            }
            documents.append(
                LabelledDocument(
                    name: textName,
                    file: contracts.appendingPathComponent(textName),
                    clauses: clauses
                )
            )
        }
        guard !documents.isEmpty else {
            throw LoadError(description: "\(directory.path): no contracts matched master_clauses.csv")
        }
        return documents.sorted { $0.name < $1.name }
    }
}
