import Foundation

/// The JSON APIs with a fixed shape that are not feeds: Regulations.gov v4 (JSON:API documents search), TED's
/// notice search (v3) and the Cellar SPARQL endpoint's JSON results. Each keeps the publisher's own identifier
/// as the item's native id and adds it to the identifiers clustering uses.
enum APIAdapterParsers {
    /// `GET /v4/documents` (a `data` list) or `/v4/documents/{id}` (one `data` object).
    static func regulationsGov(_ data: Data, now: Date, limits: FeedLimits) throws -> ParsedFeed {
        let object = try JSONFeedParsers.jsonObject(data, limits: limits)
        let resources: [[String: Any]]
        if let list = object["data"] as? [[String: Any]] {
            resources = list
        } else if let one = object["data"] as? [String: Any] {
            resources = [one]
        } else if let errors = object["errors"] as? [[String: Any]] {
            let first = errors.first.flatMap { $0["detail"] as? String ?? $0["title"] as? String } ?? "an error"
            throw SignalError("Regulations.gov answered with an error: \(FeedText.plain(first, limit: 200))")
        } else {
            throw SignalError("not a Regulations.gov v4 answer (no data)")
        }
        return collect(resources, limits: limits, what: "a document without an id") { r in
            guard let id = r["id"] as? String, !id.isEmpty, r["type"] as? String ?? "documents" == "documents"
            else { return nil }
            return .entry(regulationsGovEntry(r, id: id, now: now))
        }
    }

    private static func regulationsGovEntry(_ r: [String: Any], id: String, now: Date) -> FeedEntry {
        let a = r["attributes"] as? [String: Any] ?? [:]
        var notes: [String] = []
        let title = FeedText.plain(a["title"] as? String ?? "", limit: 500)
        let posted = FeedDates.read(a["postedDate"] as? String, field: "posted", now: now, anomalies: &notes)
        let modified = FeedDates.read(a["lastModifiedDate"] as? String, field: "modified", now: now, anomalies: &notes)
        if a["postedDate"] == nil { notes.append("no postedDate") }
        if a["withdrawn"] as? Bool == true { notes.append("withdrawn") }
        var ids = ["regs:" + id.lowercased()]
        if let docket = a["docketId"] as? String, !docket.isEmpty { ids.append("docket:" + docket.lowercased()) }
        if let fr = a["frDocNum"] as? String, !fr.isEmpty { ids.append("fr:" + fr.lowercased()) }
        let agency = (a["agencyId"] as? String).map { " (\($0))" } ?? ""
        let comments = (a["commentEndDate"] as? String).map { " Comments close \($0.prefix(10))." } ?? ""
        return FeedEntry(
            nativeId: id,
            title: title.isEmpty ? "Regulations.gov document \(id)" : title,
            summary: (a["documentType"] as? String ?? "Document") + agency + "." + comments,
            url: CanonicalURL.canonical("https://www.regulations.gov/document/\(id)"),
            published: posted ?? modified,
            updated: modified,
            documentType: a["documentType"] as? String,
            identifiers: Set(ids + SignalIdentifiers.find(in: [title])).sorted(),
            anomalies: notes
        )
    }

    /// `POST /v3/notices/search`: `notices[]` with the fields the request named (multilingual ones as maps of
    /// three-letter language codes); `totalNoticeCount` alone when nothing matched.
    static func ted(_ data: Data, language: String, now: Date, limits: FeedLimits) throws -> ParsedFeed {
        let object = try JSONFeedParsers.jsonObject(data, limits: limits)
        guard let notices = object["notices"] as? [[String: Any]] else {
            if object["totalNoticeCount"] != nil { return ParsedFeed(entries: [], anomalies: []) }
            throw SignalError("not a TED search answer (no notices)")
        }
        return collect(notices, limits: limits, what: "a notice without publication-number") { n in
            guard let number = n["publication-number"] as? String, !number.isEmpty else { return nil }
            return .entry(tedEntry(n, number: number, language: language, now: now))
        }
    }

    private static func tedEntry(_ n: [String: Any], number: String, language: String, now: Date) -> FeedEntry {
        var notes: [String] = []
        let title = FeedText.plain(TEDText.pick(n["notice-title"], language: language) ?? "", limit: 500)
        let buyer = TEDText.pick(n["buyer-name"], language: language).map { FeedText.plain($0, limit: 200) }
        let description = FeedText.plain(TEDText.pick(n["description-proc"], language: language) ?? "")
        let dateText = TEDText.first(n["publication-date"])
        let published = FeedDates.read(dateText, field: "publication", now: now, anomalies: &notes)
        if dateText == nil { notes.append("no publication-date") }
        let cpv = TEDText.all(n["classification-cpv"]).map { "cpv:" + $0 }
        let link =
            TEDText.link(n["links"], language: language)
            ?? "https://ted.europa.eu/en/notice/-/detail/\(number)"
        let summary = [buyer.map { "Buyer: \($0)." }, description.isEmpty ? nil : description]
            .compactMap { $0 }.joined(separator: " ")
        return FeedEntry(
            nativeId: number,
            title: title.isEmpty ? "TED notice \(number)" : title,
            summary: summary,
            url: CanonicalURL.canonical(link),
            published: published,
            updated: nil,
            documentType: TEDText.first(n["notice-type"]),
            identifiers: Set(["ted:" + number.lowercased()] + cpv + SignalIdentifiers.find(in: [title])).sorted(),
            anomalies: notes
        )
    }

    /// SPARQL 1.1 JSON results from Cellar. The source's query names its variables `work` (the Cellar URI),
    /// `celex`, `title`, `date` and optionally `eli`; an item needs a CELEX number or a work.
    static func cellarSPARQL(_ data: Data, now: Date, limits: FeedLimits) throws -> ParsedFeed {
        let object = try JSONFeedParsers.jsonObject(data, limits: limits)
        guard let results = object["results"] as? [String: Any], let rows = results["bindings"] as? [[String: Any]]
        else { throw SignalError("not SPARQL JSON results (no results.bindings)") }
        var seen = Set<String>()
        var repeats = 0
        var feed = collect(rows, limits: limits, what: "a row without celex or work") { row in
            func value(_ name: String) -> String? {
                ((row[name] as? [String: Any])?["value"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let id = value("celex").map({ "CELEX:" + $0 }) ?? value("work") else { return nil }
            // One work has a row per title language or type: the first row stands for it.
            guard seen.insert(id).inserted else {
                repeats += 1
                return .skip
            }
            return .entry(cellarEntry(id: id, celex: value("celex"), value: value, now: now))
        }
        if repeats > 0 { feed.anomalies.append("\(repeats) further row(s) for the same work folded into it") }
        return feed
    }

    private static func cellarEntry(
        id: String,
        celex: String?,
        value: (String) -> String?,
        now: Date
    ) -> FeedEntry {
        var notes: [String] = []
        let title = FeedText.plain(value("title") ?? "", limit: 500)
        let published = FeedDates.read(value("date"), field: "document", now: now, anomalies: &notes)
        if value("date") == nil { notes.append("no date") }
        let eli = value("eli")
        let link =
            eli ?? celex.map { "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:\($0)" } ?? value("work")
        var ids = SignalIdentifiers.find(in: [id, eli ?? "", title])
        if let celex { ids.append("celex:" + celex.lowercased()) }
        return FeedEntry(
            nativeId: id,
            title: title.isEmpty ? "EU document \(celex ?? id)" : title,
            summary: "",
            url: link.flatMap { CanonicalURL.canonical($0) },
            published: published,
            updated: nil,
            documentType: nil,
            identifiers: Set(ids).sorted(),
            anomalies: notes
        )
    }

    /// What a row turns into: an entry, nothing worth a note (a repeat), or nil (dropped with a note).
    enum Row {
        case entry(FeedEntry)
        case skip
    }

    /// Reads up to `limits.maxItems` rows; a row the reader rejects is dropped with `what` as the note.
    private static func collect(
        _ rows: [[String: Any]],
        limits: FeedLimits,
        what: String,
        _ read: ([String: Any]) -> Row?
    ) -> ParsedFeed {
        var anomalies: [String] = []
        if rows.count > limits.maxItems { anomalies.append("\(rows.count) items; only \(limits.maxItems) read") }
        var entries: [FeedEntry] = []
        for row in rows.prefix(limits.maxItems) {
            switch read(row) {
            case .entry(let e): entries.append(e)
            case .skip: continue
            case nil: anomalies.append("\(what) dropped")
            }
        }
        return ParsedFeed(entries: entries, anomalies: anomalies)
    }
}

/// TED's field values: a string, a list, or a map from language code to a string or list.
enum TEDText {
    /// The text in the source's language (ISO 639-1 "en" → TED's "eng"), else English, else any.
    static func pick(_ value: Any?, language: String) -> String? {
        if let map = value as? [String: Any] {
            let preferred = [languageCode(language), "eng"] + map.keys.sorted()
            for key in preferred { if let text = first(map[key]) { return text } }
            return nil
        }
        return first(value)
    }

    static func first(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let list = value as? [Any] { return list.lazy.compactMap { first($0) }.first }
        return nil
    }

    static func all(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        return (value as? [Any] ?? []).compactMap { $0 as? String }
    }

    /// `links.html` by language (upper-case codes), else the first address there.
    static func link(_ value: Any?, language: String) -> String? {
        guard let html = (value as? [String: Any])?["html"] as? [String: Any] else { return nil }
        let code = languageCode(language).uppercased()
        return first(html[code]) ?? first(html["ENG"]) ?? html.keys.sorted().lazy.compactMap { first(html[$0]) }.first
    }

    static func languageCode(_ iso6391: String) -> String {
        let codes = [
            "en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "nl": "nld", "pt": "por", "pl": "pol",
            "sv": "swe", "da": "dan", "fi": "fin",
        ]
        return codes[iso6391.lowercased()] ?? iso6391.lowercased()
    }
}
