import ArgumentParser
import Foundation
import InspectCentral

/// `inspectctl central site-add NAME RECORD URL [--password-file F] [--site-password-file OUT]`: a site's login.
struct CentralSiteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site-add", abstract: "Add a site to the center: its login, allowed to add only its own rows.",
        discussion: """
            RECORD is the site's record identity: 'inspectctl status --json' on the site shows it (report.record). \
            This creates the \
            login inspectd_site_NAME (dashes become underscores), a member of inspectd_sites, with a new random \
            password; the server receives only its SCRAM verifier. The password goes to --site-password-file \
            (created with mode 0600, never overwritten) or, without it, to standard output: hand it to the site, \
            which reads it from a file. Run 'inspectctl central init' first.
            """)

    @Argument(help: ArgumentHelp("The site's name: lowercase letters, digits and dashes.", valueName: "name"))
    var name: String
    @Argument(help: ArgumentHelp("The site's record identity (32 hexadecimal digits).", valueName: "record"))
    var record: String
    @OptionGroup var connection: CentralConnectionOptions
    @Option(help: ArgumentHelp("Write the site's new password to this file.", valueName: "file"))
    var sitePasswordFile: String?
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let sitePasswordFile, FileManager.default.fileExists(atPath: sitePasswordFile) {
            throw ValidationError("--site-password-file \(sitePasswordFile) exists; it is never overwritten")
        }
    }

    func run() throws {
        let (name, record) = (name, record)
        let added = try connection.withConnection("site-add") {
            try await CentralSites.add(name: name, recordID: record, on: $0)
        }
        guard let sitePasswordFile else {
            return try report(added, password: added.password)
        }
        let contents = Data((added.password + "\n").utf8)
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
        guard FileManager.default.createFile(atPath: sitePasswordFile, contents: contents, attributes: attributes)
        else {
            // The login exists now: its password must not be lost with the file.
            try report(added, password: added.password)
            FileHandle.standardError.write(
                Data("inspectctl: central site-add: cannot write \(sitePasswordFile)\n".utf8))
            throw ExitCode(73)
        }
        try report(added, passwordFile: sitePasswordFile)
    }

    /// What `--json` prints: the site, its login, and its password or where it was written.
    private struct Report: Encodable {
        var site: String
        var record: String
        var login: String
        var password: String?
        var passwordFile: String?
    }

    private func report(_ added: CentralSites.Added, password: String? = nil, passwordFile: String? = nil) throws {
        if options.json {
            let report = Report(
                site: added.name, record: added.recordID, login: added.login, password: password,
                passwordFile: passwordFile)
            return try Output.json(report, zone: .utc)
        }
        print("site \(added.name) added: record \(added.recordID), login \(added.login)")
        if let password { print("password: \(password)") }
        if let passwordFile { print("password written to \(passwordFile)") }
    }
}
