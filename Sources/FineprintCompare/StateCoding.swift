import FineprintCore

/// Coding keys of a type that writes a finding's state (a matrix cell, a diff's before and after).
protocol StateCodingKeys: CodingKey {
    static var status: Self { get }
    static var strength: Self { get }
    static var value: Self { get }
    static var confidence: Self { get }
}

extension KeyedEncodingContainer where K: StateCodingKeys {
    /// Writes the four fields of a state, `null` included, so readers see one shape for every state.
    mutating func encodeState(
        status: ProvisionStatus,
        strength: Strength?,
        value: String?,
        confidence: Double
    ) throws {
        try encode(status, forKey: .status)
        try encode(strength, forKey: .strength)
        try encode(value, forKey: .value)
        try encode(confidence, forKey: .confidence)
    }
}
