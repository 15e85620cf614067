import Foundation
import InspectCentral
import InspectTesting
import PostgresNIO
import Testing

/// The uplink and the `central` commands logging in by TLS client certificate, against a real PostgreSQL with
/// `ssl=on` that accepts logins over TCP by certificate only (`hostssl … cert`), its certificates made for the test:
/// what arrives arrives encrypted under the site's name; a server not trusted, a certificate of another site or none
/// at all sends nothing.
@Suite(
    "Client certificates at a real center", .serialized,
    .enabled(if: PostgresServer.testsCanRun, Comment(rawValue: PostgresServer.unavailableReason))
)
struct UplinkCertificateTests {
    /// A center with TLS, and a seeded record with findings added there as site `nhan-ly` by certificate.
    private static func siteWithCertificate() async throws
        -> (UplinkCenter, CLIFixture, UplinkCenter.Site, TestAuthority.Issued)
    {
        let center = try await UplinkCenter.start(network: .tls)
        let cli = try CLIFixture.seeded()
        try cli.importFindings(40)
        let (site, issued) = try center.addWithCertificate(cli, as: "nhan-ly")
        return (center, cli, site, issued)
    }

    /// `site` with its URL's parameters replaced by `parameters`.
    private static func site(
        _ site: UplinkCenter.Site, at center: UplinkCenter, parameters: String
    ) throws
        -> UplinkCenter.Site
    {
        var changed = site
        changed.url = try #require(
            center.server.tcpURL(user: "inspectd_site_nhan_ly", parameters: parameters))
        return changed
    }

    /// Whether `result` failed with `status` and one line on standard error that contains `words`.
    private static func refused(_ result: ProcessResult, _ status: Int32, saying words: String) {
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(words), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test("verify-full with the center's authority and the site's certificate delivers the record, encrypted")
    func delivered() async throws {
        let (center, cli, site, _) = try await Self.siteWithCertificate()

        let sent = try cli.sendUplink(site)

        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 40)
        #expect(try await center.findingHashes(of: site) == cli.findingHashes())
        // The same URL, as the uplink used it, without a password: the server saw a TLS connection carrying the
        // site's certificate.
        let connection = try await CentralConnection.connect(to: try CentralURL(site.url), password: nil)
        let row = try await connection.run(
            "SELECT ssl, client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).first
        await connection.close()
        let (encrypted, subject) = try #require(try row?.decode((Bool, String?).self))
        #expect(encrypted)
        #expect(subject == "/CN=inspectd_site_nhan_ly")
        // site-add --certificate gave the login no password to guess.
        let passwords = try await center.count(
            "SELECT count(rolpassword) FROM pg_authid WHERE rolname = 'inspectd_site_nhan_ly'")
        #expect(passwords == 0)
        await center.server.stop()
    }

    @Test("the daemon's [Uplink] with a certificate URL and no PasswordFile= sends what the site writes")
    func daemonByCertificate() async throws {
        let center = try await UplinkCenter.start(network: .tls)
        let cli = try CLIFixture.seeded(mode: .socket)
        let (site, _) = try center.addWithCertificate(cli, as: "nhan-ly")
        let configuration = site.configuration(interval: 1)
        #expect(!configuration.contains("PasswordFile="))
        cli.directory.write("inspectd.conf", configuration)
        try cli.reloadDaemon()

        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])

        #expect(try await pollUntil(timeout: .seconds(60)) { try await center.findingHashes(of: site).count == 1 })
        #expect(try await center.findingHashes(of: site) == cli.findingHashes())
        await center.server.stop()
    }

    @Test("files named as the service's credentials are read in $CREDENTIALS_DIRECTORY")
    func credentialsDirectory() async throws {
        let (center, cli, site, issued) = try await Self.siteWithCertificate()
        let directory = (issued.certificate as NSString).deletingLastPathComponent
        let authority = try #require(center.server.authority)
        #expect((authority.certificate as NSString).deletingLastPathComponent == directory)
        let bare = try Self.site(
            site, at: center,
            parameters: "sslmode=verify-full&sslcert=site-nhan-ly.crt&sslkey=site-nhan-ly.key"
                + "&sslrootcert=authority.crt")

        let sent = try cli.run(
            ["uplink", "send", "--url", bare.url], environment: ["CREDENTIALS_DIRECTORY": directory])

        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 40)
        await center.server.stop()
    }

    @Test("verify-ca checks the chain but not the name: at an address the certificate does not name, only it connects")
    func verifyCA() async throws {
        let (center, cli, site, issued) = try await Self.siteWithCertificate()
        let authority = try #require(center.server.authority)
        let files = "sslcert=\(issued.certificate)&sslkey=\(issued.key)&sslrootcert=\(authority.certificate)"
        var full = site
        full.url = try #require(
            center.server.tcpURL(
                user: "inspectd_site_nhan_ly", host: "127.0.0.2", parameters: "sslmode=verify-full&" + files))
        var chainOnly = full
        chainOnly.url = full.url.replacingOccurrences(of: "verify-full", with: "verify-ca")

        let refused = try cli.sendUplink(full)
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 0)
        let sent = try cli.sendUplink(chainOnly)

        Self.refused(refused, 77, saying: "TLS handshake failed: the server's certificate does not name 127.0.0.2")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 40)
        await center.server.stop()
    }

    @Test("a server whose certificate another authority signed is refused in one line, 77, and nothing is sent")
    func wrongAuthority() async throws {
        let (center, cli, site, issued) = try await Self.siteWithCertificate()
        let stranger = try TestAuthority(name: "another authority")
        let wrong = try Self.site(
            site, at: center,
            parameters: "sslmode=verify-full&sslcert=\(issued.certificate)&sslkey=\(issued.key)"
                + "&sslrootcert=\(stranger.certificate)")

        let result = try cli.sendUplink(wrong)

        Self.refused(
            result, 77,
            saying: "TLS handshake failed: certificate verify failed: the server's certificate does not check "
                + "against sslrootcert=\(stranger.certificate)")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 0)
        await center.server.stop()
    }

    @Test("a certificate whose CN is another site's login is refused, 77, and nothing is sent")
    func anotherSitesCertificate() async throws {
        let (center, cli, site, _) = try await Self.siteWithCertificate()
        let authority = try #require(center.server.authority)
        let other = try authority.issue(commonName: "inspectd_site_dong_dang", file: "dong-dang")
        let borrowed = try Self.site(
            site, at: center,
            parameters: "sslmode=verify-full&sslcert=\(other.certificate)&sslkey=\(other.key)"
                + "&sslrootcert=\(authority.certificate)")

        let result = try cli.sendUplink(borrowed)

        Self.refused(result, 77, saying: "certificate authentication failed for user \"inspectd_site_nhan_ly\"")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 0)
        await center.server.stop()
    }

    @Test("no client certificate where the server demands one is refused, 77, and nothing is sent")
    func noCertificate() async throws {
        let (center, cli, site, _) = try await Self.siteWithCertificate()
        let authority = try #require(center.server.authority)
        let bare = try Self.site(
            site, at: center, parameters: "sslmode=verify-full&sslrootcert=\(authority.certificate)")

        let result = try cli.sendUplink(bare)

        Self.refused(result, 77, saying: "connection requires a valid client certificate")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 0)
        await center.server.stop()
    }

    @Test("sslmode=require against a server without TLS says the server does not offer it, 69")
    func serverWithoutTLS() async throws {
        let server = try await PostgresServer.start(network: .tcp)
        let url = try #require(
            server.tcpURL(user: PostgresServer.superuser, host: "127.0.0.1", parameters: "sslmode=require"))

        let result = try ProcessRunner.run(
            BuiltProducts.inspectctl,
            ["central", "sites", url, "--password-file", server.passwordFile(server.superuserPassword)])

        Self.refused(result, 69, saying: "the server does not offer TLS")
        await server.stop()
    }

    @Test("central sites and report summary --central log in by certificate, with no password file")
    func centralCommandsByCertificate() async throws {
        let (center, cli, site, _) = try await Self.siteWithCertificate()
        _ = try cli.sendUplink(site)
        // The reporting role, as a certificate login: what a province's analyst is given.
        let authority = try #require(center.server.authority)
        let analyst = try authority.issue(commonName: "analyst", file: "analyst")
        _ = try await center.column(Int.self, "CREATE ROLE analyst LOGIN IN ROLE inspectd_reporting")
        let url = try #require(
            center.server.tcpURL(
                user: "analyst",
                parameters: "sslmode=verify-full&sslcert=\(analyst.certificate)&sslkey=\(analyst.key)"
                    + "&sslrootcert=\(authority.certificate)"))

        let sites = try ProcessRunner.run(BuiltProducts.inspectctl, ["central", "sites", url, "--json"])
        let summary = try cli.run(["report", "summary", "--central", url, "--json"])

        #expect(sites.status == 0, "\(sites.stderr)")
        #expect(sites.stdout.contains("nhan-ly"), "\(sites.stdout)")
        #expect(summary.status == 0, "\(summary.stderr)")
        await center.server.stop()
    }
}
