import Foundation

/// A PostgreSQL server of the tests' own: a cluster made by `initdb` in a temporary directory, listening on a Unix
/// socket in that directory only (`listen_addresses=''`), with password authentication, stopped when released.
/// ``Network`` adds TCP on 127.0.0.1, with or without TLS and client certificates.
///
/// Debian's `postgresql-15` gives the binaries (`scripts/setup --tests` installs it). initdb and the server refuse to
/// run as root, so under root (CI) they run as `nobody`, through `setpriv`, in a directory `nobody` owns.
///
/// Tests that need it carry `.enabled(if: PostgresServer.testsCanRun, Comment(rawValue:
/// PostgresServer.unavailableReason))`; with `INSPECTD_REQUIRE_POSTGRES=1` (set by `scripts/test`) a missing server
/// fails them instead.
public final class PostgresServer: @unchecked Sendable {
    /// The superuser initdb creates, who runs `central init` in the tests.
    public static let superuser = "admin"

    /// The directory holding Debian's PostgreSQL programs, if installed.
    public static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }()

    /// Whether the environment demands a server: `INSPECTD_REQUIRE_POSTGRES=1`.
    public static let isRequired = ProcessInfo.processInfo.environment["INSPECTD_REQUIRE_POSTGRES"] == "1"

    /// Whether PostgreSQL tests should run: the binaries are here, or they are required and their absence must fail.
    public static var testsCanRun: Bool { binaries != nil || isRequired }

    public static let unavailableReason =
        "PostgreSQL's binaries are not installed (postgresql-15; scripts/setup --tests installs it), "
        + "or set INSPECTD_REQUIRE_POSTGRES=1 to fail rather than skip"

    /// How the server listens besides its Unix socket, where the superuser always logs in with its password.
    public enum Network: Sendable {
        /// The socket only.
        case socketOnly
        /// Also TCP on 127.0.0.1 at a free port, without TLS (`ssl=off`), with password logins.
        case tcp
        /// Also TCP on 127.0.0.1 at a free port with `ssl=on`: a server certificate for `localhost` and `127.0.0.1`
        /// signed by ``authority``, which also signs the clients' certificates (`ssl_ca_file`); logins over TCP by
        /// client certificate only, its CN the login (`hostssl all all 127.0.0.1/32 cert`). It listens on 127.0.0.2
        /// too, an address its certificate does not name, where `verify-ca` connects and `verify-full` does not.
        case tls
    }

    /// The TCP port on 127.0.0.1, when the server listens there (``Network``); the socket's name then carries it.
    public let port: Int?
    /// The authority of the server's certificate and of the clients' it accepts, with ``Network/tls``.
    public let authority: TestAuthority?
    /// The `-c` settings the postmaster starts with besides the socket's, kept for ``restart()``.
    private let settings: [String]
    private let directory: TemporaryDirectory
    private let bin: String
    /// The directory of the server's socket, which is also the host in a URL (`?host=`).
    public let socketDirectory: String
    /// The superuser's password, generated for this server.
    public let superuserPassword: String
    /// The postmaster itself, this process's child: `setpriv` execs it rather than forking, and nothing daemonizes.
    /// (A daemon left by `pg_ctl start` inherits the descriptor through which Foundation learns that its `Process`
    /// ended, and waiting for `pg_ctl` then never returns.)
    private var server: Process
    private let data: String

    /// Makes the cluster and starts the server, on a thread of its own (initdb takes seconds); returns once the
    /// server accepts connections.
    public static func start(network: Network = .socketOnly) async throws -> PostgresServer {
        let server = try await onOwnThread { try PostgresServer(network: network) }
        let ready = try await pollUntil(timeout: .seconds(60)) { try server.isReady() }
        guard ready else { throw HarnessError("PostgreSQL did not become ready within 60 s:\n\(server.log)") }
        return server
    }

    private init(network: Network) throws {
        guard let bin = Self.binaries else { throw HarnessError(Self.unavailableReason) }
        self.bin = bin
        directory = TemporaryDirectory(prefix: "inspectd-postgres")
        socketDirectory = directory.path
        superuserPassword = UUID().uuidString
        let passwordFile = directory.write("superuser-password", superuserPassword + "\n")
        let logFile = directory.write("server.log", "")
        if getuid() == 0 {
            let nobody = TestUsers.reader
            for path in [directory.path, passwordFile, logFile] {
                guard chown(path, nobody.uid, nobody.gid) == 0 else {
                    throw HarnessError("cannot give \(path) to \(nobody.name): \(String(cString: strerror(errno)))")
                }
            }
        }
        data = directory.file("data")
        let initdb = try SystemTool.run(
            "setpriv",
            Self.asServerUser([
                "\(bin)/initdb", "-D", data, "-U", Self.superuser, "--pwfile=\(passwordFile)", "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
            ]))
        guard initdb.status == 0 else {
            throw HarnessError("initdb failed (\(initdb.status)): \(initdb.errorOutput)\(initdb.output)")
        }
        switch network {
        case .socketOnly:
            port = nil
            authority = nil
            settings = ["listen_addresses="]
        case .tcp:
            let port = try Self.freePort()
            self.port = port
            authority = nil
            settings = ["listen_addresses=127.0.0.1", "port=\(port)", "ssl=off"]
        case .tls:
            let port = try Self.freePort()
            let authority = try TestAuthority(name: "inspectd test center authority")
            self.port = port
            self.authority = authority
            settings =
                ["listen_addresses=127.0.0.1,127.0.0.2", "port=\(port)"]
                + (try Self.setUpTLS(authority: authority, in: directory, data: data))
        }
        server = try Self.launch(
            bin: bin, data: data, socketDirectory: socketDirectory, settings: settings, logFile: logFile)
    }

    /// Gives the server its certificate, its key and the clients' authority (copies in the server's directory,
    /// owned by the server's user: PostgreSQL refuses a key others can read), and logins by certificate over TCP;
    /// returns the settings that turn TLS on.
    private static func setUpTLS(
        authority: TestAuthority, in directory: TemporaryDirectory, data: String
    ) throws
        -> [String]
    {
        let issued = try authority.issue(
            commonName: "localhost", hosts: ["localhost", "127.0.0.1"], file: "server")
        var copies: [String] = []
        for (source, name) in [
            (issued.certificate, "server.crt"), (issued.key, "server.key"), (authority.certificate, "clients-ca.crt"),
        ] {
            let copy = directory.write(name, try String(contentsOfFile: source, encoding: .utf8))
            guard chmod(copy, 0o600) == 0, getuid() != 0 || chown(copy, TestUsers.reader.uid, TestUsers.reader.gid) == 0
            else { throw HarnessError("cannot give \(copy) to the server: \(String(cString: strerror(errno)))") }
            copies.append(copy)
        }
        // Written over initdb's file, so it keeps its owner: the superuser by password on the socket, everyone over
        // TCP by a certificate whose CN is the login.
        let rules = """
            local all all scram-sha-256
            hostssl all all 127.0.0.1/32 cert
            hostssl all all 127.0.0.2/32 cert

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/pg_hba.conf"))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(rules.utf8))
        return ["ssl=on", "ssl_cert_file=\(copies[0])", "ssl_key_file=\(copies[1])", "ssl_ca_file=\(copies[2])"]
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now: the kernel's pick for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw HarnessError("cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts the postmaster on the cluster in `data` with `settings`, appending to `logFile`.
    private static func launch(
        bin: String, data: String, socketDirectory: String, settings: [String], logFile: String
    ) throws -> Process {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: SystemTool.find("setpriv") ?? "/usr/bin/setpriv")
        server.arguments = Self.asServerUser(
            ["\(bin)/postgres", "-D", data, "-c", "unix_socket_directories=\(socketDirectory)", "-c", "fsync=off"]
                + settings.flatMap { ["-c", $0] })
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        defer { try? log.close() }
        try log.seekToEnd()
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = log
        server.standardError = log
        try server.run()
        return server
    }

    /// Kills the server as a crash would: SIGKILL to every backend and to the postmaster at once, no shutdown, and
    /// waits until they are gone. ``restart()`` starts it again, through crash recovery.
    public func crash() async {
        let server = server
        _ = try? await onOwnThread {
            let postmaster = server.processIdentifier
            let children = Self.children(of: postmaster)
            kill(postmaster, SIGKILL)
            for child in children { kill(child, SIGKILL) }
            server.waitUntilExit()
            // The backends are not this process's children: wait until they have gone, or the new postmaster finds
            // the shared memory still in use.
            for _ in 0..<500 where children.contains(where: { kill($0, 0) == 0 }) { usleep(10000) }
        }
    }

    /// Starts the server again on the same cluster after ``crash()`` or ``stop()``; returns once it accepts
    /// connections.
    public func restart() async throws {
        // After a crash the lock file still says `ready`; the postmaster would replace it, but not before the wait
        // below read it.
        try? FileManager.default.removeItem(atPath: data + "/postmaster.pid")
        server = try Self.launch(
            bin: bin, data: data, socketDirectory: socketDirectory, settings: settings,
            logFile: directory.file("server.log"))
        let ready = try await pollUntil(timeout: .seconds(60)) { try self.isReady() }
        guard ready else { throw HarnessError("PostgreSQL did not restart within 60 s:\n\(log)") }
    }

    /// The processes whose parent is `pid`, from /proc.
    private static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let child = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
        }
    }

    /// `setpriv` arguments that run `command` as `nobody` under root (initdb and the server refuse root), as is
    /// otherwise.
    private static func asServerUser(_ command: [String]) -> [String] {
        (getuid() == 0 ? TestUsers.reader.setprivArguments : []) + ["--"] + command
    }

    /// Whether the server accepts connections: the postmaster writes `ready` as the status line of its pid file.
    private func isReady() throws -> Bool {
        guard server.isRunning else { throw HarnessError("PostgreSQL exited (\(server.terminationStatus)):\n\(log)") }
        let pidFile = (try? String(contentsOfFile: directory.file("data/postmaster.pid"), encoding: .utf8)) ?? ""
        return pidFile.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "ready"
    }

    /// A URL to this server's database `postgres` as `user`, through the socket.
    public func url(user: String = PostgresServer.superuser, database: String = "postgres") -> String {
        "postgresql://\(user)@/\(database)?host=\(socketDirectory)" + (port.map { "&port=\($0)" } ?? "")
    }

    /// A URL to this server's database `postgres` as `user` over TCP, at `host` (`localhost` or `127.0.0.1`), with
    /// `parameters` (`sslmode=verify-full&sslcert=…`); nil when the server listens on its socket only.
    public func tcpURL(
        user: String, host: String = "localhost", database: String = "postgres", parameters: String = ""
    ) -> String? {
        port.map { "postgresql://\(user)@\(host):\($0)/\(database)" + (parameters.isEmpty ? "" : "?" + parameters) }
    }

    /// Writes `password` to a new file in the server's directory and returns its path, for `--password-file`.
    public func passwordFile(_ password: String) -> String {
        directory.write("password-\(UUID().uuidString.prefix(8))", password + "\n")
    }

    /// The server's log, for a failing test's message.
    public var log: String { (try? String(contentsOfFile: directory.file("server.log"), encoding: .utf8)) ?? "" }

    /// Stops the server (SIGINT, PostgreSQL's fast shutdown: open sessions are ended) and waits until it has, on a
    /// thread of its own.
    public func stop() async {
        // The thread holds the process, not the server: the test's last reference releases the server, and with it the
        // directory, before the test ends.
        let server = server
        _ = try? await onOwnThread { Self.stop(server) }
    }

    deinit { Self.stop(server) }

    private static func stop(_ server: Process) {
        guard server.isRunning else { return }
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
    }
}
