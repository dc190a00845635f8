/// What a BOM says, read into the register's terms but not yet merged.
public struct ImportedBOM: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        public var key: String
        public var bomRef: String?
        public var fields: ImportedFields
    }

    public struct SupplierSeen: Hashable, Sendable {
        public var name: String
        public var country: String?
        public var url: String?
    }

    /// The system the BOM describes (its `metadata.component`), if it names one.
    public var systemName: String?
    public var systemRef: String?
    public var serialNumber: String?
    public var format: String
    public var parts: [Part]
    /// Edges between part keys (`from` depends on `to`); the system's own edges start at `systemRootKey`.
    public var edges: [DependencyEdge]
    public var suppliers: [SupplierSeen]
    /// What was read past or left out, for the preview (unknown refs, unrecognised entries).
    public var notes: [String]

    /// The key the system's own dependencies hang from in the graph.
    public static func systemRootKey(_ systemId: String) -> String { "system:" + systemId }
}
