import FineprintWatch
import Foundation

/// The Watched terms page (view: watch.mustache): what `fineprint watch` recorded in its store (versions of each watched source and
/// the rights changes between them). The store is read at every request, since cron runs of `watch` add to it.
struct WatchModel: PageModel {
    static let template = "watch"
    struct Change {
        var when: String
        var headline: String
        var kind: String
        var scoreOld: Int
        var scoreNew: Int
        var details: [String]
    }

    struct Source {
        var name: String
        var location: String
        var versions: Int
        var latest: String
        var changes: [Change]
    }

    var title = "Watched terms"
    var configured: Bool
    var sources: [Source]
    var folder: String

    /// "2026-11-22 02:24 UTC": the minute is enough for versions fetched weekly.
    static func when(_ date: Date) -> String {
        date.formatted(.iso8601).prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    static func load(_ folder: URL?) throws -> WatchModel {
        guard let folder else { return WatchModel(configured: false, sources: [], folder: "") }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.json").path) else {
            return WatchModel(configured: true, sources: [], folder: folder.path)
        }
        let store: WatchStore
        do { store = try WatchStore(root: folder) } catch {
            throw WebError(
                .internalServerError,
                title: "The watch store cannot be read",
                message: "\(error)",
                hint: "Check the folder given to serve --watch-store, or run `fineprint watch` to create it."
            )
        }
        let sources = store.index.sources.map { source in
            Source(
                name: source.name,
                location: source.location,
                versions: source.versions.count,
                latest: source.versions.last.map { when($0.retrieved) } ?? "—",
                changes: source.versions.reversed().compactMap { version in
                    version.change.map { change in
                        Change(
                            when: when(version.retrieved),
                            headline: change.headline,
                            kind: change.rightsChanged ? "rights" : change.cosmeticOnly ? "cosmetic" : "wording",
                            scoreOld: change.scoreOld,
                            scoreNew: change.scoreNew,
                            details: change.details
                        )
                    }
                }
            )
        }
        return WatchModel(configured: true, sources: sources, folder: folder.path)
    }
}
