import Foundation
import InspectCentral
import InspectTesting
import PostgresNIO
import Testing

/// A center for the uplink's tests: a real PostgreSQL (``PostgresServer``) with the center's schema, and the sites
/// added to it with `inspectctl central site-add`, as a province's administrator does.
final class UplinkCenter: Sendable {
    let server: PostgresServer
    let adminPasswordFile: String

    private init(server: PostgresServer) {
        self.server = server
        adminPasswordFile = server.passwordFile(server.superuserPassword)
    }

    /// - Parameter network: How the server listens besides its socket (``PostgresServer/Network``); `central init`
    ///   runs on the socket in any case.
    static func start(network: PostgresServer.Network = .socketOnly) async throws -> UplinkCenter {
        let center = UplinkCenter(server: try await PostgresServer.start(network: network))
        let made = try await ProcessRunner.detached(
            BuiltProducts.inspectctl,
            ["central", "init", center.server.url(), "--password-file", center.adminPasswordFile])
        try #require(made.status == 0, "central init: \(made.stderr)")
        return center
    }

    /// A site at the center: its name, record, and how its uplink logs in.
    struct Site: Sendable {
        var name: String
        var record: String
        var url: String
        /// Nil for a site that logs in with a client certificate.
        var passwordFile: String?

        /// `[Uplink]` for the site's `inspectd.conf`.
        func configuration(batchSize: Int = 2000, interval: Int = 1, behindAfter: Int = 300) -> String {
            """
            [Uplink]
            URL=\(url)
            \(passwordFile.map { "PasswordFile=\($0)" } ?? "")
            IntervalSec=\(interval)
            BehindAfterSec=\(behindAfter)
            BatchSize=\(batchSize)

            """
        }
    }

    /// Adds `cli`'s record as site `name`, with its own login.
    func add(_ cli: CLIFixture, as name: String) throws -> Site {
        let record = try cli.recordIdentity()
        let passwordFile = cli.directory.file("uplink-password")
        let added = try ProcessRunner.run(
            BuiltProducts.inspectctl,
            [
                "central", "site-add", name, record, server.url(), "--password-file", adminPasswordFile,
                "--site-password-file", passwordFile,
            ])
        try #require(added.status == 0, "central site-add: \(added.stderr)")
        let login = "inspectd_site_" + name.replacingOccurrences(of: "-", with: "_")
        return Site(name: name, record: record, url: server.url(user: login), passwordFile: passwordFile)
    }

    /// Adds `cli`'s record as site `name` with `central site-add --certificate`, and issues the site's client
    /// certificate, `CN=inspectd_site_NAME`, from the server's authority. The site's URL is over TCP with
    /// `verify-full` and the authority as `sslrootcert`.
    func addWithCertificate(_ cli: CLIFixture, as name: String) throws -> (Site, TestAuthority.Issued) {
        let record = try cli.recordIdentity()
        let added = try ProcessRunner.run(
            BuiltProducts.inspectctl,
            [
                "central", "site-add", name, record, server.url(), "--password-file", adminPasswordFile,
                "--certificate",
            ])
        try #require(added.status == 0, "central site-add: \(added.stderr)")
        let login = "inspectd_site_" + name.replacingOccurrences(of: "-", with: "_")
        #expect(added.stdout.contains("CN=\(login)"), "\(added.stdout)")
        let authority = try #require(server.authority, "the center has no TLS (PostgresServer.Network.tls)")
        let issued = try authority.issue(commonName: login, file: "site-\(name)")
        let url = try #require(
            server.tcpURL(
                user: login,
                parameters: "sslmode=verify-full&sslcert=\(issued.certificate)&sslkey=\(issued.key)"
                    + "&sslrootcert=\(authority.certificate)"))
        return (Site(name: name, record: record, url: url, passwordFile: nil), issued)
    }

    /// The values of the first column of `query`, run as the center's administrator.
    func column<T: PostgresDecodable & Sendable>(_ type: T.Type, _ query: PostgresQuery) async throws -> [T] {
        let admin = try await CentralConnection.connect(
            to: try CentralURL(server.url()), password: server.superuserPassword)
        do {
            let values = try await admin.run(query).map { try $0.decode(T.self) }
            await admin.close()
            return values
        } catch {
            await admin.close()
            throw error
        }
    }

    func count(_ query: PostgresQuery) async throws -> Int64 {
        try await column(Int64.self, query).first ?? 0
    }

    /// The hashes of a site's findings at the center, in the site's order.
    func findingHashes(of site: Site) async throws -> [String] {
        try await column(
            String.self, "SELECT hash FROM center.finding WHERE site = \(site.record) ORDER BY row_id")
    }
}

extension CLIFixture {
    /// The hashes of the record's findings, in order: what the center must hold, no more and no less.
    func findingHashes() throws -> [String] {
        try sql("SELECT hash FROM finding ORDER BY id").split(separator: "\n").map(String.init)
    }

    /// Imports `count` findings into inspection 1 (open in ``seeded(mode:openedAt:)``), `perImport` at a time.
    func importFindings(_ count: Int, perImport: Int = 1000, tag: String = "") throws {
        var logged = 0
        while logged < count {
            let rows = min(perImport, count - logged)
            var csv = "inspection,type,staff,observed_at,arrived,left,note\n"
            for row in 0..<rows { csv += "1,SMOKE,,,,,\"tàn thuốc \(tag)\(logged + row)\"\n" }
            try ok(["finding", "import", directory.write("findings-\(tag)\(logged).csv", csv)])
            logged += rows
        }
    }

    /// Runs `inspectctl uplink send` for `site`.
    @discardableResult
    func sendUplink(_ site: UplinkCenter.Site, _ extra: [String] = []) throws -> ProcessResult {
        try run(
            ["uplink", "send", "--url", site.url] + (site.passwordFile.map { ["--password-file", $0] } ?? []) + extra)
    }
}
