import Foundation

/// A bounded queue between a thread that may block and a task that must not: the roster
/// processor runs on a thread of its own and reads the request body, and writes the response,
/// through two of these. Each side waits while the queue is full (sender) or empty (receiver),
/// the thread on a condition variable, the task on a continuation, so at most `capacity`
/// items are held whatever the speeds of client and processor. One sender and one receiver.
final class HandOff<Element: Sendable>: @unchecked Sendable {
    // Every stored property below is read and written only with `condition` locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Element] = []
    private var finished = false
    private var closed = false
    private var failureText: String?
    private var waitingSender: CheckedContinuation<Void, Never>?
    private var waitingReceiver: CheckedContinuation<Void, Never>?

    /// Holds at most `capacity` items (at least one).
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Why the sender finished early, once the receiver has seen the end.
    var failure: String? { locked { failureText } }

    /// Whether the receiver has gone (``close()``): nothing more will be taken.
    var isClosed: Bool { locked { closed } }

    /// Queues `item`, waiting (without blocking a thread) while the queue is full; `false` when
    /// the receiver has gone.
    func send(_ item: Element) async -> Bool {
        while true {
            switch enqueue(item) {
            case .some(let sent): return sent
            case .none:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        condition.lock()
                        if closed || items.count < capacity {
                            condition.unlock()
                            continuation.resume()
                        } else {
                            waitingSender = continuation
                            condition.unlock()
                        }
                    }
                } onCancel: {
                    close()
                }
            }
        }
    }

    /// Queues `item`, blocking the calling thread while the queue is full; `false` when the
    /// receiver has gone.
    func sendBlocking(_ item: Element) -> Bool {
        while true {
            if let sent = enqueue(item) { return sent }
            condition.lock()
            while !closed && items.count >= capacity { condition.wait() }
            condition.unlock()
        }
    }

    /// The next item, waiting (without blocking a thread) while the queue is empty; `nil` at
    /// the end or once closed.
    func receive() async -> Element? {
        while true {
            switch dequeue() {
            case .some(let item): return item
            case .none:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        condition.lock()
                        if closed || finished || !items.isEmpty {
                            condition.unlock()
                            continuation.resume()
                        } else {
                            waitingReceiver = continuation
                            condition.unlock()
                        }
                    }
                } onCancel: {
                    close()
                }
            }
        }
    }

    /// The next item, blocking the calling thread while the queue is empty; `nil` at the end or
    /// once closed.
    func receiveBlocking() -> Element? {
        while true {
            if let item = dequeue() { return item }
            condition.lock()
            while !closed && !finished && items.isEmpty { condition.wait() }
            condition.unlock()
        }
    }

    /// The sender is done; `failure` says why when it stopped early. The receiver takes what is
    /// queued, then sees the end.
    func finish(failure: String? = nil) {
        let receiver: CheckedContinuation<Void, Never>? = locked {
            finished = true
            if failureText == nil { failureText = failure }
            defer { waitingReceiver = nil }
            return waitingReceiver
        }
        receiver?.resume()
    }

    /// The receiver is gone: what is queued is dropped and both sides stop waiting.
    func close() {
        let (sender, receiver) = locked {
            closed = true
            items.removeAll()
            defer {
                waitingSender = nil
                waitingReceiver = nil
            }
            return (waitingSender, waitingReceiver)
        }
        sender?.resume()
        receiver?.resume()
    }

    /// Appends when there is room: `true`, `false` when closed, `nil` when full.
    private func enqueue(_ item: Element) -> Bool? {
        let (result, receiver): (Bool?, CheckedContinuation<Void, Never>?) = locked {
            if closed { return (false, nil) }
            guard items.count < capacity else { return (nil, nil) }
            items.append(item)
            defer { waitingReceiver = nil }
            return (true, waitingReceiver)
        }
        receiver?.resume()
        return result
    }

    /// Takes the first item: `.some(item)`, `.some(nil)` at the end or once closed, `nil` when
    /// the queue is empty but more may come.
    private func dequeue() -> Element?? {
        let (result, sender): (Element??, CheckedContinuation<Void, Never>?) = locked {
            if closed { return (.some(nil), nil) }
            guard !items.isEmpty else { return (finished ? .some(nil) : nil, nil) }
            let item = items.removeFirst()
            defer { waitingSender = nil }
            return (.some(item), waitingSender)
        }
        sender?.resume()
        return result
    }

    /// Runs `body` with the lock held, waking every blocked thread after it.
    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return body()
    }
}
