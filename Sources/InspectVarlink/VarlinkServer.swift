import Dispatch
import Foundation
import Glibc

/// A Varlink service on a Unix stream socket, driven by Dispatch on one serial queue.
///
/// ```swift
/// let server = VarlinkServer(info: info, queue: queue)
/// queue.sync {
///     try server.register(pingInterface)
///     try server.listen(path: "/run/inspectd/io.inspectd")
/// }
/// ```
///
/// Each connection gets its own read source; replies the socket cannot take yet wait in a per-connection buffer
/// sent by a write source. Calls on one connection are answered in order; handlers run on `queue`, one at a time.
/// The built-in `org.varlink.service` interface answers `GetInfo` and `GetInterfaceDescription`.
///
/// - Important: Every method must be called on `queue` (the daemon's state queue). The server keeps itself alive
///   while it listens: call ``stop()`` to close its sockets and release it.
public final class VarlinkServer {
    public let queue: DispatchQueue
    public let info: Info
    public let configuration: Configuration

    private var interfaces: [String: VarlinkInterface] = [:]
    /// Interface names in registration order, `org.varlink.service` first, as `GetInfo` lists them.
    private var interfaceNames: [String] = []
    private var listeners: [Listener] = []
    private var listenersSuspended = false
    /// Resumes suspended listeners after a while, when no closing connection has done so first.
    private var listenerRetry: DispatchSourceTimer?
    private var connections: [Int: VarlinkConnection] = [:]
    /// Connections open per user (uid), against `maxConnectionsPerUser`.
    private var connectionsByUser: [UInt32: Int] = [:]
    /// Bytes of unfinished messages held for all connections, against `maxPendingInput`.
    private var pendingInput = 0
    /// Reply bytes waiting for all connections, against `maxTotalBufferedOutput`.
    private var bufferedOutput = 0
    /// Closes idle and half-sent connections; runs only while there are connections.
    private var sweeper: DispatchSourceTimer?
    private var nextConnectionID = 0
    /// One scratch buffer for every read: all reads happen on `queue`, one at a time.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)

    private struct Listener {
        var descriptor: Int32
        var source: DispatchSourceRead
        /// The socket file this server created, removed on stop; nil for an inherited socket.
        var path: String?
    }

    public init(info: Info, queue: DispatchQueue, configuration: Configuration = Configuration()) {
        self.info = info
        self.queue = queue
        self.configuration = configuration
        registerServiceInterface()
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Connections open now.
    public var connectionCount: Int {
        dispatchPrecondition(condition: .onQueue(queue))
        return connections.count
    }

    /// Adds an interface.
    ///
    /// - Throws: ``VarlinkServerError/duplicateInterface(_:)``, or
    ///   ``VarlinkServerError/undeclaredMethod(interface:method:)`` when a handler's method is missing from the
    ///   interface's description.
    public func register(_ interface: VarlinkInterface) throws(VarlinkServerError) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard interfaces[interface.name] == nil else { throw .duplicateInterface(interface.name) }
        if let undeclared = interface.handlers.keys.sorted().first(where: {
            interface.definition.method(named: $0) == nil
        }) {
            throw .undeclaredMethod(interface: interface.name, method: undeclared)
        }
        install(interface)
    }

    func install(_ interface: VarlinkInterface) {
        interfaces[interface.name] = interface
        interfaceNames.append(interface.name)
    }

    /// The interface registered under `name`, for `GetInterfaceDescription` and routing.
    func interface(named name: String) -> VarlinkInterface? {
        interfaces[name]
    }

    var registeredInterfaceNames: [String] { interfaceNames }

    // MARK: - Listening

    /// Binds and listens on `path`. A socket file nobody answers on is a leftover of a server that died: it is
    /// replaced. The parent directory must exist.
    ///
    /// - Parameter mode: The socket file's permissions; connecting needs write permission, so the default lets
    ///   every local user connect and leaves access decisions to the handlers.
    /// - Throws: ``VarlinkServerError`` when another server answers on `path`, something else is there, or a system
    ///   call fails.
    public func listen(path: String, mode: mode_t = 0o666) throws(VarlinkServerError) {
        dispatchPrecondition(condition: .onQueue(queue))
        try removeStaleSocket(at: path)
        let descriptor = UnixSocket.makeStream(nonBlocking: true)
        guard descriptor >= 0 else { throw .system(operation: "create a socket for", path: path, errno: errno) }
        let bound = UnixSocket.withAddress(path) { bind(descriptor, $0, $1) }
        guard let bound else {
            Glibc.close(descriptor)
            throw .pathTooLong(path: path)
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw code == EADDRINUSE ? .addressInUse(path: path) : .system(operation: "bind", path: path, errno: code)
        }
        guard chmod(path, mode) == 0, Glibc.listen(descriptor, SOMAXCONN) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            unlink(path)
            throw .system(operation: "listen on", path: path, errno: code)
        }
        startAccepting(on: descriptor, path: path)
    }

    /// Serves on a listening socket handed over by systemd (see ``SocketActivation``). The socket file, if any,
    /// belongs to systemd and is left in place on stop.
    ///
    /// - Throws: ``VarlinkServerError/notAListeningSocket(descriptor:)`` unless it is a listening Unix stream socket.
    public func adopt(listeningDescriptor descriptor: Int32) throws(VarlinkServerError) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard UnixSocket.option(descriptor, SO_ACCEPTCONN) == 1,
            UnixSocket.option(descriptor, SO_TYPE) == Int32(SOCK_STREAM.rawValue),
            UnixSocket.option(descriptor, SO_DOMAIN) == AF_UNIX
        else { throw .notAListeningSocket(descriptor: descriptor) }
        guard UnixSocket.setNonBlocking(descriptor), UnixSocket.setCloseOnExec(descriptor) else {
            throw .system(operation: "configure descriptor \(descriptor)", path: nil, errno: errno)
        }
        startAccepting(on: descriptor, path: nil)
    }

    /// Closes the listening sockets (removing the socket files this server created) and every connection.
    public func stop() {
        dispatchPrecondition(condition: .onQueue(queue))
        resumeListeners()
        for listener in listeners {
            listener.source.cancel()
            if let path = listener.path { unlink(path) }
        }
        listeners = []
        for connection in Array(connections.values) { connection.close() }
    }

    /// Removes a socket file left by a server that is gone; refuses to touch a live socket or any other file.
    private func removeStaleSocket(at path: String) throws(VarlinkServerError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw .system(operation: "inspect", path: path, errno: errno)
        }
        guard status.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        let probe = UnixSocket.makeStream(nonBlocking: true)
        guard probe >= 0 else { throw .system(operation: "create a socket for", path: path, errno: errno) }
        defer { Glibc.close(probe) }
        let connected = UnixSocket.withAddress(path) { connect(probe, $0, $1) }
        switch (connected, errno) {
        case (nil, _): throw .pathTooLong(path: path)
        // A full backlog (EAGAIN) still means a server is there.
        case (0?, _), (_, EAGAIN): throw .addressInUse(path: path)
        case (_, ECONNREFUSED):
            guard unlink(path) == 0 || errno == ENOENT else {
                throw .system(operation: "remove the stale socket", path: path, errno: errno)
            }
        case (_, let code): throw .system(operation: "probe", path: path, errno: code)
        }
    }

    private func startAccepting(on descriptor: Int32, path: String?) {
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [self] in acceptConnections(from: descriptor) }
        source.setCancelHandler { Glibc.close(descriptor) }
        if listenersSuspended { source.suspend() }
        source.resume()
        listeners.append(Listener(descriptor: descriptor, source: source, path: path))
    }

    /// Accepts what is waiting, a bounded batch at a time so one flood cannot starve the existing connections.
    private func acceptConnections(from listener: Int32) {
        for _ in 0..<64 {
            // The listener is non-blocking and close-on-exec, but accept() (accept4 is not exported) does not pass
            // those flags on: set them before anything else can run.
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO: continue
                // Out of descriptors or memory: the pending connection stays readable, so stop looking at it for a
                // while instead of spinning.
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: suspendListeners()
                default: break
                }
                return
            }
            guard UnixSocket.setCloseOnExec(descriptor), UnixSocket.setNonBlocking(descriptor),
                connections.count < configuration.maxConnections,
                let credentials = PeerCredentials.of(descriptor: descriptor),
                connectionsByUser[credentials.uid, default: 0] < configuration.maxConnectionsPerUser
            else {
                Glibc.close(descriptor)
                continue
            }
            let connection = VarlinkConnection(
                id: nextConnectionID, descriptor: descriptor, credentials: credentials, server: self)
            nextConnectionID += 1
            connections[connection.id] = connection
            connectionsByUser[credentials.uid, default: 0] += 1
            connection.start()
            startSweeping()
        }
    }

    private func suspendListeners() {
        guard !listenersSuspended else { return }
        listenersSuspended = true
        for listener in listeners { listener.source.suspend() }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(100))
        timer.setEventHandler { [self] in resumeListeners() }
        timer.resume()
        listenerRetry = timer
    }

    private func resumeListeners() {
        guard listenersSuspended else { return }
        listenersSuspended = false
        listenerRetry?.cancel()
        listenerRetry = nil
        for listener in listeners { listener.source.resume() }
    }

    /// A connection is gone: forget it, and accept again if a lack of descriptors had stopped us.
    func connectionClosed(_ connection: VarlinkConnection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        pendingInput -= connection.pendingInput
        bufferedOutput -= connection.accountedOutput
        let uid = connection.credentials.uid
        connectionsByUser[uid] = connectionsByUser[uid].map { $0 - 1 }.flatMap { $0 > 0 ? $0 : nil }
        if connections.isEmpty {
            sweeper?.cancel()
            sweeper = nil
        }
        resumeListeners()
    }

    /// Records `delta` more (or fewer) bytes of unfinished messages; false when the total would pass
    /// `maxPendingInput`, and the connection that grew it should go.
    func accountInput(_ delta: Int) -> Bool {
        guard pendingInput + delta <= configuration.maxPendingInput || delta <= 0 else { return false }
        pendingInput += delta
        return true
    }

    /// Records `delta` more (or fewer) reply bytes waiting for a client; false when the total would pass
    /// `maxTotalBufferedOutput`, and the connection that grew it should go.
    func accountOutput(_ delta: Int) -> Bool {
        guard bufferedOutput + delta <= configuration.maxTotalBufferedOutput || delta <= 0 else { return false }
        bufferedOutput += delta
        return true
    }

    // MARK: - Timeouts

    /// How often connections are looked at for timeouts: a tenth of the shorter timeout, at most a second.
    private var sweepInterval: Duration {
        min(.seconds(1), min(configuration.idleTimeout, configuration.messageTimeout) / 10)
    }

    private func startSweeping() {
        guard sweeper == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.nanoseconds(Int(sweepInterval / .nanoseconds(1)))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [self] in sweep() }
        timer.resume()
        sweeper = timer
    }

    /// Closes the connections that sat idle past `idleTimeout`, or have not finished a message within
    /// `messageTimeout`: an idle or half-sent connection holds a descriptor and memory another client may need.
    private func sweep() {
        let now = DispatchTime.now()
        let idle = UInt64(configuration.idleTimeout / .nanoseconds(1))
        let message = UInt64(configuration.messageTimeout / .nanoseconds(1))
        for connection in Array(connections.values) {
            if let started = connection.messageStarted, !connection.answering,
                now.uptimeNanoseconds - started.uptimeNanoseconds > message
            {
                connection.close()
            } else if connection.isIdle, now.uptimeNanoseconds - connection.lastActivity.uptimeNanoseconds > idle {
                connection.close()
            }
        }
    }
}
