import Foundation

/// JSON Feed 1.0/1.1 and the Federal Register's documents API into entries.
enum JSONFeedParsers {
    static func jsonFeed(_ data: Data, base: URL?, now: Date, limits: FeedLimits) throws -> ParsedFeed {
        let object = try jsonObject(data, limits: limits)
        guard let version = object["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw SignalError("not a JSON Feed (no jsonfeed.org version)")
        }
        guard let items = object["items"] as? [[String: Any]] else { throw SignalError("a JSON Feed without items") }
        var anomalies: [String] = []
        if items.count > limits.maxItems { anomalies.append("\(items.count) items; only \(limits.maxItems) read") }
        var entries: [FeedEntry] = []
        var seen = Set<String>()
        for item in items.prefix(limits.maxItems) {
            var notes: [String] = []
            let link = (item["url"] as? String).flatMap { CanonicalURL.canonical($0, base: base) }
            let title = FeedText.plain(item["title"] as? String ?? "", limit: 500)
            let summary = FeedText.plain(
                item["summary"] as? String ?? item["content_text"] as? String ?? item["content_html"] as? String ?? ""
            )
            guard !title.isEmpty || !summary.isEmpty else {
                anomalies.append("an item with neither title nor content dropped")
                continue
            }
            // The spec wants a string; some publishers write a number.
            let rawId = (item["id"] as? String) ?? (item["id"] as? NSNumber).map { "\($0)" }
            if rawId == nil { notes.append("no id; id derived from link and title") }
            let id = rawId ?? FeedText.derivedId(link: link, title: title)
            guard seen.insert(id).inserted else {
                anomalies.append("id \(id) appears more than once; the first kept")
                continue
            }
            let dates = FeedDates.readPair(
                published: item["date_published"] as? String,
                updated: item["date_modified"] as? String,
                now: now,
                anomalies: &notes
            )
            entries.append(
                FeedEntry.read(
                    id: id,
                    title: title,
                    summary: summary,
                    link: link,
                    dates: dates,
                    documentType: (item["tags"] as? [String])?.first,
                    anomalies: notes
                )
            )
        }
        return ParsedFeed(entries: entries, anomalies: anomalies)
    }

    /// `documents.json` search results (`results[]`) or one document (`/documents/{number}.json`).
    static func federalRegister(_ data: Data, now: Date, limits: FeedLimits) throws -> ParsedFeed {
        let object = try jsonObject(data, limits: limits)
        let results: [[String: Any]]
        if let list = object["results"] as? [[String: Any]] {
            results = list
        } else if object["document_number"] != nil {
            results = [object]
        } else if object["count"] != nil {
            results = []
        } else {
            throw SignalError("not a Federal Register API answer (no results or document_number)")
        }
        var anomalies: [String] = []
        if results.count > limits.maxItems { anomalies.append("\(results.count) items; only \(limits.maxItems) read") }
        var entries: [FeedEntry] = []
        for r in results.prefix(limits.maxItems) {
            guard let number = r["document_number"] as? String, !number.isEmpty else {
                anomalies.append("a result without document_number dropped")
                continue
            }
            entries.append(federalRegisterEntry(r, number: number, now: now))
        }
        return ParsedFeed(entries: entries, anomalies: anomalies)
    }

    private static func federalRegisterEntry(_ r: [String: Any], number: String, now: Date) -> FeedEntry {
        var notes: [String] = []
        let title = FeedText.plain(r["title"] as? String ?? "", limit: 500)
        let summary = FeedText.plain(r["abstract"] as? String ?? "")
        let link = (r["html_url"] as? String).flatMap { CanonicalURL.canonical($0) }
        let published = FeedDates.read(
            r["publication_date"] as? String,
            field: "publication",
            now: now,
            anomalies: &notes
        )
        if r["publication_date"] == nil { notes.append("no publication_date") }
        let agencies = (r["agencies"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let rins = (r["regulation_id_numbers"] as? [String] ?? []).map { "rin:" + $0.lowercased() }
        let dockets = (r["docket_ids"] as? [String] ?? []).map { "docket:" + $0.lowercased() }
        let found = SignalIdentifiers.find(in: [title, summary])
        let ids = Set(["fr:" + number.lowercased()] + rins + dockets + found).sorted()
        let agencyText = agencies.isEmpty ? "" : " (" + agencies.joined(separator: "; ") + ")"
        return FeedEntry(
            nativeId: number,
            title: title.isEmpty ? "Federal Register document \(number)" : title,
            summary: summary + agencyText,
            url: link,
            published: published,
            updated: nil,
            documentType: r["type"] as? String,
            identifiers: ids,
            anomalies: notes
        )
    }

    static func jsonObject(_ data: Data, limits: FeedLimits) throws -> [String: Any] {
        guard data.count <= limits.maxBytes else {
            throw SignalError("the document is \(data.count) bytes; at most \(limits.maxBytes) are read")
        }
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data) } catch {
            throw SignalError("not valid JSON: \(error.localizedDescription)")
        }
        guard let object = value as? [String: Any] else { throw SignalError("the JSON is not an object") }
        return object
    }
}
