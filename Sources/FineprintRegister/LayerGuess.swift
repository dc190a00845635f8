/// The layer a BOM entry most likely belongs to: a `fineprint:layer` property when there is one
/// (our own exports carry it), else the CycloneDX type refined by words in the name and description.
/// A person can always set `layerOverride`; this only gives a first answer.
enum LayerGuess {
    static func layer(kind: String, name: String, description: String?, properties: Any?) -> Layer {
        if let stated = statedLayer(properties) { return stated }
        let text = (name + " " + (description ?? "")).lowercased()
        switch kind {
        case "machine-learning-model": return .model
        case "data": return .dataset
        case "firmware", "device-driver": return .firmware
        case "device": return matches(text, chipWords) ? .chip : .hardware
        default: break
        }
        for (layer, words) in serviceWords where matches(text, words) { return layer }
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

    private static func matches(_ text: String, _ words: [String]) -> Bool {
        let tokens = Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        return words.contains { word in word.contains(" ") ? text.contains(word) : tokens.contains(word) }
    }

    private static let chipWords = ["gpu", "tpu", "npu", "accelerator", "chip", "chipset", "asic", "fpga", "processor"]

    /// Checked in order: the first layer whose words occur wins.
    private static let serviceWords: [(Layer, [String])] = [
        (.keyManagement, ["kms", "hsm", "key management", "key vault", "keyvault", "secrets manager"]),
        (.identity, ["identity", "iam", "sso", "idp", "oauth", "oidc", "saml", "directory", "keycloak", "okta"]),
        (.auditLogging, ["audit log", "audit logging", "audit trail", "siem", "log archive"]),
        (.monitoring, ["monitoring", "observability", "telemetry", "alerting", "apm"]),
        (.chip, chipWords),
        (.cloud, ["cloud", "iaas", "compute", "hosting", "datacenter", "data centre", "data center", "object storage"]),
        (.model, ["llm", "language model", "inference", "embedding", "embeddings"]),
        (.operations, ["support", "operations", "managed service", "helpdesk"]),
        (.saas, ["saas"]),
    ]
}
