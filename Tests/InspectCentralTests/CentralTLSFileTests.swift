import Foundation
import InspectCentral
import InspectTesting
import Testing

/// The URL's certificate, key and authority files are read before connecting: a missing or wrong one is named in one
/// line with its own exit status, never NIOSSL's text or the key's contents; a bare name is a credential of the
/// service, as `[Uplink] PasswordFile=` is.
@Suite("The center's TLS files")
struct CentralTLSFileTests {
    /// Where nothing listens: every case here fails before connecting.
    static let place = "postgresql://inspectd_site_a@127.0.0.1:1/inspectd?sslmode=verify-full"

    /// What connecting to `url` throws.
    private func failure(_ url: String, credentialsDirectory: String? = nil) async -> CentralError? {
        await #expect(throws: CentralError.self) {
            _ = try await CentralConnection.connect(
                to: try CentralURL(url), password: nil, credentialsDirectory: credentialsDirectory)
        }
    }

    @Test("a certificate, key or authority file that cannot be read is named, with 66")
    func unreadable() async throws {
        let directory = TemporaryDirectory()
        let missing = directory.file("missing.crt")
        for url in [
            Self.place + "&sslcert=\(missing)&sslkey=\(missing)", Self.place + "&sslrootcert=\(missing)",
        ] {
            let error = await failure(url)
            #expect(error?.exitStatus == .noInput)
            #expect(error?.description.contains("cannot read") == true, "\(error?.description ?? "")")
            #expect(error?.description.contains(missing) == true)
        }
    }

    @Test("a file that holds no certificate or key is named, with 78, and what it holds is not shown")
    func notACertificate() async throws {
        let directory = TemporaryDirectory()
        let text = directory.write("secret.pem", "not-a-key-SECRET-CONTENTS\n")
        let authority = try TestAuthority(name: "unit test authority")
        let site = try authority.issue(commonName: "inspectd_site_a", file: "site")
        let cases = [
            (Self.place + "&sslcert=\(text)&sslkey=\(site.key)", "sslcert file \(text) holds no PEM certificate"),
            (Self.place + "&sslcert=\(site.certificate)&sslkey=\(text)", "sslkey file \(text) holds no"),
            (Self.place + "&sslrootcert=\(text)", "sslrootcert file \(text) holds no PEM certificate"),
            // A certificate given as its own key.
            (Self.place + "&sslcert=\(site.certificate)&sslkey=\(site.certificate)", "sslkey file"),
        ]
        for (url, why) in cases {
            let error = await failure(url)
            #expect(error?.exitStatus == .config)
            #expect(error?.description.contains(why) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("SECRET") == false)
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test("a key that is not the certificate's is refused with 78, naming both files")
    func mismatchedKey() async throws {
        let authority = try TestAuthority(name: "unit test authority")
        let site = try authority.issue(commonName: "inspectd_site_a", file: "site")
        let other = try authority.issue(commonName: "inspectd_site_b", file: "other")
        let error = await failure(Self.place + "&sslcert=\(site.certificate)&sslkey=\(other.key)")
        #expect(error?.exitStatus == .config)
        #expect(error?.description.contains("sslcert=\(site.certificate) with sslkey=\(other.key)") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("a bare file name is a credential of the service: read in $CREDENTIALS_DIRECTORY, refused outside it")
    func credentials() async throws {
        let credentials = TemporaryDirectory()
        credentials.write("site.crt", "not a certificate\n")
        credentials.write("site.key", "not a key\n")
        let url = Self.place + "&sslcert=site.crt&sslkey=site.key"

        let inService = await failure(url, credentialsDirectory: credentials.path)
        let outside = await failure(url)

        #expect(inService?.exitStatus == .config)
        #expect(inService?.description.contains(credentials.file("site.crt")) == true)
        #expect(outside?.exitStatus == .noInput)
        #expect(
            outside?.description.contains("sslcert=site.crt names a credential of the service (LoadCredential=)")
                == true, "\(outside?.description ?? "")")
    }
}
