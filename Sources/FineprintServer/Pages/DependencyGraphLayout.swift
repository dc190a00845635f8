import FineprintRegister
import Foundation

/// A layered layout of one system's dependency graph: the system at the left, each component in the
/// column of its longest dependency path from the system, columns ordered by the barycentre of their
/// neighbours (a few sweeps, which removes most crossings in graphs of tens of components).
/// Components the graph does not reach are placed in the first column, tied to the system by a
/// membership line.
struct DependencyGraphLayout {
    struct Node {
        var key: String
        var column: Int
        var row: Int
    }

    struct Edge {
        var from: String
        var to: String
        /// A recorded dependency, or only the system's membership of a component no edge reaches.
        var recorded: Bool
    }

    let root: String
    private(set) var nodes: [String: Node] = [:]
    private(set) var columns: [[String]] = []
    private(set) var edges: [Edge] = []

    init(system: RegisterSystem, edges all: Set<DependencyEdge>, order: (String) -> String) {
        root = ImportedBOM.systemRootKey(system.id)
        let members = system.components
        let inGraph = all.filter { ($0.from == root || members.contains($0.from)) && members.contains($0.to) }
        let reached = Set(inGraph.map(\.to))
        edges = inGraph.sorted().map { Edge(from: $0.from, to: $0.to, recorded: true) }
        edges += members.subtracting(reached).sorted().map { Edge(from: root, to: $0, recorded: false) }
        let depth = Self.depths(root: root, members: members, edges: edges)
        let width = (depth.values.max() ?? 0) + 1
        columns = Array(repeating: [], count: width)
        for key in depth.keys.sorted(by: { (order($0), $0) < (order($1), $1) }) { columns[depth[key]!].append(key) }
        orderColumns()
        for (column, keys) in columns.enumerated() {
            for (row, key) in keys.enumerated() { nodes[key] = Node(key: key, column: column, row: row) }
        }
    }

    /// The longest path from the root to each node (cycles, which an import refuses, are cut).
    static func depths(root: String, members: Set<String>, edges: [Edge]) -> [String: Int] {
        var depth: [String: Int] = [root: 0]
        for key in members { depth[key] = 1 }
        // Bellman-Ford style relaxation, bounded by the node count so a cycle cannot loop for ever.
        for _ in 0...members.count {
            var changed = false
            for edge in edges {
                let candidate = (depth[edge.from] ?? 0) + 1
                if candidate > depth[edge.to] ?? 0, candidate <= members.count {
                    depth[edge.to] = candidate
                    changed = true
                }
            }
            if !changed { break }
        }
        return depth
    }

    /// Barycentre sweeps: down the columns by predecessors, then up by successors, twice.
    private mutating func orderColumns() {
        var predecessors: [String: [String]] = [:]
        var successors: [String: [String]] = [:]
        for edge in edges {
            predecessors[edge.to, default: []].append(edge.from)
            successors[edge.from, default: []].append(edge.to)
        }
        for _ in 0..<2 {
            for column in columns.indices.dropFirst() { sortColumn(column, by: predecessors) }
            for column in columns.indices.reversed().dropLast() { sortColumn(column, by: successors) }
        }
    }

    private mutating func sortColumn(_ column: Int, by neighbours: [String: [String]]) {
        var position: [String: Double] = [:]
        for keys in columns {
            for (row, key) in keys.enumerated() { position[key] = (Double(row) + 0.5) / Double(keys.count) }
        }
        let current = columns[column]
        let weight = Dictionary(
            uniqueKeysWithValues: current.enumerated().map { index, key in
                let placed = (neighbours[key] ?? []).compactMap { position[$0] }
                let own = (Double(index) + 0.5) / Double(current.count)
                return (key, placed.isEmpty ? own : placed.reduce(0, +) / Double(placed.count))
            }
        )
        columns[column] = current.enumerated().sorted { a, b in
            (weight[a.element]!, a.offset) < (weight[b.element]!, b.offset)
        }.map(\.element)
    }
}
