import Synchronization

/// Results written from concurrent jobs, one slot each, read once all jobs are done.
public final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    public init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    public func set(_ index: Int, _ value: T) { slots.withLock { $0[index] = value } }

    /// The result of job `index`; the job must have finished.
    public func get(_ index: Int) -> T { slots.withLock { $0[index]! } }
}
