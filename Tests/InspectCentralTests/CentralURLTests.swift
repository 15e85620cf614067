import InspectCentral
import Testing

@Suite("The center's URL")
struct CentralURLTests {
    @Test("a TCP URL gives host, port, user, database, and libpq's default TLS mode")
    func tcp() throws {
        let url = try CentralURL("postgresql://inspectd_site_a@center.example:6543/inspectd")
        #expect(url.endpoint == .tcp(host: "center.example", port: 6543))
        #expect(url.user == "inspectd_site_a")
        #expect(url.database == "inspectd")
        #expect(url.tls == .prefer)
    }

    @Test("a socket directory as an encoded host or as ?host= gives the socket's path, without TLS")
    func socket() throws {
        let encoded = try CentralURL("postgresql://admin@%2Frun%2Fpostgresql/inspectd")
        let query = try CentralURL("postgresql://admin@/inspectd?host=/run/postgresql&port=5433")
        #expect(encoded.endpoint == .socket(path: "/run/postgresql/.s.PGSQL.5432"))
        #expect(query.endpoint == .socket(path: "/run/postgresql/.s.PGSQL.5433"))
        #expect(encoded.tls == .disable)
    }

    @Test(
        "a URL without what a connection needs, with a password, or with an unknown mode is refused with 64",
        arguments: [
            "http://admin@host/db", "postgresql://host/db", "postgresql://admin@host", "postgresql://admin:pw@host/db",
            "postgresql://admin@host/db?sslmode=verify-none", "postgresql://admin@host:0/db",
            "postgresql://admin@/db?host=/run/postgresql&sslmode=require", "postgresql://admin@host/db?options=x",
        ])
    func refused(_ text: String) {
        let error = #expect(throws: CentralError.self) { try CentralURL(text) }
        #expect(error?.exitStatus == .usage)
    }

    @Test("sslcert, sslkey and sslrootcert are kept as written, with verify-ca as a mode")
    func tlsFiles() throws {
        let url = try CentralURL(
            "postgresql://inspectd_site_a@center.example/inspectd?sslmode=verify-ca&sslcert=site.crt"
                + "&sslkey=/etc/inspectd/site.key&sslrootcert=center-ca.crt")
        #expect(url.tls == .verifyCA)
        #expect(
            url.tlsFiles
                == .init(certificate: "site.crt", key: "/etc/inspectd/site.key", authority: "center-ca.crt"))
        let authorityOnly = try CentralURL("postgresql://a@center.example/inspectd?sslrootcert=/ca.crt")
        #expect(authorityOnly.tlsFiles == .init(authority: "/ca.crt"))
        #expect(authorityOnly.tls == .prefer)
    }

    @Test(
        "TLS files that could not be used are refused with 64, in one line that says why",
        arguments: [
            ("postgresql://a@h/db?sslcert=/site.crt", "sslcert needs sslkey"),
            ("postgresql://a@h/db?sslmode=verify-full&sslkey=/site.key", "sslkey needs sslcert"),
            ("postgresql://a@h/db?sslcert=&sslkey=/site.key", "parameter 'sslcert' is empty"),
            ("postgresql://a@/db?host=/run/postgresql&sslcert=/c&sslkey=/k", "a Unix socket does not use TLS: sslcert"),
            (
                "postgresql://a@%2Frun%2Fpostgresql/db?sslrootcert=/ca.crt",
                "a Unix socket does not use TLS: sslrootcert"
            ),
            ("postgresql://a@/db?host=/run/postgresql&sslmode=verify-ca", "a Unix socket does not use TLS"),
            ("postgresql://a@h/db?sslmode=disable&sslcert=/c&sslkey=/k", "sslcert needs TLS, and sslmode is disable"),
            ("postgresql://a@h/db?sslmode=disable&sslrootcert=/ca.crt", "sslrootcert needs TLS"),
            ("postgresql://a@h/db?sslpassword=x", "unknown parameter 'sslpassword'"),
        ])
    func refusedTLS(_ text: String, _ why: String) {
        let error = #expect(throws: CentralError.self) { try CentralURL(text) }
        #expect(error?.exitStatus == .usage)
        #expect(error?.description.contains(why) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("\n") == false)
    }
}
