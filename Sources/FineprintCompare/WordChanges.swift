/// The word diff of two free texts, for callers outside the version diff (the negotiation pack
/// marks the supplier's clause against our wording with it).
public enum WordChanges {
    /// Word-level changes turning `old` into `new`: equal, delete (old words) and insert (new words)
    /// runs, deletions before insertions within a changed run. Offsets are Unicode scalars.
    public static func between(_ old: String, _ new: String) -> [DiffSegment] {
        let a = Array(old.unicodeScalars)
        let b = Array(new.unicodeScalars)
        return WordDiff.diff(a, 0..<a.count, b, 0..<b.count)
    }
}
