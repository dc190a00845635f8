/// The layer a BOM entry most likely belongs to: a `fineprint:layer` property when there is one
/// (our own exports carry it), else the CycloneDX type refined by words in the name and description.
/// A person can always set `layerOverride`; this only gives a first answer.
enum LayerGuess {
    static func layer(kind: String, name: String, description: String?, properties: Any?) -> Layer {
        if let stated = statedLayer(properties) { return stated }
        switch kind {
        case "machine-learning-model": return .model
        case "data": return .dataset
        case "firmware", "device-driver": return .firmware
        default: break
        }
        let text = Words(name + " " + (description ?? ""))
        if kind == "device" { return text.has(any: chipWords) ? .chip : .hardware }
        for (layer, words) in serviceWords where text.has(any: words) { return layer }
        switch kind {
        case "service": return .api
        case "platform": return .platform
        default: return .software
        }
    }

    private static func statedLayer(_ properties: Any?) -> Layer? {
        guard let list = properties as? [Any] else { return nil }
        for case let property as [String: Any] in list where property["name"] as? String == "fineprint:layer" {
            if let value = property["value"] as? String, let layer = Layer(rawValue: value) { return layer }
        }
        return nil
    }

    /// A name and description, lower-cased, as words in order and as a set.
    private struct Words {
        let sequence: [String]
        let tokens: Set<String>

        init(_ raw: String) {
            sequence = raw.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            tokens = Set(sequence)
        }

        func has(any words: Vocabulary) -> Bool {
            guard tokens.isDisjoint(with: words.single) else { return true }
            return words.phrases.contains { phrase in
                guard tokens.contains(phrase[0]), sequence.count >= phrase.count else { return false }
                return (0...(sequence.count - phrase.count)).contains { start in
                    sequence[start..<(start + phrase.count)].elementsEqual(phrase)
                }
            }
        }
    }

    /// Words and phrases, split once.
    private struct Vocabulary {
        let single: Set<String>
        let phrases: [[String]]

        init(_ entries: [String]) {
            let split = entries.map { $0.split(separator: " ").map(String.init) }
            single = Set(split.filter { $0.count == 1 }.map { $0[0] })
            phrases = split.filter { $0.count > 1 }
        }
    }

    private static let chipWords = Vocabulary([
        "gpu", "tpu", "npu", "accelerator", "chip", "chipset", "asic", "fpga", "processor",
    ])

    /// Checked in order: the first layer whose words occur wins.
    private static let serviceWords: [(Layer, Vocabulary)] = [
        (.keyManagement, Vocabulary(["kms", "hsm", "key management", "key vault", "keyvault", "secrets manager"])),
        (
            .identity,
            Vocabulary(["identity", "iam", "sso", "idp", "oauth", "oidc", "saml", "directory", "keycloak", "okta"])
        ),
        (.auditLogging, Vocabulary(["audit log", "audit logging", "audit trail", "siem", "log archive"])),
        (.monitoring, Vocabulary(["monitoring", "observability", "telemetry", "alerting", "apm"])),
        (.chip, chipWords),
        (
            .cloud,
            Vocabulary([
                "cloud", "iaas", "compute", "hosting", "datacenter", "data centre", "data center", "object storage",
            ])
        ),
        (.model, Vocabulary(["llm", "language model", "inference", "embedding", "embeddings"])),
        (.operations, Vocabulary(["support", "operations", "managed service", "helpdesk"])),
        (.saas, Vocabulary(["saas"])),
    ]
}
