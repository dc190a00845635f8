import FineprintCore
import FineprintText

/// Builds extracted text block by block, keeping Unicode-scalar offsets of each block.
struct TextBuilder {
    private(set) var view = String.UnicodeScalarView()
    private(set) var count = 0
    private(set) var blocks: [TextBlock] = []
    private var lastKind: BlockKind?

    /// Adds one block of already-cleaned text (surrounding whitespace is trimmed). A paragraph that
    /// begins with a clause number becomes a clause; one that begins with a bullet, a list item. `titleLength`:
    /// the scalars of a title run into the text's start (`TextBlock.title`), kept when text follows it and the
    /// block is no heading itself.
    mutating func addBlock(
        _ text: String,
        kind: BlockKind,
        level: Int? = nil,
        number: String? = nil,
        titleLength: Int? = nil
    ) {
        var scalars = Array(text.unicodeScalars.lazy.filter { !InvisibleCharacters.contains($0) })
        var a = 0
        var b = scalars.count
        while a < b && SentenceSegmenter.isWhitespace(scalars[a]) { a += 1 }
        while b > a && SentenceSegmenter.isWhitespace(scalars[b - 1]) { b -= 1 }
        guard b > a else { return }
        if a > 0 || b < scalars.count { scalars = Array(scalars[a..<b]) }
        var kind = kind
        var number = number
        if kind == .paragraph, let marker = LineShape.marker(in: scalars, at: 0, limit: scalars.count) {
            switch marker.kind {
            case .clause:
                kind = .clause
                number = marker.number
            case .bullet: kind = .listItem
            case .heading:
                if LineShape.isHeadingLike(scalars, from: 0, to: scalars.count) {
                    kind = .heading
                } else {
                    kind = .clause
                }
                number = marker.number
            }
        }
        if count > 0 {
            let tight = kind == .listItem && lastKind == .listItem
            let separator = tight ? "\n" : "\n\n"
            view.append(contentsOf: separator.unicodeScalars)
            count += separator.unicodeScalars.count
        }
        let start = count
        view.append(contentsOf: scalars)
        count += scalars.count
        var title: TextSpan?
        if let length = titleLength, a == 0, kind != .heading, length > 0, length < scalars.count,
            scalars[length...].contains(where: { !SentenceSegmenter.isWhitespace($0) })
        {
            title = TextSpan(start: start, end: start + length)
        }
        blocks.append(
            TextBlock(kind: kind, span: TextSpan(start: start, end: count), level: level, number: number, title: title)
        )
        lastKind = kind
    }

    var text: String { String(view) }
}
