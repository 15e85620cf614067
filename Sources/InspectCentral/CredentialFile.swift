/// Where a file the center's connection reads is: a path as it is, or a bare name as a credential of the service in
/// `$CREDENTIALS_DIRECTORY`, where systemd puts what the unit's `LoadCredential=` names. The service's user need not be
/// able to read the original, and the unit says in one place which secrets it gets. One rule for `PasswordFile=` and
/// the URL's `sslcert`, `sslkey` and `sslrootcert`.
public enum CredentialFile {
    /// The path of `name`: itself when it starts with `/`, else in `credentialsDirectory`.
    ///
    /// - Parameters:
    ///   - setting: How the name was given, for the message: `[Uplink] PasswordFile=site-password`.
    ///   - otherwise: What to do instead outside the service, for the message.
    /// - Throws: ``CentralError`` (66) for a bare name outside the service (no `credentialsDirectory`).
    public static func path(
        _ name: String, setting: String, otherwise: String = "give the file's full path",
        credentialsDirectory: String?
    ) throws -> String {
        if name.hasPrefix("/") { return name }
        guard let credentialsDirectory else {
            throw CentralError(
                "\(setting) names a credential of the service (LoadCredential=), which only the service can read; "
                    + otherwise, .noInput)
        }
        return credentialsDirectory + "/" + name
    }
}
