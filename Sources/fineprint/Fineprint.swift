import ArgumentParser

@main
struct Fineprint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fineprint",
        abstract: "Read AI contracts for the sovereignty provisions in their fine print — offline.",
        subcommands: [
            Analyze.self, Extract.self, CorpusCommand.self, KnowledgeCommand.self, Eval.self, Train.self, Compare.self,
            Diff.self, Watch.self, Serve.self, WorkerCommand.self, Bench.self,
        ]
    )
}
