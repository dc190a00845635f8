import ArgumentParser
import FineprintStore
import Foundation

extension MatterKind: ExpressibleByArgument {}
extension MatterRole: ExpressibleByArgument {}

/// `fineprint matters …`: procurement cases, their members and retention, from the server's shell.
struct MattersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matters",
        abstract: "Manage matters (procurement cases): create, list, members, retention.",
        discussion: """
            A matter holds a case's documents and analyses; only its members (and admins) see them. Roles in a \
            matter: reader, analyst (also uploads), owner (also deletes, manages members and retention). \
            What was stored before matters existed is in the default matter "Earlier work", which only admins \
            see until members are added to it.
            """,
        subcommands: [Create.self, List.self, Members.self, AddMember.self, RemoveMember.self, SetRetention.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a matter; prints its id.")
        @Argument(help: "The matter's name (1 to 200 characters).") var name: String
        @Option(help: "tender, renewal, partnership or other.") var kind: MatterKind = .other
        @Option(help: "Its owner (a user name); none: only admins manage it until members are added.")
        var owner: String?
        @Option(help: "Delete its documents after this many days (default: the server's --retention-days).")
        var retentionDays: Int?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let matter = Matter(name: name, kind: kind, retentionDays: retentionDays)
            let owner = owner
            try await MattersCommand.withMatters(storage) { store, log in
                try await MattersCommand.checked { try await store.addMatter(matter, owner: owner) }
                try await OperatorAudit.record(
                    .matterCreate,
                    "matter",
                    matter.id,
                    detail: "\(matter.kind.rawValue): \(matter.name)" + (owner.map { "; owner \($0)" } ?? ""),
                    in: log
                )
            }
            print(matter.id)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every matter: id, kind, retention, name.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let matters = try await MattersCommand.withMatters(storage) { store, _ in try await store.matters(.all) }
            for matter in matters {
                let retention = matter.retentionDays.map { "\($0)d" } ?? "default"
                print(
                    "\(matter.id)\t\(matter.kind.rawValue)\t\(retention)\t\(matter.name)\(matter.isDefault ? " (default)" : "")"
                )
            }
        }
    }

    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a matter's members and their roles.")
        @Argument(help: "The matter's id.") var matter: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let id = matter
            let members = try await MattersCommand.withMatters(storage) { store, _ in
                try await MattersCommand.existing(id, store)
                return try await store.members(matterID: id)
            }
            for member in members { print("\(member.userName)\t\(member.role.rawValue)") }
        }
    }

    struct AddMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-member",
            abstract: "Add a user to a matter, or change their role in it."
        )
        @Argument(help: "The matter's id.") var matter: String
        @Argument(help: "The user's name.") var user: String
        @Option(help: "reader, analyst or owner.") var role: MatterRole = .reader
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let (id, user, role) = (matter, user, role)
            try await MattersCommand.withMatters(storage) { store, log in
                try await MattersCommand.existing(id, store)
                let before = try await store.members(matterID: id).first { $0.userName == user }
                guard try await store.setMember(MatterMember(userName: user, role: role), matterID: id) else {
                    throw CLIError("there is no user named '\(user)' (see `fineprint users list`)", exitCode: 2)
                }
                try await OperatorAudit.record(
                    before == nil ? .memberAdd : .memberRole,
                    "matter",
                    id,
                    detail: "\(user): \(before.map { "\($0.role.rawValue) → " } ?? "")\(role.rawValue)",
                    in: log
                )
            }
            Console.progress("fineprint: \(user) is \(role.rawValue) in matter \(id)\n")
        }
    }

    struct RemoveMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member",
            abstract: "Remove a user from a matter."
        )
        @Argument(help: "The matter's id.") var matter: String
        @Argument(help: "The user's name.") var user: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let (id, user) = (matter, user)
            try await MattersCommand.withMatters(storage) { store, log in
                try await MattersCommand.existing(id, store)
                guard try await store.removeMember(userName: user, matterID: id) else {
                    throw CLIError("\(user) is not a member of matter \(id)", exitCode: 2)
                }
                try await OperatorAudit.record(.memberRemove, "matter", id, detail: user, in: log)
            }
            Console.progress("fineprint: removed \(user) from matter \(id)\n")
        }
    }

    struct SetRetention: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-retention",
            abstract: "Set a matter's retention period in days ('default': the server's --retention-days)."
        )
        @Argument(help: "The matter's id.") var matter: String
        @Argument(help: "Days (1 to 36500), or 'default'.") var days: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let id = matter
            let value: Int?
            if days == "default" {
                value = nil
            } else {
                guard let number = Int(days) else {
                    throw CLIError("'\(days)' is not a number of days (or 'default')", exitCode: 2)
                }
                value = number
            }
            try await MattersCommand.withMatters(storage) { store, log in
                try await MattersCommand.existing(id, store)
                _ = try await MattersCommand.checked { try await store.setRetention(days: value, matterID: id) }
                let detail = value.map { "\($0) days" } ?? "the server's default"
                try await OperatorAudit.record(.retentionChange, "matter", id, detail: detail, in: log)
            }
            Console.progress(
                "fineprint: matter \(id) keeps documents for \(value.map { "\($0) days" } ?? "the server's default")\n"
            )
        }
    }

    /// Opens the store as one with matters and an audit log.
    static func withMatters<T: Sendable>(
        _ storage: StorageOptions,
        _ body: (any MatterStore, any AuditLog) async throws -> T
    ) async throws -> T {
        try await storage.withStore { store in
            guard let matters = store as? any MatterStore else {
                throw CLIError("this store keeps no matters", exitCode: 2)
            }
            return try await body(matters, store.auditLog())
        }
    }

    static func existing(_ id: String, _ store: any MatterStore) async throws {
        guard PublicID.isWellFormed(id), try await store.matter(id: id) != nil else {
            throw CLIError("there is no matter \(id.prefix(40)) (see `fineprint matters list`)", exitCode: 2)
        }
    }

    /// A refused name or period is a usage error with the reason.
    static func checked<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as MatterError { throw CLIError(error.description, exitCode: 2) }
    }
}
