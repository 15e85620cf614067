import Foundation
import Glibc

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
    /// The unfinished message: a completed one is handed out as it is, without a copy.
    private var partial = Data()

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether part of a message has arrived without its NUL.
    var hasPartialMessage: Bool { !partial.isEmpty }

    /// The bytes of the message being received.
    var partialCount: Int { partial.count }

    /// Adds `bytes` and returns the messages they complete, without their NULs.
    ///
    /// Looks for NULs with `memchr` and copies with `memcpy`: a client may send up to `limit` bytes (160 MiB for an
    /// administrator's import), and a byte-by-byte scan of that, in a debug build, held the server's queue for
    /// seconds.
    ///
    /// - Throws: ``Overflow`` when a message would pass `limit` bytes; what came before it is consumed, the rest not.
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(Overflow) -> [Data] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        var messages: [Data] = []
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0, bytes.count - start) {
            let end = UnsafeRawPointer(found) - base
            guard partial.count + (end - start) <= limit else {
                throw Overflow(completed: messages, unread: bytes.count - start)
            }
            partial.append(base.assumingMemoryBound(to: UInt8.self) + start, count: end - start)
            messages.append(partial)
            partial = Data()
            start = end + 1
        }
        guard partial.count + (bytes.count - start) <= limit else {
            throw Overflow(completed: messages, unread: bytes.count - start)
        }
        partial.append(base.assumingMemoryBound(to: UInt8.self) + start, count: bytes.count - start)
        return messages
    }
}
