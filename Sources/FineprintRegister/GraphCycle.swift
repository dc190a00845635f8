/// Finds a cycle in a dependency graph, iteratively (a deep graph must not exhaust the stack).
enum GraphCycle {
    static func find(in edges: [DependencyEdge]) -> [String]? {
        var next: [String: [String]] = [:]
        for edge in edges { next[edge.from, default: []].append(edge.to) }
        // 0 unvisited, 1 on the current path, 2 done.
        var state: [String: Int] = [:]
        for start in next.keys.sorted() where state[start] == nil {
            if let cycle = search(from: start, next: next, state: &state) { return cycle }
        }
        return nil
    }

    private static func search(from start: String, next: [String: [String]], state: inout [String: Int]) -> [String]? {
        var path: [(node: String, index: Int)] = [(start, 0)]
        state[start] = 1
        while let top = path.last {
            let children = next[top.node] ?? []
            guard top.index < children.count else {
                state[top.node] = 2
                path.removeLast()
                continue
            }
            path[path.count - 1].index += 1
            let child = children[top.index]
            switch state[child] ?? 0 {
            case 1:
                let names = path.map(\.node)
                let from = names.firstIndex(of: child) ?? 0
                return Array(names[from...]) + [child]
            case 0:
                state[child] = 1
                path.append((child, 0))
            default: continue
            }
        }
        return nil
    }
}
