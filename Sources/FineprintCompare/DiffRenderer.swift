import FineprintCore
import Foundation

/// Renders a version diff as text, JSON, Markdown or HTML.
public enum DiffRenderer {
    public static func render(_ d: VersionDiff, as format: CompareFormat) throws -> String {
        switch format {
        case .text: text(d)
        case .json: try Render.json(d)
        case .markdown: markdown(d)
        case .html: html(d)
        case .csv: throw UnsupportedFormat(description: "a diff has no CSV form; use text, json, markdown or html")
        }
    }

    static func state(_ s: FindingState) -> String { s.label }

    static func kindLabel(_ k: ProvisionChangeKind) -> String {
        switch k {
        case .gained: "gained"
        case .lost: "LOST"
        case .strengthened: "strengthened"
        case .weakened: "WEAKENED"
        case .hazardAdded: "HAZARD ADDED"
        case .hazardRemoved: "hazard removed"
        case .valueChanged: "value changed"
        }
    }

    static func clauseLabel(_ c: ClauseChange) -> String {
        let r = c.new ?? c.old
        if let o = c.old?.number, let n = c.new?.number, o != n { return "\(o) → \(n)" }
        if let n = r?.number { return n }
        if let s = r?.section, r?.kind != .heading { return "in “" + Render.oneLine(s, max: 40) + "”" }
        return r?.kind.rawValue ?? ""
    }

    static func cosmeticCounts(_ d: VersionDiff) -> String {
        var counts: [CosmeticKind: Int] = [:]
        for c in d.clauses where c.status == .cosmetic { for k in c.cosmetic { counts[k, default: 0] += 1 } }
        return CosmeticKind.allCases.compactMap { k in counts[k].map { "\(k.rawValue) \($0)" } }.joined(separator: ", ")
    }

    public static func text(_ d: VersionDiff) -> String {
        var out = "Diff \(d.old.name) → \(d.new.name) (profile \(d.profile))\n"
        out += "\(d.summary.headline)\n\n"
        let r = d.rights
        out += "Rights\n"
        if r.isEmpty { out += "  no change in provisions, kill-list moves or score\n" }
        for p in r.provisions {
            let sign = p.effect == .better ? "+" : p.effect == .worse ? "−" : "~"
            out += "  \(sign) \(kindLabel(p.kind)): \(p.provision) (\(p.name)) — \(state(p.old)) → \(state(p.new))\n"
            if let q = p.new.evidence ?? p.old.evidence { out += "      “\(Render.oneLine(q.quote, max: 140))”\n" }
        }
        for m in r.movesAdded {
            out += "  − KILL-LIST MOVE ADDED: \(m.id) (\(m.name))\(m.severity.map { ", \($0.rawValue)" } ?? "")\n"
        }
        for m in r.movesRemoved { out += "  + kill-list move removed: \(m.id) (\(m.name))\n" }
        if !r.gapsOpened.isEmpty { out += "  gaps opened: \(r.gapsOpened.joined(separator: ", "))\n" }
        if !r.gapsClosed.isEmpty { out += "  gaps closed: \(r.gapsClosed.joined(separator: ", "))\n" }
        out += "  score \(r.scoreOld) → \(r.scoreNew) (\(r.scoreDelta >= 0 ? "+" : "")\(r.scoreDelta))"
        if !r.dimensions.isEmpty {
            out += "; " + r.dimensions.map { "\($0.id) \($0.old) → \($0.new)" }.joined(separator: ", ")
        }
        out += "\n\n"
        let s = d.summary
        out +=
            "Clauses: \(s.unchanged) unchanged, \(s.cosmetic) cosmetic, \(s.modified) modified, \(s.moved) moved, "
            + "\(s.added) added, \(s.removed) removed, \(s.renumbered) renumbered\n"
        let cc = cosmeticCounts(d)
        if !cc.isEmpty { out += "  cosmetic changes (not listed): \(cc)\n" }
        for c in d.clauses {
            switch c.status {
            case .modified:
                out += "\n~ \(clauseLabel(c))\(c.moved ? " (moved)" : "") modified\n    "
                out +=
                    (c.segments ?? []).map { seg -> String in
                        switch seg.op {
                        case .equal: return ellipsize(seg.text)
                        case .delete: return "[-" + seg.text + "-]"
                        case .insert: return "{+" + seg.text + "+}"
                        }
                    }.joined(separator: " ") + "\n"
            case .added:
                out += "\n+ \(clauseLabel(c)) added\n    \(Render.oneLine(c.text, max: 400))\n"
            case .removed:
                out += "\n- \(clauseLabel(c)) removed\n    \(Render.oneLine(c.text, max: 400))\n"
            case .unchanged, .cosmetic:
                if c.moved { out += "\n↕ \(clauseLabel(c)) moved\n    \(Render.oneLine(c.text, max: 160))\n" }
            }
        }
        out +=
            "\nTimings: analysis \(Render.ms(d.timings.analysisMilliseconds)), alignment \(Render.ms(d.timings.alignmentMilliseconds)), total \(Render.ms(d.timings.totalMilliseconds))\n"
        return out
    }

    /// Long unchanged stretches shortened to their ends.
    static func ellipsize(_ s: String, keep: Int = 60) -> String {
        let flat = Render.oneLine(s, max: Int.max)
        guard flat.count > keep * 2 + 5 else { return flat }
        return String(flat.prefix(keep)) + " … " + String(flat.suffix(keep))
    }

    public static func markdown(_ d: VersionDiff) -> String {
        let m = Render.md
        var out = "# What changed: \(m(d.old.name)) → \(m(d.new.name))\n\n"
        out +=
            "**\(m(d.summary.headline))**\n\nProfile `\(d.profile)`. Score \(d.rights.scoreOld) → \(d.rights.scoreNew).\n\n"
        out += "## Rights\n\n"
        let r = d.rights
        if r.isEmpty {
            out += "No change in provisions, kill-list moves or score.\n\n"
        } else {
            out += "| Change | Provision | Before | After | For the buyer |\n|---|---|---|---|---|\n"
            for p in r.provisions {
                out +=
                    "| \(m(kindLabel(p.kind))) | \(m(p.name)) (`\(p.provision)`) | \(m(state(p.old))) | \(m(state(p.new))) | \(p.effect.rawValue) |\n"
            }
            for x in r.movesAdded { out += "| kill-list move added | \(m(x.name)) (`\(x.id)`) | — | found | worse |\n" }
            for x in r.movesRemoved {
                out += "| kill-list move removed | \(m(x.name)) (`\(x.id)`) | found | — | better |\n"
            }
            out += "\n"
            if !r.dimensions.isEmpty {
                out +=
                    "Dimension scores: "
                    + r.dimensions.map { "\(m($0.id)) \($0.old) → \($0.new)" }.joined(separator: ", ") + "\n\n"
            }
        }
        let s = d.summary
        out +=
            "## Clauses\n\n\(s.unchanged) unchanged, \(s.cosmetic) cosmetic, \(s.modified) modified, \(s.moved) moved, \(s.added) added, \(s.removed) removed, \(s.renumbered) renumbered.\n"
        let cc = cosmeticCounts(d)
        if !cc.isEmpty { out += "Cosmetic changes (not listed): \(cc).\n" }
        for c in d.clauses {
            switch c.status {
            case .modified:
                out += "\n### ~ \(m(clauseLabel(c))) modified\(c.moved ? " (moved)" : "")\n\n"
                out +=
                    (c.segments ?? []).map { seg -> String in
                        switch seg.op {
                        case .equal: return m(ellipsize(seg.text))
                        case .delete: return "~~\(m(seg.text))~~"
                        case .insert: return "**\(m(seg.text))**"
                        }
                    }.joined(separator: " ") + "\n"
            case .added:
                out += "\n### + \(m(clauseLabel(c))) added\n\n> \(m(Render.oneLine(c.text, max: 600)))\n"
            case .removed:
                out += "\n### − \(m(clauseLabel(c))) removed\n\n> \(m(Render.oneLine(c.text, max: 600)))\n"
            case .unchanged, .cosmetic:
                if c.moved { out += "\n### ↕ \(m(clauseLabel(c))) moved\n\n> \(m(Render.oneLine(c.text, max: 200)))\n" }
            }
        }
        return out
    }

    public static func html(_ d: VersionDiff) -> String {
        let e = Render.html
        var b =
            "<h1>What changed</h1>\n<p class=\"sub\">\(e(d.old.name)) → \(e(d.new.name)) · profile \(e(d.profile)) · score \(d.rights.scoreOld) → \(d.rights.scoreNew)</p>\n"
        b += "<p class=\"headline\">\(e(d.summary.headline))</p>\n<h2>Rights</h2>\n"
        b += rightsHTML(d.rights)
        let s = d.summary
        b +=
            "<h2>Clauses</h2>\n<p>\(s.unchanged) unchanged, \(s.cosmetic) cosmetic, \(s.modified) modified, \(s.moved) moved, \(s.added) added, \(s.removed) removed, \(s.renumbered) renumbered.</p>\n"
        let cc = cosmeticCounts(d)
        if !cc.isEmpty { b += "<p class=\"meta\">Cosmetic changes (not listed): \(e(cc)).</p>\n" }
        for c in d.clauses { b += clauseHTML(c) }
        b +=
            "<p class=\"meta\">Timings: analysis \(e(Render.ms(d.timings.analysisMilliseconds))), alignment \(e(Render.ms(d.timings.alignmentMilliseconds))).</p>\n"
        return Render.page(title: "What changed: \(d.old.name) → \(d.new.name)", body: b)
    }

    /// The rights table: provisions and kill-list moves that changed, and the dimension scores.
    static func rightsHTML(_ r: RightsChanges) -> String {
        let e = Render.html
        var b = ""
        if r.isEmpty {
            b += "<p>No change in provisions, kill-list moves or score.</p>\n"
        } else {
            b +=
                "<table><thead><tr><th>Change</th><th>Provision</th><th>Before</th><th>After</th><th>Evidence</th></tr></thead><tbody>\n"
            for p in r.provisions {
                let q =
                    (p.new.evidence ?? p.old.evidence).map { "“" + e(Render.oneLine($0.quote, max: 240)) + "”" } ?? ""
                b +=
                    "<tr class=\"\(p.effect.rawValue)\"><td><span class=\"tag \(p.effect.rawValue)\">\(e(kindLabel(p.kind)))</span></td><td>\(e(p.name))<br><span class=\"meta\">\(e(p.provision))</span></td><td>\(e(state(p.old)))</td><td>\(e(state(p.new)))</td><td class=\"meta\">\(q)</td></tr>\n"
            }
            for x in r.movesAdded {
                b +=
                    "<tr class=\"worse\"><td><span class=\"tag worse\">kill-list move added</span></td><td>\(e(x.name))<br><span class=\"meta\">\(e(x.id))</span></td><td>—</td><td>found</td><td class=\"meta\">\(x.evidence.map { "“" + e(Render.oneLine($0.quote, max: 240)) + "”" } ?? "")</td></tr>\n"
            }
            for x in r.movesRemoved {
                b +=
                    "<tr class=\"better\"><td><span class=\"tag better\">kill-list move removed</span></td><td>\(e(x.name))<br><span class=\"meta\">\(e(x.id))</span></td><td>found</td><td>—</td><td></td></tr>\n"
            }
            b += "</tbody></table>\n"
            if !r.dimensions.isEmpty {
                b +=
                    "<p class=\"meta\">Dimension scores: "
                    + e(r.dimensions.map { "\($0.id) \($0.old) → \($0.new)" }.joined(separator: ", ")) + "</p>\n"
            }
        }
        return b
    }

    /// One clause that changed or moved, its words struck out and inserted; nothing for an unchanged
    /// clause in its place.
    static func clauseHTML(_ c: ClauseChange) -> String {
        let e = Render.html
        var b = ""
        switch c.status {
        case .modified:
            b +=
                "<div class=\"clause modified\"><div class=\"meta\">\(e(clauseLabel(c))) · modified\(c.moved ? " · moved" : "")</div>"
            b +=
                (c.segments ?? []).map { seg -> String in
                    switch seg.op {
                    case .equal: return e(ellipsize(seg.text))
                    case .delete: return "<del>\(e(seg.text))</del>"
                    case .insert: return "<ins>\(e(seg.text))</ins>"
                    }
                }.joined(separator: " ") + "</div>\n"
        case .added:
            b +=
                "<div class=\"clause added\"><div class=\"meta\">\(e(clauseLabel(c))) · added</div><ins>\(e(c.text))</ins></div>\n"
        case .removed:
            b +=
                "<div class=\"clause removed\"><div class=\"meta\">\(e(clauseLabel(c))) · removed</div><del>\(e(c.text))</del></div>\n"
        case .unchanged, .cosmetic:
            if c.moved {
                b +=
                    "<div class=\"clause\"><div class=\"meta\">\(e(clauseLabel(c))) · moved</div>\(e(Render.oneLine(c.text, max: 300)))</div>\n"
            }
        }
        return b
    }
}
