import InspectService
import Testing

/// The one order every program asks for its paths: flag, environment, configuration (the database), default.
@Suite("Where inspectd's files are")
struct ServicePathsTests {
    static let environment = [
        "INSPECTD_DATABASE": "/env/inspectd.db", "INSPECTD_SOCKET": "/env/io.inspectd",
        "INSPECTD_CONFIG": "/env/inspectd.conf",
    ]

    @Test("a flag beats the environment, which beats the configuration, which beats the default")
    func precedence() {
        let set = ServicePaths(environment: Self.environment)
        let unset = ServicePaths(environment: [:])
        #expect(set.database(flag: "/flag.db", configured: "/conf.db") == "/flag.db")
        #expect(set.database(flag: nil, configured: "/conf.db") == "/env/inspectd.db")
        #expect(unset.database(flag: nil, configured: "/conf.db") == "/conf.db")
        #expect(unset.database(flag: nil, configured: nil) == "/var/lib/inspectd/inspectd.db")
        #expect(set.socket(flag: "/flag.sock") == "/flag.sock")
        #expect(set.socket(flag: nil) == "/env/io.inspectd")
        #expect(unset.socket(flag: nil) == "/run/inspectd/io.inspectd")
    }

    @Test("a named configuration file must exist; the default may be absent")
    func configuration() {
        #expect(ServicePaths(environment: [:]).config(flag: "/flag.conf") == ("/flag.conf", true))
        #expect(ServicePaths(environment: Self.environment).config(flag: nil) == ("/env/inspectd.conf", true))
        #expect(ServicePaths(environment: [:]).config(flag: nil) == ("/etc/inspectd/inspectd.conf", false))
    }

    @Test("only a database named by flag or environment is named: the configuration's is the daemon's")
    func named() {
        #expect(ServicePaths(environment: Self.environment).namedDatabase(flag: nil) == "/env/inspectd.db")
        #expect(ServicePaths(environment: [:]).namedDatabase(flag: nil) == nil)
    }
}
