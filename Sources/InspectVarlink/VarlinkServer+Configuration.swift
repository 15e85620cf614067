extension VarlinkServer {
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
    public struct Configuration: Sendable, Equatable {
        /// The longest message a client may send, in bytes without its NUL. A client that sends more without a NUL
        /// is disconnected as soon as it passes the limit; nothing larger is ever buffered.
        public var maxMessageSize: Int
        /// Connections open at once. Past it, new connections are accepted and closed at once.
        public var maxConnections: Int
        /// Reply bytes waiting for a client that does not read them. Past it the client is disconnected; below it,
        /// the server stops reading the client's further calls until it has taken its replies.
        public var maxBufferedOutput: Int
        /// The error a call fails with when its handler throws something that is neither a ``VarlinkError``, a
        /// ``VarlinkErrorConvertible`` nor a `DecodingError`. Declare it in your interface.
        public var internalErrorName: String

        public init(
            maxMessageSize: Int = 1 << 20, maxConnections: Int = 1024, maxBufferedOutput: Int = 16 << 20,
            internalErrorName: String = "io.inspectd.InternalError"
        ) {
            self.maxMessageSize = maxMessageSize
            self.maxConnections = maxConnections
            self.maxBufferedOutput = maxBufferedOutput
            self.internalErrorName = internalErrorName
        }
    }
}
