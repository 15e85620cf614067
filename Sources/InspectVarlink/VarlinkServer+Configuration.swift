extension VarlinkServer {
    /// How deep arrays and objects may nest in a message; a deeper one is a protocol violation, and its connection
    /// is closed unread (as for a message that is not JSON).
    public static let maxNestingDepth = 32

    /// What `org.varlink.service.GetInfo` reports about the service.
    public struct Info: Sendable, Equatable {
        public var vendor: String
        public var product: String
        public var version: String
        public var url: String

        public init(vendor: String, product: String, version: String, url: String) {
            self.vendor = vendor
            self.product = product
            self.version = version
            self.url = url
        }
    }

    /// The limits that keep one misbehaving client from hurting the daemon or the other clients.
    public struct Configuration: Sendable {
        /// The longest message a client may send, in bytes without its NUL. A client that sends more without a NUL
        /// is answered with ``oversizeError`` and disconnected as soon as it passes the limit; nothing larger is
        /// ever buffered.
        public var maxMessageSize: Int
        /// The longest message of a caller ``isPrivileged`` says may send large ones (an administrator's import).
        public var privilegedMaxMessageSize: Int
        /// Whether `caller` may send messages up to ``privilegedMaxMessageSize``.
        public var isPrivileged: @Sendable (VarlinkCaller) -> Bool
        /// Connections open at once. Past it, new connections are accepted and closed at once.
        public var maxConnections: Int
        /// Connections one user (uid) may hold open at once; root is counted like anyone else.
        public var maxConnectionsPerUser: Int
        /// Bytes of unfinished messages buffered for all connections together: past it, the connection that sends
        /// more is closed.
        public var maxPendingInput: Int
        /// Reply bytes waiting for a client that does not read them. Past it the client is disconnected; below it,
        /// the server stops reading the client's further calls until it has taken its replies.
        public var maxBufferedOutput: Int
        /// Reply bytes waiting for all clients together: past it, the client whose backlog grew it is disconnected,
        /// so slow readers cannot together hold more than this (``maxBufferedOutput`` bounds one of them only).
        public var maxTotalBufferedOutput: Int
        /// How long a connection may stay with no call in progress and nothing sent, before it is closed.
        public var idleTimeout: Duration
        /// How long a client may take to finish a message it started.
        public var messageTimeout: Duration
        /// The error a call fails with when its handler throws something that is neither a ``VarlinkError``, a
        /// ``VarlinkErrorConvertible`` nor a `DecodingError`. Declare it in your interface.
        public var internalErrorName: String
        /// What a client that sends a message past its limit is told before it is disconnected.
        public var oversizeError: @Sendable (_ limit: Int) -> VarlinkError

        public init(
            maxMessageSize: Int = 1 << 20, privilegedMaxMessageSize: Int? = nil,
            isPrivileged: @escaping @Sendable (VarlinkCaller) -> Bool = { _ in false }, maxConnections: Int = 1024,
            maxConnectionsPerUser: Int = 64, maxPendingInput: Int = 256 << 20, maxBufferedOutput: Int = 16 << 20,
            maxTotalBufferedOutput: Int = 256 << 20,
            idleTimeout: Duration = .seconds(60), messageTimeout: Duration = .seconds(10),
            internalErrorName: String = "io.inspectd.InternalError",
            oversizeError: @escaping @Sendable (Int) -> VarlinkError = { _ in .invalidParameter("message") }
        ) {
            self.maxMessageSize = maxMessageSize
            self.privilegedMaxMessageSize = privilegedMaxMessageSize ?? maxMessageSize
            self.isPrivileged = isPrivileged
            self.maxConnections = maxConnections
            self.maxConnectionsPerUser = maxConnectionsPerUser
            self.maxPendingInput = maxPendingInput
            self.maxBufferedOutput = maxBufferedOutput
            self.maxTotalBufferedOutput = maxTotalBufferedOutput
            self.idleTimeout = idleTimeout
            self.messageTimeout = messageTimeout
            self.internalErrorName = internalErrorName
            self.oversizeError = oversizeError
        }
    }
}
