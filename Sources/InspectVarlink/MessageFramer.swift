import Foundation

/// Cuts a byte stream into NUL-terminated Varlink messages.
///
/// Bytes arrive in arbitrary pieces: one read may hold several messages, part of one, or both. The framer keeps the
/// unfinished tail, and refuses to let any one message grow past `limit`, so a peer that never sends a NUL cannot
/// make us buffer without bound.
struct MessageFramer {
    /// The message being received would grow past the limit. The messages completed before it are handed back, and
    /// the last `unread` bytes were not taken: after raising the limit, they may be appended again.
    struct Overflow: Error, Equatable {
        var completed: [Data] = []
        var unread: Int = 0
    }

    var limit: Int
    private var partial: [UInt8] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether part of a message has arrived without its NUL.
    var hasPartialMessage: Bool { !partial.isEmpty }

    /// The bytes of the message being received.
    var partialCount: Int { partial.count }

    /// Adds `bytes` and returns the messages they complete, without their NULs.
    ///
    /// - Throws: ``Overflow`` when a message would pass `limit` bytes; what came before it is consumed, the rest not.
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(Overflow) -> [Data] {
        var messages: [Data] = []
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(of: 0) {
            guard partial.count + (end - start) <= limit else {
                throw Overflow(completed: messages, unread: bytes.endIndex - start)
            }
            if partial.isEmpty {
                messages.append(Data(bytes[start..<end]))
            } else {
                partial.append(contentsOf: bytes[start..<end])
                messages.append(Data(partial))
                partial.removeAll(keepingCapacity: false)
            }
            start = end + 1
        }
        guard partial.count + (bytes.endIndex - start) <= limit else {
            throw Overflow(completed: messages, unread: bytes.endIndex - start)
        }
        partial.append(contentsOf: bytes[start...])
        return messages
    }
}
