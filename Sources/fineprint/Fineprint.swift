import ArgumentParser

@main
struct Fineprint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fineprint",
        abstract: "Read AI contracts for the sovereignty provisions in their fine print — offline.",
        subcommands: [
            Analyze.self, Extract.self, CorpusCommand.self, KnowledgeCommand.self, Eval.self, Train.self, Compare.self,
            Diff.self, Watch.self, Serve.self, WorkerCommand.self, Bench.self, Check.self, Negotiate.self,
            UsersCommand.self, TokensCommand.self, MattersCommand.self, AuditCommand.self, DocumentsCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            RegisterCommand.self, ShareCommand.self, SignalsCommand.self, ReviewCommand.self,
        ]
    )

    /// Parsing and usage errors are argument-parser's (usage text, exit status 64); every error a command's
    /// `run()` throws goes through `CLIError.exitCode(reporting:)`.
    static func main() async {
        let command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            exit(withError: CLIError.exitCode(reporting: error))
        }
    }
}
