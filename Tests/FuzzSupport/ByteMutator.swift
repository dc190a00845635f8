import Foundation
import PropertyBased

/// Fuzz inputs for the parsers: arbitrary bytes, and seed files mutated the way coverage fuzzers
/// mutate them (bit flips, inserted and deleted runs, truncation, splicing two seeds).
public enum FuzzInput {
    /// How many inputs each fuzz test tries: a few seconds in the normal run, more with
    /// `FINEPRINT_FUZZ_ITERATIONS` (scripts/fuzz.sh sets it).
    public static var iterations: Int {
        let raw = ProcessInfo.processInfo.environment["FINEPRINT_FUZZ_ITERATIONS"]
        return raw.flatMap(Int.init).map { max($0, 1) } ?? 300
    }

    /// The seed files in `Tests/Fixtures/fuzz/<parser>/`.
    public static func seeds(_ parser: String) -> [Data] {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/\(parser)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    /// Mutated seeds (three in four) or random bytes, at most `maxBytes` long.
    public static func generator(seeds: [Data], maxBytes: Int = 64 * 1024) -> Generator<Data, Shrink.None<Data>> {
        let seedBytes = seeds.map { [UInt8]($0) }
        return Generator(run: { rng in
            if seedBytes.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 {
                return Data(randomBytes(count: Int.random(in: 0...512, using: &rng), using: &rng))
            }
            var bytes = seedBytes[Int.random(in: 0..<seedBytes.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes = mutate(bytes, seeds: seedBytes, using: &rng)
            }
            return Data(bytes.prefix(maxBytes))
        })
    }

    /// One mutation of `bytes`.
    public static func mutate<R: RandomNumberGenerator>(
        _ bytes: [UInt8],
        seeds: [[UInt8]],
        using rng: inout R
    )
        -> [UInt8]
    {
        var bytes = bytes
        let at = Int.random(in: 0...bytes.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where !bytes.isEmpty:
            let index = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
        case 1:
            bytes.insert(contentsOf: randomBytes(count: Int.random(in: 1...16, using: &rng), using: &rng), at: at)
        case 2:
            bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &rng)))
        case 3:
            bytes = Array(bytes.prefix(at))
        case 4 where !seeds.isEmpty:
            let other = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            let cut = Int.random(in: 0...other.count, using: &rng)
            bytes = Array(bytes.prefix(at)) + other[cut...]
        default:
            // Bytes parsers treat specially: high bytes, NUL, CR, LF, quotes, angle brackets.
            let special: [UInt8] = [0x00, 0x0D, 0x0A, 0x22, 0x3C, 0x3E, 0x26, 0x25, 0x80, 0xC3, 0xFF, 0xFE, 0xEF]
            bytes.insert(special[Int.random(in: 0..<special.count, using: &rng)], at: at)
        }
        return bytes
    }

    public static func randomBytes<R: RandomNumberGenerator>(count: Int, using rng: inout R) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }
}
