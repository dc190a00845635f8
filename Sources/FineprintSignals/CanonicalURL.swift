import Foundation

/// One address for one document, so that the same item reached by different links clusters: https, lowercase
/// host, no fragment, no tracking parameters, no trailing slash, relative links resolved against the feed.
public enum CanonicalURL {
    public static func canonical(_ link: String, base: URL? = nil) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let resolved = URL(string: trimmed, relativeTo: base)?.absoluteURL,
            var c = URLComponents(url: resolved, resolvingAgainstBaseURL: true),
            let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = c.host, !host.isEmpty
        else { return nil }
        c.scheme = "https"
        c.host = host.lowercased()
        if c.port == 80 || c.port == 443 { c.port = nil }
        c.fragment = nil
        let kept = (c.queryItems ?? []).filter { item in
            let n = item.name.lowercased()
            return !n.hasPrefix("utm_") && !["fbclid", "gclid", "mc_cid", "mc_eid"].contains(n)
        }
        c.queryItems = kept.isEmpty ? nil : kept
        while c.path.count > 1, c.path.hasSuffix("/") { c.path.removeLast() }
        return c.string
    }
}
