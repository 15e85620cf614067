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
            "postgresql://admin@host/db?sslmode=verify-ca", "postgresql://admin@host:0/db",
            "postgresql://admin@/db?host=/run/postgresql&sslmode=require", "postgresql://admin@host/db?options=x",
        ])
    func refused(_ text: String) {
        let error = #expect(throws: CentralError.self) { try CentralURL(text) }
        #expect(error?.exitStatus == .usage)
    }
}
