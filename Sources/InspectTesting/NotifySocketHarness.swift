import Foundation
import InspectVarlink
import Synchronization

/// A stand-in for systemd's notification socket: what a `Type=notify` service sends to `$NOTIFY_SOCKET`, collected
/// in order.
///
/// ```swift
/// let harness = try NotifySocketHarness()
/// // start the service with harness.environment(watchdog: .seconds(4), watchdogPID: nil)
/// try await harness.waitFor("READY=1")
/// ```
///
/// Each datagram is split into its `NAME=value` lines, so ``messages`` reads
/// `["READY=1", "STATUS=Watching 12 offices", "WATCHDOG=1", "STOPPING=1"]`.
///
/// A thread of its own reads the socket as datagrams arrive, so a sender never waits on the harness even when the
/// test's tasks are busy. A sender that waits on a barrier (`sd_notify_barrier`, `systemd-notify` without
/// `--no-block`) passes a file descriptor with `BARRIER=1`; reading the datagram without its control data releases
/// the descriptor, which completes the barrier.
///
/// A test that notifies from its own process sets `NOTIFY_SOCKET` for the whole process, so every program another
/// test starts meanwhile inherits it (systemd's tools report a failed exit there as `ERRNO=`). Such a test keeps
/// only its own datagrams with `NotifySocketHarness(acceptingOnly: getpid())`, as systemd keeps only the main
/// process's with `NotifyAccess=main`.
public final class NotifySocketHarness: Sendable {
    /// The private directory holding the socket; removed with the harness.
    public let directory: String
    /// The bound datagram socket's path: the value for `NOTIFY_SOCKET`.
    public let socketPath: String
    private let inbox: Inbox

    /// Binds a fresh socket in a private directory and starts reading it.
    ///
    /// - Parameter sender: When given, datagrams from any other process are dropped (the sender is known from its
    ///   `SCM_CREDENTIALS`).
    public init(acceptingOnly sender: pid_t? = nil) throws {
        var template = Array((Self.temporaryDirectory() + "/inspectd-notify-XXXXXX").utf8CString)
        directory = try template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let created = mkdtemp(base) else {
                throw HarnessError("mkdtemp", errno: errno)
            }
            return String(cString: created)
        }
        socketPath = directory + "/notify"
        do {
            inbox = Inbox(
                descriptor: try Self.bindDatagramSocket(at: socketPath, credentials: sender != nil), sender: sender)
        } catch {
            rmdir(directory)
            throw error
        }
        let inbox = inbox
        Thread.detachNewThread { inbox.run() }
    }

    private static func bindDatagramSocket(at socketPath: String, credentials: Bool) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket", errno: errno) }
        var on: Int32 = 1
        if credentials, setsockopt(descriptor, SOL_SOCKET, SO_PASSCRED, &on, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            let error = HarnessError("setsockopt SO_PASSCRED", errno: errno)
            close(descriptor)
            throw error
        }
        let bound = UnixSocket.withAddress(socketPath) { bind(descriptor, $0, $1) }
        guard bound == 0 else {
            let error = HarnessError("bind", errno: bound == nil ? ENAMETOOLONG : errno)
            close(descriptor)
            throw error
        }
        return descriptor
    }

    deinit {
        inbox.stop()
        unlink(socketPath)
        rmdir(directory)
    }

    /// The variables systemd would give the service.
    ///
    /// - Parameters:
    ///   - watchdog: The unit's `WatchdogSec=`, as `WATCHDOG_USEC`; `nil` for none.
    ///   - watchdogPID: `WATCHDOG_PID`: the process the watchdog is meant for. libsystemd ignores the watchdog in any
    ///     other process; leave it `nil` for a child whose PID is not known yet.
    public func environment(watchdog: Duration? = nil, watchdogPID: pid_t? = nil) -> [String: String] {
        var result = ["NOTIFY_SOCKET": socketPath]
        if let watchdog {
            let (seconds, attoseconds) = watchdog.components
            result["WATCHDOG_USEC"] = String(seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        }
        if let watchdogPID {
            result["WATCHDOG_PID"] = String(watchdogPID)
        }
        return result
    }

    /// Every line received so far, in order.
    public var messages: [String] { inbox.lines.withLock { $0 } }

    /// When each line equal to `message` arrived (as its datagram was read), in order: the watchdog's pings are
    /// `arrivals(of: "WATCHDOG=1")`.
    public func arrivals(of message: String) -> [ContinuousClock.Instant] {
        inbox.arrivals.withLock { $0.filter { $0.line == message }.map(\.at) }
    }

    /// Waits until a line equal to `message` has arrived.
    ///
    /// - Returns: Every line received so far.
    /// - Throws: ``HarnessError`` when it does not arrive within `timeout`, listing what did.
    @discardableResult
    public func waitFor(_ message: String, timeout: Duration = .seconds(30)) async throws -> [String] {
        try await waitUntil(timeout: timeout, "'\(message)'") { $0.contains(message) }
    }

    /// Waits until the lines received so far satisfy `condition`; `expectation` names it in the error.
    @discardableResult
    public func waitUntil(
        timeout: Duration = .seconds(30), _ expectation: String, _ condition: ([String]) -> Bool
    ) async throws -> [String] {
        guard await pollUntil(timeout: timeout, { condition(messages) }) else {
            throw HarnessError("no \(expectation) on \(socketPath) within \(timeout); received \(messages)")
        }
        return messages
    }

    /// `$TMPDIR`, unless it is too long for a socket path (108 bytes with the harness's own part).
    private static func temporaryDirectory() -> String {
        let tmp = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return tmp.isEmpty || tmp.utf8.count > 64 ? "/tmp" : tmp
    }

}

/// The socket and what was read from it, shared with the reading thread.
private final class Inbox: Sendable {
    let lines = Mutex<[String]>([])
    let arrivals = Mutex<[(at: ContinuousClock.Instant, line: String)]>([])
    private let descriptor: Int32
    private let sender: pid_t?
    private let stopped = Mutex(false)

    init(descriptor: Int32, sender: pid_t?) {
        self.descriptor = descriptor
        self.sender = sender
    }

    func stop() { stopped.withLock { $0 = true } }

    /// Reads datagrams until stopped, then closes the socket.
    func run() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !stopped.withLock({ $0 }) {
            guard poll(&poller, 1, 50) > 0 else { continue }
            while true {
                let (count, from) = receive(into: &buffer)
                guard count > 0 else { break }
                if let sender, from != sender { continue }
                let received = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").map(String.init)
                let now = ContinuousClock.now
                lines.withLock { $0 += received }
                arrivals.withLock { $0 += received.map { (now, $0) } }
            }
        }
        close(descriptor)
    }

    /// `SCM_CREDENTIALS` of <sys/socket.h>, which Glibc's module leaves out (it is under `__USE_GNU`).
    private static let credentialsType: Int32 = 2

    /// Reads one datagram without waiting; returns its length (0 or less when none is waiting) and, when the socket
    /// passes credentials, the sending process.
    ///
    /// The control buffer holds exactly one `SCM_CREDENTIALS` message, which the kernel puts first: descriptors a
    /// sender passes along (a barrier's) do not fit, so the kernel closes them, as a plain `recv` would.
    private func receive(into buffer: inout [UInt8]) -> (Int, pid_t?) {
        guard sender != nil else { return (recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT)), nil) }
        let header = MemoryLayout<cmsghdr>.size
        // CMSG_SPACE(sizeof(struct ucred)): the header and three 32-bit fields (pid, uid, gid), each part aligned.
        let aligned = { (size: Int) in (size + MemoryLayout<Int>.size - 1) & ~(MemoryLayout<Int>.size - 1) }
        var control = [UInt8](repeating: 0, count: aligned(header) + aligned(3 * MemoryLayout<Int32>.size))
        return buffer.withUnsafeMutableBytes { data in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    let count = recvmsg(descriptor, &message, Int32(MSG_DONTWAIT))
                    guard count > 0, message.msg_controllen >= header + MemoryLayout<Int32>.size else {
                        return (count, nil)
                    }
                    let first = controlBytes.load(as: cmsghdr.self)
                    guard first.cmsg_level == SOL_SOCKET, first.cmsg_type == Self.credentialsType else {
                        return (count, nil)
                    }
                    return (count, controlBytes.load(fromByteOffset: aligned(header), as: pid_t.self))
                }
            }
        }
    }
}

/// A harness could not be set up, or what it waited for did not happen.
public struct HarnessError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    init(_ call: String, errno: Int32) {
        description = "\(call) failed: \(String(cString: strerror(errno)))"
    }
}
