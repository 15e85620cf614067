import Foundation
import InspectCore
import PostgresNIO

/// The TLS of a connection to the center, from the URL's `sslmode`, `sslcert`, `sslkey` and `sslrootcert`, as libpq
/// makes it. The files are read here, before connecting, so that a missing or wrong file is named in one line
/// (66 unreadable, 78 not a certificate or key) rather than surfacing as a failed handshake.
enum CentralTLS {
    /// NIOSSL's client configuration for `url`, or `.disable`.
    ///
    /// - Parameter credentialsDirectory: Where a bare file name is looked up (``CredentialFile``).
    static func configuration(
        for url: CentralURL, credentialsDirectory: String?
    ) throws -> PostgresConnection.Configuration.TLS {
        if url.tls == .disable { return .disable }
        let files = url.tlsFiles
        var tls = TLSConfiguration.makeClientConfiguration()
        if let authority = files.authority {
            let path = try resolve(authority, "sslrootcert", credentialsDirectory)
            tls.trustRoots = .certificates(try certificates(at: path, "sslrootcert"))
        }
        switch url.tls {
        case .verifyFull: tls.certificateVerification = .fullVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        // As libpq: an authority given is an authority checked, even where the mode alone would not check.
        case .prefer, .require, .disable:
            tls.certificateVerification = files.authority == nil ? .none : .noHostnameVerification
        }
        if let certificate = files.certificate, let key = files.key {
            let chain = try certificates(at: resolve(certificate, "sslcert", credentialsDirectory), "sslcert")
            tls.certificateChain = chain.map { .certificate($0) }
            tls.privateKey = .privateKey(try privateKey(at: resolve(key, "sslkey", credentialsDirectory)))
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            let pair = files.certificate.map { "sslcert=\($0) with sslkey=\(files.key ?? "")" } ?? "the URL's TLS files"
            throw CentralError("cannot use \(pair): \(reason(error))", .config)
        }
        return url.tls == .prefer ? .prefer(context) : .require(context)
    }

    /// Why the TLS handshake with the server at `url` failed, for a person: what was not trusted, and against what.
    static func handshakeFailure(_ error: any Error, url: CentralURL) -> String {
        let authority = url.tlsFiles.authority.map { "sslrootcert=\($0)" } ?? "the system's trusted authorities"
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let host = if case .tcp(let host, _) = url.endpoint { host } else { url.place }
            return "the server's certificate does not name \(host) (sslmode=verify-full checks the name; verify-ca "
                + "does not)"
        }
        let why = reason(error)
        if why.contains("certificate verify failed") {
            return "\(why): the server's certificate does not check against \(authority) (another authority signed "
                + "it, or it has expired)"
        }
        return why
    }

    /// Why a TLS operation failed, in BoringSSL's words without its error codes and source lines:
    /// `certificate verify failed`, `key values mismatch`.
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        let reasons = text.matches(of: /error:[0-9A-Fa-f]+:[^:]*:[^:]*:([A-Za-z0-9_]+)/).map {
            $0.output.1.lowercased().replacingOccurrences(of: "_", with: " ")
        }
        if !reasons.isEmpty { return reasons.joined(separator: ", ") }
        if let extra = error as? NIOSSLExtraError { return String(describing: extra) }
        return text
    }

    private static func resolve(_ name: String, _ parameter: String, _ directory: String?) throws -> String {
        try CredentialFile.path(name, setting: "\(parameter)=\(name)", credentialsDirectory: directory)
    }

    /// The file's bytes. - Throws: ``CentralError`` (66) naming the file when it cannot be read.
    private static func contents(of path: String, _ parameter: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CentralError("cannot read \(parameter) file \(path): \(String(cString: strerror(errno)))", .noInput)
        }
        return Array(data)
    }

    /// The PEM certificates in `path`, the first one the leaf. - Throws: ``CentralError``: 66, or 78 for a file
    /// that holds none.
    private static func certificates(at path: String, _ parameter: String) throws -> [NIOSSLCertificate] {
        let bytes = try contents(of: path, parameter)
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(bytes), !certificates.isEmpty else {
            throw CentralError("\(parameter) file \(path) holds no PEM certificate", .config)
        }
        return certificates
    }

    /// The PEM private key in `path`, unencrypted. - Throws: ``CentralError``: 66, or 78 for a file that holds none
    /// (its contents are never shown).
    private static func privateKey(at path: String) throws -> NIOSSLPrivateKey {
        let bytes = try contents(of: path, "sslkey")
        guard let key = try? NIOSSLPrivateKey(bytes: bytes, format: .pem) else {
            throw CentralError("sslkey file \(path) holds no unencrypted PEM private key", .config)
        }
        return key
    }
}
