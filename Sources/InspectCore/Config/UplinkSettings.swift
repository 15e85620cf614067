/// `[Uplink]` of `inspectd.conf`: where the daemon sends the record's facts (a province's center), and how.
///
/// Without the section the daemon sends nothing. The URL is checked in full where it is used (the center's
/// connection parses it); here only what can be said without it: the scheme, and no password in it.
public struct UplinkSettings: Sendable, Equatable {
    public static let section = "Uplink"
    public static let keys = ["URL", "PasswordFile", "IntervalSec", "BehindAfterSec", "BatchSize"]

    /// `URL=`: the center, `postgresql://inspectd_site_NAME@HOST[:PORT]/DATABASE[?sslmode=…]`, with `sslcert=`,
    /// `sslkey=` and `sslrootcert=` when the site logs in with a client certificate (then without a password).
    public var url: String
    /// `PasswordFile=`: the site login's password; none where the URL names a client certificate. A relative name is
    /// looked up in `$CREDENTIALS_DIRECTORY`, where systemd puts what the unit's `LoadCredential=` names: the file
    /// need not be readable by the service's user.
    public var passwordFile: String?
    /// `IntervalSec=`: how often the daemon looks for facts to send when nothing nudges it (1–3600, default 10).
    public var interval: Int
    /// `BehindAfterSec=`: how old the oldest fact waiting may grow before the journal and `STATUS=` say the uplink
    /// is behind (10–604800, default 300).
    public var behindAfter: Int
    /// `BatchSize=`: facts per transaction at the center (100–50000, default 2000).
    public var batchSize: Int

    public init(
        url: String, passwordFile: String? = nil, interval: Int = 10, behindAfter: Int = 300, batchSize: Int = 2000
    ) {
        self.url = url
        self.passwordFile = passwordFile
        self.interval = interval
        self.behindAfter = behindAfter
        self.batchSize = batchSize
    }

    /// Reads `[Uplink]` of the merged `inspectd.conf`; nil when it has no `URL=`.
    /// - Throws: `InspectError.invalidConfig` at the first bad value.
    public init?(configuration: IniDocument) throws {
        try configuration.checkKeys(in: Self.section, allowed: Self.keys)
        guard let url = configuration.value("URL", in: Self.section) else {
            if let other = configuration.entries(in: Self.section).first {
                throw other.error("URL= first: [Uplink] without a URL sends nothing")
            }
            return nil
        }
        guard url.value.hasPrefix("postgresql://") || url.value.hasPrefix("postgres://") else {
            throw url.error("a postgresql:// URL")
        }
        if let authority = url.value.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first,
            let user = authority.split(separator: "@").first, authority.contains("@"), user.contains(":")
        {
            throw url.error("a URL without a password (give it in PasswordFile=)")
        }
        self.url = url.value
        passwordFile = configuration.value("PasswordFile", in: Self.section)?.value
        interval = try configuration.value("IntervalSec", in: Self.section)?.int(in: 1...3600) ?? 10
        behindAfter = try configuration.value("BehindAfterSec", in: Self.section)?.int(in: 10...604_800) ?? 300
        batchSize = try configuration.value("BatchSize", in: Self.section)?.int(in: 100...50_000) ?? 2000
    }
}
