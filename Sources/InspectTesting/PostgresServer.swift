import Foundation

/// A PostgreSQL server of the tests' own: a cluster made by `initdb` in a temporary directory, listening on a Unix
/// socket in that directory only (`listen_addresses=''`), with password authentication, stopped when released.
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
    public static func start() async throws -> PostgresServer {
        let server = try await onOwnThread { try PostgresServer() }
        let ready = try await pollUntil(timeout: .seconds(60)) { try server.isReady() }
        guard ready else { throw HarnessError("PostgreSQL did not become ready within 60 s:\n\(server.log)") }
        return server
    }

    private init() throws {
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
        server = try Self.launch(bin: bin, data: data, socketDirectory: socketDirectory, logFile: logFile)
    }

    /// Starts the postmaster on the cluster in `data`, appending to `logFile`.
    private static func launch(bin: String, data: String, socketDirectory: String, logFile: String) throws -> Process {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: SystemTool.find("setpriv") ?? "/usr/bin/setpriv")
        server.arguments = Self.asServerUser([
            "\(bin)/postgres", "-D", data, "-c", "listen_addresses=", "-c",
            "unix_socket_directories=\(socketDirectory)",
            "-c", "fsync=off",
        ])
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
            bin: bin, data: data, socketDirectory: socketDirectory, logFile: directory.file("server.log"))
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

    /// A URL to this server's database `postgres` as `user`.
    public func url(user: String = PostgresServer.superuser, database: String = "postgres") -> String {
        "postgresql://\(user)@/\(database)?host=\(socketDirectory)"
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
