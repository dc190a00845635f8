import FineprintCore
import Foundation
import GRDB

/// A row of the `document` table: an uploaded file, stored once per SHA-256 of its bytes.
struct DocumentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "document"

    var sha256: String
    var name: String
    var format: String
    var byteCount: Int
    var bytes: Data
    var text: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case sha256, name, format, bytes, text
        case byteCount = "byte_count"
        case createdAt = "created_at"
    }

    enum Columns {
        static let sha256 = Column(CodingKeys.sha256)
        static let name = Column(CodingKeys.name)
        static let format = Column(CodingKeys.format)
        static let byteCount = Column(CodingKeys.byteCount)
        static let bytes = Column(CodingKeys.bytes)
        static let text = Column(CodingKeys.text)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    init(_ document: NewDocument, createdAt: Date) {
        sha256 = document.sha256
        name = document.name
        format = document.format.rawValue
        byteCount = document.bytes.count
        bytes = document.bytes
        text = document.text
        self.createdAt = createdAt
    }
}

/// A stored document is the `document` row without its bytes, which pages never need.
/// Its Swift names are the API's camelCase, so the snake_case columns are converted.
extension StoredDocument: FetchableRecord, TableRecord {
    public static let databaseTableName = DocumentRecord.databaseTableName
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseSelection: [any SQLSelectable] {
        typealias Columns = DocumentRecord.Columns
        return [Columns.sha256, Columns.name, Columns.format, Columns.byteCount, Columns.text, Columns.createdAt]
    }
}
