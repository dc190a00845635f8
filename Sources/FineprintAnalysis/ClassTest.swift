/// An array copied into memory this object owns, read through a pointer: a pointer is copied without a retain.
final class PinnedArray<Element> {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ array: [Element]) {
        buffer = .allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// The compiled rules' step table, pinned once for every document the rules read. Never written after `init`,
/// so it may be shared across threads.
final class PinnedSteps: @unchecked Sendable {
    let idStart: PinnedArray<Int>
    let ids: PinnedArray<Int>
    let classMasks: PinnedArray<UInt64>

    init(_ table: StepTable) {
        idStart = PinnedArray(table.idStart)
        ids = PinnedArray(table.ids)
        classMasks = PinnedArray(table.classMasks)
    }
}

/// What the engine's step test reads for one document: the rules' pinned steps, and the tokens' word bits and
/// class bits, pinned so that the tests made from it read them without retaining anything.
final class DocumentStepData {
    let steps: PinnedSteps
    let classOf: PinnedArray<Int32>
    let wordBits: PinnedArray<UInt64>
    let termBits: PinnedArray<UInt64>
    let wordsPerClass: Int
    let terms: DocumentTerms

    init(steps: PinnedSteps, classes: TokenClasses, terms: DocumentTerms) {
        self.steps = steps
        classOf = PinnedArray(classes.classOf)
        wordBits = PinnedArray(classes.bits)
        termBits = PinnedArray(terms.bits)
        wordsPerClass = classes.wordsPerClass
        self.terms = terms
    }

    /// The test for the pattern whose steps start at `firstStep`. The caller keeps this object alive while the
    /// test is used (`withExtendedLifetime`).
    func test(firstStep: Int) -> ClassTest {
        ClassTest(
            data: self,
            idStart: UnsafeBufferPointer(steps.idStart.buffer),
            ids: UnsafeBufferPointer(steps.ids.buffer),
            classMasks: UnsafeBufferPointer(steps.classMasks.buffer),
            classOf: UnsafeBufferPointer(classOf.buffer),
            wordBits: UnsafeBufferPointer(wordBits.buffer),
            termBits: UnsafeBufferPointer(termBits.buffer),
            wordsPerClass: wordsPerClass,
            firstStep: firstStep
        )
    }
}

/// The engine's step test for one pattern: bit lookups on classified tokens, and the document's class bits for
/// `{class}` steps. Step `g` of the flat step table accepts the alternatives `ids[idStart[g]..<idStart[g + 1]]`
/// and the classes of `classMasks[g]`. Made for every pattern tried on every sentence, so it holds pointers into
/// its document's data, which cost no retain.
struct ClassTest: Pattern.StepTest {
    unowned(unsafe) let data: DocumentStepData
    let idStart: UnsafeBufferPointer<Int>
    let ids: UnsafeBufferPointer<Int>
    let classMasks: UnsafeBufferPointer<UInt64>
    let classOf: UnsafeBufferPointer<Int32>
    let wordBits: UnsafeBufferPointer<UInt64>
    let termBits: UnsafeBufferPointer<UInt64>
    let wordsPerClass: Int
    let firstStep: Int

    @inline(__always) func step(_ s: Int, accepts t: Int) -> Bool {
        let g = firstStep + s
        let row = Int(classOf[t]) * wordsPerClass
        var k = idStart[g]
        let end = idStart[g + 1]
        while k < end {
            let id = ids[k]
            if wordBits[row + id >> 6] & (1 << UInt64(id & 63)) != 0 { return true }
            k += 1
        }
        return termBits[t] & classMasks[g] != 0
    }

    @inline(__always) func next(step s: Int, at t: Int) -> Int {
        let mask = classMasks[firstStep + s]
        return mask == 0 ? t + 1 : data.terms.next(mask, at: t)
    }
}
