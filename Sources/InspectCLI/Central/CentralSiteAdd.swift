import ArgumentParser
import Foundation
import InspectCentral

/// `inspectctl central site-add NAME RECORD URL [--password-file F] [--site-password-file OUT | --certificate]`: a
/// site's login.
struct CentralSiteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site-add", abstract: "Add a site to the center: its login, allowed to add only its own rows.",
        discussion: """
            RECORD is the site's record identity: 'inspectctl status --json' on the site shows it (report.record). \
            This creates the \
            login inspectd_site_NAME (dashes become underscores), a member of inspectd_sites, with a new random \
            password; the server receives only its SCRAM verifier. The password goes to --site-password-file \
            (created with mode 0600, never overwritten) or, without it, to standard output: hand it to the site, \
            which reads it from a file. With --certificate the login has no password: the site logs in with a TLS \
            client certificate whose CN is the login (inspectd_site_NAME), which the server checks with a \
            'hostssl ... cert' line of pg_hba.conf; the site's URL then names it: \
            ?sslmode=verify-full&sslcert=FILE&sslkey=FILE&sslrootcert=FILE. Run 'inspectctl central init' first.
            """)

    @Argument(help: ArgumentHelp("The site's name: lowercase letters, digits and dashes.", valueName: "name"))
    var name: String
    @Argument(help: ArgumentHelp("The site's record identity (32 hexadecimal digits).", valueName: "record"))
    var record: String
    @OptionGroup var connection: CentralConnectionOptions
    @Option(help: ArgumentHelp("Write the site's new password to this file.", valueName: "file"))
    var sitePasswordFile: String?
    @Flag(
        help: ArgumentHelp(
            "Give the login no password: the site logs in with a client certificate whose CN is inspectd_site_NAME."
        ))
    var certificate = false
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if certificate, sitePasswordFile != nil {
            throw ValidationError("--certificate gives the site no password: --site-password-file has nothing to write")
        }
        if let sitePasswordFile, FileManager.default.fileExists(atPath: sitePasswordFile) {
            throw ValidationError("--site-password-file \(sitePasswordFile) exists; it is never overwritten")
        }
    }

    func run() throws {
        let (name, record) = (name, record)
        let credential: CentralSites.Credential = certificate ? .certificate : .password
        let added = try connection.withConnection("site-add") {
            try await CentralSites.add(name: name, recordID: record, credential: credential, on: $0)
        }
        guard let password = added.password else { return try report(added) }
        guard let sitePasswordFile else {
            return try report(added, password: password)
        }
        let contents = Data((password + "\n").utf8)
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
        guard FileManager.default.createFile(atPath: sitePasswordFile, contents: contents, attributes: attributes)
        else {
            // The login exists now: its password must not be lost with the file.
            try report(added, password: password)
            FileHandle.standardError.write(
                Data("inspectctl: central site-add: cannot write \(sitePasswordFile)\n".utf8))
            throw ExitCode(73)
        }
        try report(added, passwordFile: sitePasswordFile)
    }

    /// What `--json` prints: the site, its login, and its password or where it was written, or the CN its client
    /// certificate must carry.
    private struct Report: Encodable {
        var site: String
        var record: String
        var login: String
        var password: String?
        var passwordFile: String?
        var certificateSubject: String?
    }

    private func report(_ added: CentralSites.Added, password: String? = nil, passwordFile: String? = nil) throws {
        if options.json {
            let report = Report(
                site: added.name, record: added.recordID, login: added.login, password: password,
                passwordFile: passwordFile, certificateSubject: added.password == nil ? "CN=\(added.login)" : nil)
            return try Output.json(report, zone: .utc)
        }
        print("site \(added.name) added: record \(added.recordID), login \(added.login)")
        if added.password == nil {
            print(
                "no password: the site's client certificate must carry CN=\(added.login) (PostgreSQL's cert method "
                    + "maps the CN to the login)")
        }
        if let password { print("password: \(password)") }
        if let passwordFile { print("password written to \(passwordFile)") }
    }
}
