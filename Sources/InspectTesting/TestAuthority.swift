import Foundation

/// A certificate authority of the tests' own, made with the `openssl` command in a temporary directory: it signs a
/// PostgreSQL server's certificate and the sites' client certificates. Nothing of it outlives the test; no key or
/// certificate is kept in the repository.
public final class TestAuthority: Sendable {
    /// A certificate and its private key, as PEM files.
    public struct Issued: Sendable {
        public var certificate: String
        public var key: String
    }

    private let directory: TemporaryDirectory
    private let name: String
    /// The authority's own certificate: what a client's `sslrootcert` or a server's `ssl_ca_file` names.
    public let certificate: String
    private let key: String

    /// Makes a new authority, `CN=name`, valid for two days.
    public init(name: String) throws {
        directory = TemporaryDirectory(prefix: "inspectd-authority")
        self.name = name
        certificate = directory.file("authority.crt")
        key = directory.file("authority.key")
        try Self.openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", certificate, "-days", "2", "-subj", "/CN=\(name)",
        ])
    }

    /// A certificate for `commonName` signed by this authority, with `hosts` (names and IP addresses) as its
    /// subject alternative names when given: a server's. Its files are named after `file` in the authority's
    /// directory.
    public func issue(commonName: String, hosts: [String] = [], file: String) throws -> Issued {
        let issued = Issued(certificate: directory.file("\(file).crt"), key: directory.file("\(file).key"))
        let request = directory.file("\(file).csr")
        try Self.openssl([
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
            issued.key, "-out", request, "-subj", "/CN=\(commonName)",
        ])
        let names = hosts.map { $0.first?.isNumber == true ? "IP:\($0)" : "DNS:\($0)" }
        var extensions = "basicConstraints=CA:FALSE\n"
        if !names.isEmpty { extensions += "subjectAltName=\(names.joined(separator: ","))\n" }
        let extensionsFile = directory.write("\(file).ext", extensions)
        try Self.openssl([
            "x509", "-req", "-in", request, "-CA", certificate, "-CAkey", key, "-set_serial",
            String(UInt32.random(in: 1...UInt32.max)), "-days", "2", "-extfile", extensionsFile, "-out",
            issued.certificate,
        ])
        return issued
    }

    private static func openssl(_ arguments: [String]) throws {
        let result = try SystemTool.run("openssl", arguments)
        guard result.status == 0 else {
            throw HarnessError("openssl \(arguments.first ?? "") failed (\(result.status)): \(result.errorOutput)")
        }
    }
}
