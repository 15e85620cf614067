import Foundation
import InspectCore

/// A password read from a file: the file's first line, as a credential file given with `LoadCredential=` or written by
/// `central site-add` holds it. A file keeps the password out of `ps`, shell histories and the environment.
public enum CentralPassword {
    /// The password in `path`.
    ///
    /// - Throws: ``CentralError``: 66 when the file cannot be read, 65 when it is empty.
    public static func read(from path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CentralError("cannot read password file \(path): \(String(cString: strerror(errno)))", .noInput)
        }
        let line =
            String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .first.map(String.init) ?? ""
        guard !line.isEmpty else { throw CentralError("password file \(path) is empty", .dataError) }
        return line
    }

    /// A new random password for a site's login: 32 hexadecimal digits (128 bits), safe in any quoting.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension UplinkSettings {
    /// The uplink's password: `PasswordFile=` as a path, or, when it is a bare name, the credential of that name in
    /// `$CREDENTIALS_DIRECTORY` (the unit's `LoadCredential=`); nil when no password is configured.
    /// - Throws: ``CentralError``: 66 when the file cannot be read or a credential is named outside the service.
    public func password(credentialsDirectory: String?) throws -> String? {
        guard let file = passwordFile else { return nil }
        return try CentralPassword.read(
            from: CredentialFile.path(
                file, setting: "[Uplink] PasswordFile=\(file)", otherwise: "give the file with --password-file",
                credentialsDirectory: credentialsDirectory))
    }
}
