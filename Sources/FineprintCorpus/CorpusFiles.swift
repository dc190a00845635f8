import FineprintCore

// The shapes of the YAML files in corpus/ (docs/corpus-format.md).

struct SchemaHeader: Decodable {
    var schema: String?
}

struct TaxonomyFile: Decodable {
    var dimensions: [Dimension]
    var provisions: [Provision]
}

struct RulesFile: Decodable {
    var rules: [DetectionRule]
}

struct KillListFile: Decodable {
    var moves: [KillListMove]
}

struct ClausesFile: Decodable {
    var clauses: [ModelClause]
}

struct JurisdictionsFile: Decodable {
    var jurisdictions: [Jurisdiction]
}

/// The schema id each kind of corpus file must declare.
enum CorpusSchema {
    static let taxonomy = "fineprint.taxonomy/1"
    static let rules = "fineprint.rules/1"
    static let killList = "fineprint.kill-list/1"
    static let clauses = "fineprint.clauses/1"
    static let playbook = "fineprint.playbook/1"
    static let parties = "fineprint.parties/1"
    static let jurisdictions = "fineprint.jurisdictions/1"
    static let forums = "fineprint.forums/1"
    static let reading = "fineprint.reading/1"
    static let positions = "fineprint.positions/1"
}
