import ArgumentParser
import FineprintServer
import Foundation

/// `serve`'s scheduled signals harvest: off unless --signals-interval is given, and then only with
/// --allow-network, as `signals run` requires.
struct ServeSignalsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Harvest the enabled signal sources this often inside the server (30m, 6h, 1d; each source still waits its own minimum interval). Off by default; needs --allow-network.",
            valueName: "interval"
        )
    )
    var signalsInterval: String?

    @Flag(help: "Allow the scheduled signals harvest to go online (only enabled sources are fetched).")
    var allowNetwork = false

    @Option(help: "How the operator can be reached, sent in the harvest's User-Agent (an address or URL).")
    var signalsContact: String = ProcessInfo.processInfo.environment["FINEPRINT_SIGNALS_CONTACT"] ?? "operator unknown"

    func validate() throws {
        guard let text = signalsInterval else { return }
        guard let seconds = Self.seconds(text) else {
            throw ValidationError("--signals-interval: '\(text.prefix(20))' is not an interval such as 30m, 6h or 1d")
        }
        guard seconds >= 60, seconds <= 30 * 86_400 else {
            throw ValidationError("--signals-interval must be from 1m to 30d")
        }
        guard allowNetwork else {
            throw ValidationError(
                "--signals-interval fetches over the network; give --allow-network (Fineprint stays offline otherwise)"
            )
        }
    }

    var settings: SignalHarvestSettings? {
        guard let text = signalsInterval, let seconds = Self.seconds(text) else { return nil }
        return SignalHarvestSettings(interval: .seconds(seconds), contact: signalsContact)
    }

    /// "90s", "30m", "6h", "1d" (a bare number is seconds); nil when it is none of these.
    static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var unit = 1
        if let last = digits.last, let u = units[last] {
            unit = u
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 6, let n = Int(digits), n > 0 else { return nil }
        return n * unit
    }
}
