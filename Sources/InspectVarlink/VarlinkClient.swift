import Foundation
import Glibc

/// A blocking Varlink client on one connection, for command-line tools.
///
/// ```swift
/// let client = try VarlinkClient(path: "/run/inspectd/io.inspectd")
/// let reply: PingReply = try client.call("org.example.ping.Ping", parameters: PingRequest(ping: "hi"))
/// ```
///
/// Each call waits at most `timeout` for its replies. A service error is thrown as ``VarlinkError``; a failure of
/// the connection itself as ``VarlinkClientError``.
///
/// - Important: One connection, one call at a time: use it from one thread, or one client per thread.
public final class VarlinkClient {
    public let path: String
    public let timeout: Duration
    private let descriptor: Int32
    private var framer: MessageFramer
    /// Messages received but not yet returned (the rest of a read that held several).
    private var received: [Data] = []
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Connects to the service at `path`.
    ///
    /// - Parameter maxReplySize: The longest reply accepted, in bytes; a longer one fails the call.
    /// - Throws: ``VarlinkClientError`` when the service cannot be reached.
    public init(
        path: String, timeout: Duration = .seconds(30), maxReplySize: Int = 64 << 20
    ) throws(VarlinkClientError) {
        self.path = path
        self.timeout = timeout
        framer = MessageFramer(limit: maxReplySize)
        descriptor = try Self.connect(to: path, timeout: timeout)
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// A connected, non-blocking socket; nothing is left open when this throws.
    private static func connect(to path: String, timeout: Duration) throws(VarlinkClientError) -> Int32 {
        let descriptor = UnixSocket.makeStream(nonBlocking: false)
        guard descriptor >= 0 else { throw .system(operation: "create a socket", errno: errno) }
        // A connect to a Unix socket waits only while the server's backlog is full; SO_SNDTIMEO bounds that wait.
        let (seconds, attoseconds) = timeout.components
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        let connected = UnixSocket.withAddress(path) { address, length in
            guard setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size)) == 0
            else { return errno }
            return Glibc.connect(descriptor, address, length) == 0 ? 0 : errno
        }
        guard let connected else {
            Glibc.close(descriptor)
            throw .pathTooLong(path: path)
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw connected == EAGAIN || connected == EINPROGRESS
                ? .timedOut : .cannotConnect(path: path, errno: connected)
        }
        guard UnixSocket.setNonBlocking(descriptor) else {
            let code = errno
            Glibc.close(descriptor)
            throw .system(operation: "configure the socket", errno: code)
        }
        return descriptor
    }

    // MARK: - Calls

    /// Calls `method` and returns its reply's parameters.
    ///
    /// - Throws: ``VarlinkError`` when the service answers with an error, ``VarlinkClientError`` otherwise.
    public func call(_ method: String, parameters: [String: VarlinkValue] = [:]) throws -> [String: VarlinkValue] {
        let deadline = ContinuousClock.now + timeout
        try send(method: method, parameters: parameters, oneway: false, more: false)
        let reply = try nextReply(before: deadline)
        guard !reply.continues else { throw VarlinkClientError.invalidReply("'continues' on a call without 'more'") }
        return reply.parameters
    }

    /// Calls `method` with `parameters` encoded from a value, and decodes the reply as `R`.
    ///
    /// - Throws: ``VarlinkError``, ``VarlinkClientError``, or `DecodingError` when the reply does not decode.
    public func call<P: Encodable, R: Decodable>(
        _ method: String, parameters: P, returning type: R.Type = R.self
    ) throws -> R {
        guard let members = try VarlinkValue(encoding: parameters).objectValue else {
            throw VarlinkClientError.invalidParameters
        }
        return try VarlinkValue.object(try call(method, parameters: members)).decode(as: type)
    }

    /// Calls `method` with `more` and returns every reply, up to the one without `continues`.
    ///
    /// - Throws: ``VarlinkError`` when the service answers with an error (even after some replies).
    public func callCollectingReplies(
        _ method: String, parameters: [String: VarlinkValue] = [:]
    ) throws -> [[String: VarlinkValue]] {
        let deadline = ContinuousClock.now + timeout
        try send(method: method, parameters: parameters, oneway: false, more: true)
        var replies: [[String: VarlinkValue]] = []
        while true {
            let reply = try nextReply(before: deadline)
            replies.append(reply.parameters)
            if !reply.continues { return replies }
        }
    }

    /// Calls `method` with `oneway`: the service answers nothing, so this returns once the call is sent.
    public func sendOneway(_ method: String, parameters: [String: VarlinkValue] = [:]) throws {
        try send(method: method, parameters: parameters, oneway: true, more: false)
    }

    // MARK: - Wire

    private func send(method: String, parameters: [String: VarlinkValue], oneway: Bool, more: Bool) throws {
        var message: [UInt8]
        do {
            message = try VarlinkWire.encodeCall(method: method, parameters: parameters, oneway: oneway, more: more)
        } catch {
            throw VarlinkClientError.invalidParameters
        }
        message.append(0)
        let deadline = ContinuousClock.now + timeout
        var offset = 0
        while offset < message.count {
            let sent = message.withUnsafeBytes { bytes in
                Glibc.send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                offset += sent
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: Int16(POLLOUT), before: deadline)
            } else if errno != EINTR {
                throw errno == EPIPE || errno == ECONNRESET
                    ? VarlinkClientError.connectionClosed : VarlinkClientError.system(operation: "send", errno: errno)
            }
        }
    }

    private func nextReply(before deadline: ContinuousClock.Instant) throws -> VarlinkReplyMessage {
        while received.isEmpty {
            let count = readBuffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                do {
                    received = try readBuffer[0..<count].withUnsafeBytes { try framer.append($0) }
                } catch {
                    throw VarlinkClientError.replyTooLarge(limit: framer.limit)
                }
            } else if count == 0 {
                throw VarlinkClientError.connectionClosed
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: Int16(POLLIN), before: deadline)
            } else if errno == ECONNRESET {
                throw VarlinkClientError.connectionClosed
            } else if errno != EINTR {
                throw VarlinkClientError.system(operation: "receive", errno: errno)
            }
        }
        let reply: VarlinkReplyMessage
        do {
            reply = try VarlinkWire.decodeReply(received.removeFirst())
        } catch {
            throw VarlinkClientError.invalidReply(error.reason)
        }
        if let name = reply.error { throw VarlinkError(name, parameters: reply.parameters) }
        return reply
    }

    private func wait(for events: Int16, before deadline: ContinuousClock.Instant) throws(VarlinkClientError) {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw .timedOut }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var poll = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = Glibc.poll(&poll, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .system(operation: "wait", errno: errno) }
        }
    }
}

/// Why a call could not be made or its reply not read. Errors the service answers with are ``VarlinkError``s.
public enum VarlinkClientError: Error, Equatable, CustomStringConvertible {
    case pathTooLong(path: String)
    case cannotConnect(path: String, errno: Int32)
    case timedOut
    /// The service closed the connection before replying.
    case connectionClosed
    case replyTooLarge(limit: Int)
    case invalidReply(String)
    /// The parameters did not encode as a JSON object, or held a number JSON cannot carry.
    case invalidParameters
    case system(operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .pathTooLong(let path): "Failed to connect to \(path): the path is too long for a Unix socket"
        case .cannotConnect(let path, let code): "Failed to connect to \(path): \(UnixSocket.describe(code))"
        case .timedOut: "Failed to get a reply: timed out"
        case .connectionClosed: "Failed to get a reply: the service closed the connection"
        case .replyTooLarge(let limit): "Failed to get a reply: it is longer than \(limit) bytes"
        case .invalidReply(let reason): "Failed to read the reply: \(reason)"
        case .invalidParameters: "Failed to send the call: parameters must encode as a JSON object"
        case .system(let operation, let code): "Failed to \(operation): \(UnixSocket.describe(code))"
        }
    }
}
