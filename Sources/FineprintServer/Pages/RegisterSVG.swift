import FineprintCore
import FineprintRegister
import Foundation

/// Server-rendered SVG for the register's pages: no script, readable printed, every figure also
/// said in words next to it (a `<title>` and the tables around the charts).
enum RegisterSVG {
    static func esc(_ s: String) -> String { Markup.escape(s) }

    static func number(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A name cut to `limit` characters with an ellipsis.
    static func cut(_ s: String, _ limit: Int) -> String {
        s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
    }

    /// A small line of values over time (oldest first); nil values are gaps left out of the line.
    static func sparkline(_ values: [Double?], label: String, width: Double = 140, height: Double = 32) -> String {
        let known = values.enumerated().compactMap { index, value in value.map { (index, $0) } }
        var body = ""
        if let low = known.map(\.1).min(), let high = known.map(\.1).max() {
            let span = high - low
            let step = values.count > 1 ? (width - 8) / Double(values.count - 1) : 0
            let points = known.map { index, value in
                let x = 4 + Double(index) * step + (values.count == 1 ? (width - 8) / 2 : 0)
                let y = span == 0 ? height / 2 : 4 + (height - 8) * (1 - (value - low) / span)
                return (x, y)
            }
            let line = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
            if points.count > 1 {
                body += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2\"/>"
            }
            if let last = points.last {
                body += "<circle cx=\"\(number(last.0))\" cy=\"\(number(last.1))\" r=\"3\" fill=\"#0b4f8a\"/>"
            }
        } else {
            body +=
                "<line x1=\"4\" y1=\"\(number(height / 2))\" x2=\"\(number(width - 4))\" y2=\"\(number(height / 2))\" "
            body += "stroke=\"#cfd6de\" stroke-dasharray=\"3 3\"/>"
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" role=\"img\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\"><title>\(esc(label))</title>"
            + body + "</svg>"
    }

    /// One bar per group with its share, largest first.
    static func bars(_ shares: [(label: String, share: Double)], title: String) -> String {
        let rows = shares.sorted { ($0.share, $1.label) > ($1.share, $0.label) }
        let labelWidth = 170.0
        let barWidth = 190.0
        let rowHeight = 22.0
        let height = max(1, Double(rows.count)) * rowHeight + 4
        var body = ""
        for (index, row) in rows.enumerated() {
            let y = 2 + Double(index) * rowHeight
            let width = max(1, barWidth * row.share)
            body +=
                "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 15))\" text-anchor=\"end\" font-size=\"12\" "
            body += "fill=\"#1b1f24\">\(esc(cut(row.label, 26)))</text>"
            body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(width))\" height=\"16\" "
            body += "fill=\"#0b4f8a\"><title>\(esc(row.label)): \(Format.percent(row.share))</title></rect>"
            body += "<text x=\"\(number(labelWidth + width + 5))\" y=\"\(number(y + 15))\" font-size=\"12\" "
            body += "fill=\"#1b1f24\">\(Format.percent(row.share))</text>"
        }
        if rows.isEmpty {
            body += "<text x=\"4\" y=\"16\" font-size=\"12\" fill=\"#4f5863\">no supplier known</text>"
        }
        let total = Int(labelWidth + barWidth + 50)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" role=\"img\" width=\"\(total)\" "
            + "height=\"\(Int(height))\" viewBox=\"0 0 \(total) \(Int(height))\"><title>\(esc(title))</title>"
            + body + "</svg>"
    }
}

/// The dependency graph of one system as SVG: a box per component (fill by its tier for the system,
/// linking to the component's page), arrows from a component to what it depends on.
struct DependencyGraphSVG {
    static let nodeWidth = 210.0
    static let nodeHeight = 44.0
    static let columnGap = 60.0
    static let rowGap = 12.0
    static let margin = 10.0

    let system: RegisterSystem
    let register: Register
    let link: (String) -> String

    var layout: DependencyGraphLayout {
        DependencyGraphLayout(system: system, edges: register.edges) { key in
            let part = register.components[key]
            return "\(part.map { Layer.allCases.firstIndex(of: $0.layer) ?? 0 } ?? 0)-\(part?.imported.name ?? key)"
        }
    }

    func render() -> String {
        let layout = layout
        let tallest = Double(layout.columns.map(\.count).max() ?? 1)
        let width = Self.margin * 2 + Double(layout.columns.count) * (Self.nodeWidth + Self.columnGap) - Self.columnGap
        let height = Self.margin * 2 + tallest * (Self.nodeHeight + Self.rowGap) - Self.rowGap
        func origin(_ key: String) -> (x: Double, y: Double)? {
            guard let node = layout.nodes[key] else { return nil }
            let count = Double(layout.columns[node.column].count)
            let offset = (tallest - count) * (Self.nodeHeight + Self.rowGap) / 2
            return (
                Self.margin + Double(node.column) * (Self.nodeWidth + Self.columnGap),
                Self.margin + offset + Double(node.row) * (Self.nodeHeight + Self.rowGap)
            )
        }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" role=\"img\" "
            + "viewBox=\"0 0 \(Int(width.rounded(.up))) \(Int(height.rounded(.up)))\" "
            + "width=\"\(Int(width.rounded(.up)))\" height=\"\(Int(height.rounded(.up)))\">"
            + "<title>Dependency graph of \(RegisterSVG.esc(system.name))</title>"
            + "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" "
            + "orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#4f5863\"/></marker></defs>"
        for edge in layout.edges {
            guard let a = origin(edge.from), let b = origin(edge.to) else { continue }
            out += edgePath(from: a, to: b, recorded: edge.recorded)
        }
        out += node(layout.root, at: origin(layout.root)!, isRoot: true)
        for key in layout.columns.dropFirst().flatMap({ $0 }) {
            if let at = origin(key) { out += node(key, at: at, isRoot: false) }
        }
        return out + "</svg>"
    }

    private func edgePath(from a: (x: Double, y: Double), to b: (x: Double, y: Double), recorded: Bool) -> String {
        let n = RegisterSVG.number
        let x1 = a.x + Self.nodeWidth
        let y1 = a.y + Self.nodeHeight / 2
        let x2 = b.x - 1
        let y2 = b.y + Self.nodeHeight / 2
        let bend = max(20, (x2 - x1) / 2)
        let style =
            recorded
            ? "stroke=\"#4f5863\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\""
            : "stroke=\"#9aa4ae\" stroke-width=\"1\" stroke-dasharray=\"4 4\""
        return "<path d=\"M\(n(x1)),\(n(y1)) C\(n(x1 + bend)),\(n(y1)) \(n(x2 - bend)),\(n(y2)) \(n(x2)),\(n(y2))\" "
            + "fill=\"none\" \(style)/>"
    }

    /// Fill and border by tier: must-control dark-bordered blue, allied green, market grey, unset dashed.
    static func colours(_ tier: Tier?) -> (fill: String, stroke: String, dash: String) {
        switch tier {
        case .mustControl: ("#dce8f5", "#0b4f8a", "")
        case .allied: ("#e6f3e4", "#1a6b3c", "")
        case .market: ("#f1f2f4", "#6b7480", "")
        case nil: ("#ffffff", "#6b7480", " stroke-dasharray=\"3 3\"")
        }
    }

    private func node(_ key: String, at p: (x: Double, y: Double), isRoot: Bool) -> String {
        let n = RegisterSVG.number
        let part = register.components[key]
        let tier = register.tier(system: system.id, component: key)?.tier
        let (fill, stroke, dash) = isRoot ? ("#112a46", "#112a46", "") : Self.colours(tier)
        let name = isRoot ? system.name : part?.imported.name ?? key
        let supplier = part.flatMap { register.supplier(of: $0)?.name } ?? part?.imported.supplier ?? "supplier unknown"
        let sub = isRoot ? "system · \(system.sector.rawValue)" : "\(part?.layer.rawValue ?? "?") · \(supplier)"
        let tierWord = isRoot ? "" : tier.map { " · tier \($0.rawValue)" } ?? " · no tier"
        let ink = isRoot ? "#ffffff" : "#1b1f24"
        let muted = isRoot ? "#dce8f5" : "#4f5863"
        var g =
            "<g><title>\(RegisterSVG.esc(name + (isRoot ? "" : " — " + key) + tierWord))</title>"
            + "<rect x=\"\(n(p.x))\" y=\"\(n(p.y))\" width=\"\(n(Self.nodeWidth))\" height=\"\(n(Self.nodeHeight))\" "
            + "rx=\"6\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(tier == .mustControl ? 2 : 1.2)\"\(dash)/>"
            + "<text x=\"\(n(p.x + 8))\" y=\"\(n(p.y + 18))\" font-size=\"12.5\" font-weight=\"600\" fill=\"\(ink)\">"
            + "\(RegisterSVG.esc(RegisterSVG.cut(name, isRoot ? 28 : 22)))</text>"
            + "<text x=\"\(n(p.x + 8))\" y=\"\(n(p.y + 35))\" font-size=\"10.5\" fill=\"\(muted)\">"
            + "\(RegisterSVG.esc(RegisterSVG.cut(sub, 33)))</text>"
        // The tier in words at the top right, so the fill is never the only sign of it.
        if !isRoot {
            g +=
                "<text x=\"\(n(p.x + Self.nodeWidth - 6))\" y=\"\(n(p.y + 17))\" text-anchor=\"end\" font-size=\"10.5\" "
                + "font-weight=\"700\" fill=\"\(stroke)\">\(tier.map { "T\($0.rawValue)" } ?? "T?")</text>"
        }
        g += "</g>"
        if !isRoot { g = "<a href=\"\(RegisterSVG.esc(link(key)))\">" + g + "</a>" }
        return g
    }
}
