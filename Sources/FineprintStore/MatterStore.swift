import FineprintCore
import Foundation

/// What sort of procurement case a matter is.
public enum MatterKind: String, CaseIterable, Codable, Sendable {
    case tender, renewal, partnership, other
}

/// A member's rights in one matter: readers read, analysts also upload and analyse, owners also
/// delete and manage members and retention. Global admins act as owners of every matter.
public enum MatterRole: String, CaseIterable, Codable, Comparable, Sendable {
    case reader, analyst, owner

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: MatterRole, rhs: MatterRole) -> Bool { lhs.rank < rhs.rank }
}

/// A procurement case (a tender, a renewal, a partnership): it holds documents, their analyses and
/// the jobs that made them, and only its members (and admins) see them.
public struct Matter: Hashable, Codable, Sendable {
    /// Random and unguessable (32 hex digits), the only id that leaves the store.
    public var id: String
    public var name: String
    public var kind: MatterKind
    public var createdAt: Date
    /// Documents older than this are deleted by the daily retention service; nil: the server's
    /// default (`--retention-days`), which may itself be none.
    public var retentionDays: Int?
    /// The matter that holds what was stored before matters existed, and what is stored without one.
    public var isDefault: Bool

    public init(
        id: String = PublicID.make(),
        name: String,
        kind: MatterKind,
        createdAt: Date = Date(),
        retentionDays: Int? = nil,
        isDefault: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.createdAt = createdAt
        self.retentionDays = retentionDays
        self.isDefault = isDefault
    }

    /// The longest name kept, and the longest retention period accepted (a century).
    public static let maxNameLength = 200
    public static let maxRetentionDays = 36_500

    /// Checks a name and retention period before anything is stored.
    public static func validated(name: String, retentionDays: Int?) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maxNameLength else {
            throw MatterError.invalid("a matter's name must be 1 to \(maxNameLength) characters")
        }
        guard trimmed.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) else {
            throw MatterError.invalid("a matter's name must not contain control characters")
        }
        if let days = retentionDays, !(1...maxRetentionDays).contains(days) {
            throw MatterError.invalid("a retention period must be 1 to \(maxRetentionDays) days")
        }
        return trimmed
    }
}

/// A user's membership of a matter.
public struct MatterMember: Hashable, Codable, Sendable {
    public var userName: String
    public var role: MatterRole

    public init(userName: String, role: MatterRole) {
        self.userName = userName
        self.role = role
    }
}

/// A document as one matter holds it: the same bytes uploaded in two matters are stored once,
/// but each matter has its own entry with its own public id, and deleting it from one matter
/// leaves the other's.
public struct MatterDocument: Hashable, Codable, Sendable {
    public var id: String
    public var matterID: String
    public var sha256: String
    /// The name it was first uploaded under in this matter.
    public var name: String
    public var createdAt: Date

    public init(id: String, matterID: String, sha256: String, name: String, createdAt: Date) {
        self.id = id
        self.matterID = matterID
        self.sha256 = sha256
        self.name = name
        self.createdAt = createdAt
    }
}

/// Which matters a query may see: every one (an admin, the command line) or only some.
public enum MatterFilter: Hashable, Sendable {
    case all
    case only(Set<String>)

    public func contains(_ matterID: String) -> Bool {
        switch self {
        case .all: return true
        case .only(let ids): return ids.contains(matterID)
        }
    }

    /// The ids as a sorted list (nil for `.all`), for the stores' `IN (…)` clauses.
    var list: [String]? {
        if case .only(let ids) = self { return ids.sorted() }
        return nil
    }
}

/// Random public ids: 128 bits as 32 lowercase hex digits (the job ids' shape).
public enum PublicID {
    public static func make() -> String { AnalysisJob.newID() }
    /// Whether `text` has the shape of a public id (checked before it reaches a query).
    public static func isWellFormed(_ text: some StringProtocol) -> Bool { AnalysisJob.isWellFormedID(text) }
}

/// A store that groups its contract data into matters with members. Analyses, documents and jobs
/// are addressed by random public ids, and every lookup takes the `MatterFilter` of the caller,
/// so something outside it is indistinguishable from something that does not exist.
public protocol MatterStore: DeletingStore {
    /// Stores a new matter with `owner` (if any) as its owner.
    func addMatter(_ matter: Matter, owner: String?) async throws
    func matter(id: String) async throws -> Matter?
    /// The matters the filter lets through, newest first (the default matter last).
    func matters(_ filter: MatterFilter) async throws -> [Matter]
    /// The matters `userName` is a member of, with the role in each.
    func memberships(userName: String) async throws -> [String: MatterRole]
    func members(matterID: String) async throws -> [MatterMember]
    /// Adds a member or changes their role; false when there is no such matter or user.
    func setMember(_ member: MatterMember, matterID: String) async throws -> Bool
    /// False when the user was not a member.
    func removeMember(userName: String, matterID: String) async throws -> Bool
    /// False when there is no such matter.
    func setRetention(days: Int?, matterID: String) async throws -> Bool

    /// Stores an analysis (of a stored document) in the matter (nil: the default matter).
    func saveAnalysis(_ analysis: Analysis, matterID: String?) async throws -> AnalysisSummary
    func analysis(publicID: String, in filter: MatterFilter) async throws -> StoredAnalysis?
    /// The most recent analyses the filter lets through, optionally of one matter only.
    func analyses(in filter: MatterFilter, limit: Int, offset: Int) async throws -> [AnalysisSummary]
    func analysisCount(in filter: MatterFilter) async throws -> Int
    /// The public ids of analyses by internal id (for jobs, which record internal ids).
    func analysisPublicIDs(_ ids: [Int64]) async throws -> [Int64: String]

    func documents(ofMatter matterID: String) async throws -> [MatterDocument]
    func matterDocument(id: String, in filter: MatterFilter) async throws -> MatterDocument?
    /// Deletes a matter's document with the matter's analyses of it and the jobs that made them;
    /// the bytes go when no other matter holds the document. Nil when there is no such document.
    func deleteMatterDocument(id: String) async throws -> DeletedDocument?
    /// The documents of the matter entered before `date`, oldest first (what retention removes).
    func documents(ofMatter matterID: String, storedBefore date: Date) async throws -> [MatterDocument]

    /// The matter of a job (`NewJob.matterID` chose it); nil when there is no such job.
    func jobMatter(jobID: String) async throws -> String?
}

/// The retention periods enforced matter by matter: each matter's own period, else `defaultDays`
/// (nil: keep forever). Each deletion is a `retention_delete` audit row.
public struct MatterRetentionSweep: Sendable {
    public var defaultDays: Int?
    public var store: any MatterStore
    public var log: (any AuditLog)?

    public init(defaultDays: Int?, store: any MatterStore, log: (any AuditLog)?) {
        self.defaultDays = defaultDays
        self.store = store
        self.log = log
    }

    @discardableResult public func run(now: Date = Date()) async throws -> [DeletedDocument] {
        var deleted: [DeletedDocument] = []
        for matter in try await store.matters(.all) {
            guard let days = matter.retentionDays ?? defaultDays else { continue }
            let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
            for document in try await store.documents(ofMatter: matter.id, storedBefore: cutoff) {
                guard let gone = try await store.deleteMatterDocument(id: document.id) else { continue }
                deleted.append(gone)
                try await log?.append(
                    .retentionDeletion(
                        of: document.id,
                        at: now,
                        detail: "\(document.name) in matter \(matter.id): entered \(document.createdAt), past the "
                            + "\(days)-day retention period; \(gone.analysisIds.count) analyses, \(gone.jobs) jobs"
                    )
                )
            }
        }
        return deleted
    }
}

/// A matter's settings that cannot be stored, in words for the user.
public enum MatterError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let detail): return detail
        }
    }
}
