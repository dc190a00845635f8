extension KeyedDecodingContainer {
    /// A lexicon's list of words as a set; an absent key is no words.
    func wordSet(_ key: Key) throws -> Set<String> {
        Set(try decodeIfPresent([String].self, forKey: key) ?? [])
    }
}
