import Dispatch
import Foundation
import Glibc

/// One client connection: reads calls, hands them to the server, and writes the replies back in order.
///
/// Reads and writes are non-blocking, driven by a read source and, only while replies wait for the socket, a write
/// source. While replies wait, or while a call is being answered elsewhere (a handler that answers later), no further
/// calls are read: a client cannot make the server buffer without bound, and one whose backlog still passes
/// `maxBufferedOutput`, or grows the backlogs of all clients together past `maxTotalBufferedOutput`, is
/// disconnected. A message may grow to the server's `maxMessageSize`, or its `privilegedMaxMessageSize` for a
/// privileged caller; past that the client is told so and disconnected.
///
/// - Important: Used on the server's queue only. The sources' handlers keep the connection alive until both are
///   cancelled; the descriptor is closed after that, never while a source still watches it.
final class VarlinkConnection {
    private enum ReadState {
        case active
        case suspended
        /// The peer closed its side, or the connection closed: no source reads any more.
        case stopped
    }

    let id: Int
    let credentials: PeerCredentials
    private let descriptor: Int32
    private let queue: DispatchQueue
    private let maxBufferedOutput: Int
    /// The server, until the connection is closed; the reference cycle ends there.
    private var server: VarlinkServer?
    private var framer: MessageFramer
    /// Whether the caller was asked about large messages (once, when a message first passes the ordinary limit).
    private var privilegeChecked = false
    private var readSource: DispatchSourceRead?
    private var readState = ReadState.active
    private var writeSource: DispatchSourceWrite?
    private var writeSuspended = true
    private var output: [UInt8] = []
    /// How much of `output` has been sent.
    private var outputSent = 0
    /// The unsent bytes of `output` the server counts against its total, as of the last ``flush()``.
    private(set) var accountedOutput = 0
    /// Messages read but not yet handled, because a call before them is being answered.
    private var waiting: [Data] = []
    /// Whether a call is being answered elsewhere; its replies come through ``complete(_:)``.
    private(set) var answering = false
    /// When the client last sent or was sent something, or a call ended (monotonic).
    private(set) var lastActivity = DispatchTime.now()
    /// When the message now being received began, if one is.
    private(set) var messageStarted: DispatchTime?
    private(set) var isClosed = false
    private var descriptorClosed = false

    /// Resolved from the user database once, on the first call, so idle connections cost no lookups.
    private(set) lazy var caller: VarlinkCaller = credentials.caller

    init(id: Int, descriptor: Int32, credentials: PeerCredentials, server: VarlinkServer) {
        self.id = id
        self.descriptor = descriptor
        self.credentials = credentials
        self.server = server
        queue = server.queue
        maxBufferedOutput = server.configuration.maxBufferedOutput
        framer = MessageFramer(limit: server.configuration.maxMessageSize)
    }

    func start() {
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [self] in readAvailable() }
        source.setCancelHandler { [self] in
            readSource = nil
            closeDescriptorWhenDone()
        }
        readSource = source
        source.resume()
    }

    /// Bytes of the unfinished message held for this connection.
    var pendingInput: Int { framer.partialCount }

    /// Whether nothing is going on: no call being answered, no reply waiting, no message half received.
    var isIdle: Bool { !answering && waiting.isEmpty && outputSent == output.count && messageStarted == nil }

    /// Queues `messages` (each a JSON object) with their NULs and sends what the socket takes now.
    func enqueue(_ messages: [Data]) {
        guard !isClosed else { return }
        for message in messages {
            output.append(contentsOf: message)
            output.append(0)
        }
        lastActivity = .now()
        flush()
    }

    /// The server started answering a call elsewhere: read nothing more until ``complete(_:)``.
    func beginAnswering() {
        answering = true
    }

    /// The call being answered elsewhere is done: send its replies, then go on with the calls that waited.
    func complete(_ replies: [Data]) {
        guard !isClosed else { return }
        answering = false
        enqueue(replies)
        handleWaiting()
    }

    /// Stops reading and writing; pending replies are dropped.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        stopReading()
        if let writeSource {
            if writeSuspended { writeSource.resume() }
            writeSource.cancel()
        }
        output = []
        waiting = []
        server?.connectionClosed(self)
        framer = MessageFramer(limit: 0)
        server = nil
        closeDescriptorWhenDone()
    }

    /// Tells the client its message is too long, then closes once that is sent.
    private func refuseOversize(limit: Int) {
        guard let server else { return }
        waiting = []
        stopReading()
        enqueue([VarlinkWire.encodeError(server.configuration.oversizeError(limit))])
        if outputSent == output.count { close() }
    }

    // MARK: - Reading

    private func readAvailable() {
        guard let server, !isClosed else { return }
        let buffer = server.readBuffer
        // Read until the socket is empty, so an end-of-file that came right behind the last bytes is seen now:
        // Dispatch on Linux does not always report it again (measured: a client that wrote part of a message and
        // closed at once was sometimes never noticed). A read budget still hands the queue to other connections
        // when a client keeps the socket full; it stays readable, so its source fires again.
        for _ in 0..<16 {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count == 0 {
                peerFinishedSending()
                return
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { break }
                close()
                return
            }
            lastActivity = .now()
            guard take(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { return }
            handleWaiting()
            if isClosed { return }
            // The client is not taking its replies, or a call is being answered: read no further calls until then.
            if outputSent < output.count || answering {
                suspendReading()
                return
            }
        }
    }

    /// Frames `bytes` into `waiting`; false when the connection was refused for an oversize message or the server's
    /// total of unfinished input.
    private func take(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let server else { return false }
        let before = framer.partialCount
        do {
            waiting += try framer.append(bytes)
        } catch let overflow {
            waiting += overflow.completed
            let configuration = server.configuration
            // Past the ordinary limit: only a privileged caller (an administrator's import) may go on.
            if !privilegeChecked, configuration.privilegedMaxMessageSize > framer.limit {
                privilegeChecked = true
                if configuration.isPrivileged(caller) {
                    framer.limit = configuration.privilegedMaxMessageSize
                    return take(UnsafeRawBufferPointer(rebasing: bytes.suffix(overflow.unread)))
                }
            }
            refuseOversize(limit: framer.limit)
            return false
        }
        messageStarted = framer.hasPartialMessage ? (before > 0 ? messageStarted : .now()) : nil
        guard server.accountInput(framer.partialCount - before) else {
            close()
            return false
        }
        return true
    }

    /// Hands the waiting calls to the server, in order, until one is answered elsewhere.
    private func handleWaiting() {
        while !answering, !isClosed, !waiting.isEmpty, let server {
            let message = waiting.removeFirst()
            server.handle(message, from: self)
        }
        if !answering && readState == .suspended && outputSent == output.count {
            resumeReading()
            readAvailable()
        }
    }

    /// The client sent all it will send (it may still read): answer what arrived, then close.
    private func peerFinishedSending() {
        stopReading()
        handleWaiting()
        if outputSent == output.count && !answering && waiting.isEmpty { close() }
    }

    private func suspendReading() {
        guard readState == .active, let readSource else { return }
        readSource.suspend()
        readState = .suspended
    }

    private func resumeReading() {
        guard readState == .suspended, let readSource else { return }
        readSource.resume()
        readState = .active
    }

    private func stopReading() {
        guard readState != .stopped else { return }
        if readState == .suspended { readSource?.resume() }
        readSource?.cancel()
        readState = .stopped
    }

    // MARK: - Writing

    private func flush() {
        while outputSent < output.count {
            let sent = output.withUnsafeBytes { bytes in
                Glibc.send(descriptor, bytes.baseAddress! + outputSent, bytes.count - outputSent, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outputSent += sent
                lastActivity = .now()
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                break
            } else {
                close()
                return
            }
        }
        if outputSent == output.count {
            _ = server?.accountOutput(-accountedOutput)
            accountedOutput = 0
            // Keep a small buffer for the next reply; give a large one back.
            if output.capacity > 1 << 20 { output = [] } else { output.removeAll(keepingCapacity: true) }
            outputSent = 0
            suspendWriting()
            switch readState {
            case .stopped:
                if !answering && waiting.isEmpty { close() }
            case .suspended:
                // Calls that arrived while reading was paused are read now, not left to a later event.
                if !answering {
                    resumeReading()
                    readAvailable()
                }
            case .active:
                break
            }
            return
        }
        let backlog = output.count - outputSent
        // Past its own cap, or past what the server holds for all clients together: this client goes.
        guard backlog <= maxBufferedOutput, server?.accountOutput(backlog - accountedOutput) ?? false else {
            close()
            return
        }
        accountedOutput = backlog
        if outputSent >= 1 << 20 {
            output.removeFirst(outputSent)
            outputSent = 0
        }
        resumeWriting()
    }

    private func resumeWriting() {
        if writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
            source.setEventHandler { [self] in
                if !isClosed { flush() }
            }
            source.setCancelHandler { [self] in
                writeSource = nil
                closeDescriptorWhenDone()
            }
            writeSource = source
            writeSuspended = true
        }
        if writeSuspended, let writeSource {
            writeSource.resume()
            writeSuspended = false
        }
    }

    private func suspendWriting() {
        guard !writeSuspended, let writeSource else { return }
        writeSource.suspend()
        writeSuspended = true
    }

    /// Closes the descriptor once the connection is closed and no source watches it any more.
    private func closeDescriptorWhenDone() {
        guard isClosed, !descriptorClosed, readSource == nil, writeSource == nil else { return }
        descriptorClosed = true
        Glibc.close(descriptor)
    }
}
