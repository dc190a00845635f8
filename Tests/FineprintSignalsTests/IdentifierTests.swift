import FineprintSignals
import Foundation
import Testing

@Suite("Identifiers, canonical addresses and clusters")
struct IdentifierTests {
    @Test func oneEUActHasOneKeyHoweverItIsWritten() {
        let forms = [
            "CELEX:32024R1689", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
            "Regulation (EU) 2024/1689 of the European Parliament",
        ]
        for form in forms { #expect(SignalIdentifiers.find(in: [form]).contains("eu:reg/2024/1689"), "\(form)") }
        #expect(SignalIdentifiers.find(in: ["Directive (EU) 2022/2555"]) == ["eu:dir/2022/2555"])
        #expect(
            SignalIdentifiers.find(in: ["FR Doc. 2026-21877 Filed", "RIN 3090-AK93"]) == [
                "fr:2026-21877", "rin:3090-ak93",
            ]
        )
    }

    @Test func canonicalAddressesDropFragmentsTrackingAndTrailingSlashes() {
        #expect(
            CanonicalURL.canonical("HTTP://Example.GOV:80/a/b/?utm_source=x&id=3#top")
                == "https://example.gov/a/b?id=3"
        )
        #expect(
            CanonicalURL.canonical("../c", base: URL(string: "https://example.gov/a/b/")) == "https://example.gov/a/c"
        )
        #expect(CanonicalURL.canonical("javascript:alert(1)") == nil)
        #expect(CanonicalURL.canonical("mailto:x@example.gov") == nil)
    }
}
