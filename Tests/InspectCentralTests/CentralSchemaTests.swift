import Foundation
import InspectCentral
import InspectTesting
import PostgresNIO
import Testing

/// `central init` and `central site-add` against a real PostgreSQL (``PostgresServer``), and what the roles they
/// create may and may not do.
@Suite(
    "The center's schema in a real PostgreSQL",
    .enabled(if: PostgresServer.testsCanRun, Comment(rawValue: PostgresServer.unavailableReason))
)
struct CentralSchemaTests {
    @Test("init creates every version once, and running it again applies nothing")
    func initTwice() async throws {
        let server = try await PostgresServer.start()
        let password = server.passwordFile(server.superuserPassword)

        let first = try await ctl(["central", "init", server.url(), "--password-file", password])
        let second = try await ctl(["central", "init", server.url(), "--password-file", password])

        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "center schema at version 8 (applied 1, 2, 3, 4, 5, 6, 7, 8)\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "center schema is up to date (version 8)\n")
        let json = try await ctl(["central", "init", server.url(), "--password-file", password, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        struct Outcome: Decodable, Equatable {
            var applied: [Int]
            var current: Int
        }
        #expect(
            try JSONDecoder().decode(Outcome.self, from: Data(json.stdout.utf8)) == Outcome(applied: [], current: 8))
        let admin = try await connect(server, password: server.superuserPassword)
        #expect(try await CentralMigrator.versions(admin) == [1, 2, 3, 4, 5, 6, 7, 8])
        await admin.close()
        await server.stop()
    }

    @Test("init and site-add work for the database's owner who may create roles, not only for a superuser")
    func byOwner() async throws {
        let server = try await PostgresServer.start()
        let admin = try await connect(server, password: server.superuserPassword)
        let ownerPassword = UUID().uuidString
        try await admin.run(PostgresQuery(unsafeSQL: "CREATE ROLE owner LOGIN CREATEROLE PASSWORD '\(ownerPassword)'"))
        try await admin.run("CREATE DATABASE center OWNER owner")
        await admin.close()
        let url = server.url(user: "owner", database: "center")
        let password = server.passwordFile(ownerPassword)

        let initialized = try await ctl(["central", "init", url, "--password-file", password])
        let added = try await ctl(["central", "site-add", "north", Self.record("a"), url, "--password-file", password])

        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(added.status == 0, "\(added.stderr)")
        let sitePassword = try #require(added.stdout.split(separator: "\n").last?.split(separator: " ").last)
        let site = try await CentralConnection.connect(
            to: try CentralURL(server.url(user: "inspectd_site_north", database: "center")),
            password: String(sitePassword))
        try await site.run(Self.office(row: 1, code: "N-1"))
        await site.close()
        await server.stop()
    }

    @Test("a site's login adds its own rows and reads only them; another site's row, UPDATE and DELETE are refused")
    func siteRowsAreItsOwn() async throws {
        let center = try await TwoSites.start()
        let (admin, north, south) = (center.admin, center.north, center.south)
        let (northSite, southSite) = (center.northSite, center.southSite)

        try await southSite.run(Self.office(row: 1, code: "S-1"))
        try await northSite.run(Self.office(row: 1, code: "N-1"))
        let visible = try await northSite.run("SELECT site, code FROM center.office").map {
            try $0.decode((String, String).self)
        }
        #expect(visible.map(\.0) == [north.recordID])
        #expect(visible.map(\.1) == ["N-1"])

        let forged = try await refusal {
            try await northSite.run(
                """
                INSERT INTO center.office (site, row_id, code, name, kind, hours_profile, created_at)
                VALUES (\(south.recordID), 2, 'S-2', 'forged', 'commune', 'default', now())
                """)
        }
        #expect(forged.exitStatus == .noPermission)
        #expect(forged.description.contains("row-level security"), "\(forged)")
        let update = try await refusal { try await northSite.run("UPDATE center.office SET name = 'renamed'") }
        #expect(update.exitStatus == .noPermission)
        #expect(update.description.contains("permission denied"), "\(update)")
        let delete = try await refusal { try await northSite.run("DELETE FROM center.office") }
        #expect(delete.exitStatus == .noPermission)
        let sites = try await refusal { try await northSite.run("SELECT * FROM center.site") }
        #expect(sites.exitStatus == .noPermission)

        let stored = try await admin.run("SELECT site, name FROM center.office ORDER BY code").map {
            try $0.decode((String, String).self)
        }
        #expect(stored.map(\.0) == [north.recordID, south.recordID])
        #expect(stored.map(\.1) == ["office N-1", "office S-1"])
        await center.stop()
    }

    @Test(
        "a site adds findings only through add_findings, which keeps apart the first that breaks the chain and all after"
    )
    func findingsContinueTheChain() async throws {
        let center = try await TwoSites.start()
        let (admin, north, south) = (center.admin, center.north, center.south)
        let (northSite, southSite) = (center.northSite, center.southSite)
        for site in [northSite, southSite] {
            try await site.run(Self.office(row: 1, code: "O-1"))
            try await site.run(Self.inspection(row: 1, office: 1))
        }
        func kept(_ table: String) async throws -> [String] {
            try await admin.run(
                PostgresQuery(unsafeSQL: "SELECT site || ':' || row_id FROM center.\(table) ORDER BY 1")
            )
            .map { try $0.decode(String.self) }
        }
        let direct = try await refusal {
            try await northSite.run(
                """
                INSERT INTO center.finding (row_id, inspection_row_id, violation, observed_at, recorded_by,
                    recorded_at, action, prev_hash, hash)
                VALUES (9, 1, 'SMOKE', now(), 'root', now(), 'record', 'h8', 'h9')
                """)
        }
        #expect(direct.exitStatus == .noPermission)
        #expect(direct.description.contains("permission denied"), "\(direct)")
        let notASite = try await refusal { try await admin.run(Self.findings([(1, "h0", "h1")])) }
        #expect(notASite.description.contains("only a site adds findings"), "\(notASite)")

        try await northSite.run(Self.findings([(1, "h0", "h1"), (2, "h1", "h2")]))
        try await northSite.run(Self.findings([(3, "h2", "h3"), (4, "hx", "h4"), (5, "h4", "h5")]))
        try await northSite.run(Self.findings([(6, "h5", "h6")]))
        try await southSite.run(Self.findings([(1, "h0", "s1"), (2, "s1", "s2")]))
        try await southSite.run(Self.findings([(2, "s1", "t2"), (3, "t2", "t3")]))

        let (n, s) = (north.recordID, south.recordID)
        #expect(try await kept("finding") == ["\(n):1", "\(n):2", "\(n):3", "\(s):1", "\(s):2"])
        #expect(try await kept("divergent_finding") == ["\(n):4", "\(n):5", "\(n):6", "\(s):2", "\(s):3"])
        let flags = try await admin.run("SELECT site, reason FROM center.site_flag ORDER BY site").map {
            try $0.decode((String, String).self)
        }
        #expect(flags.map(\.0) == [n, s])
        #expect(
            flags.map(\.1) == [
                "finding 4 does not continue finding 3: the record was rewritten",
                "finding 2 arrived after finding 2: the record was cut or restored from a backup",
            ])
        await center.stop()
    }

    @Test(
        "a batch of findings naming an inspection or a finding its site has not sent is refused whole, as the keys did"
    )
    func findingsNameTheirSitesFacts() async throws {
        let center = try await TwoSites.start()
        let (admin, north, south) = (center.admin, center.north, center.south)
        let (northSite, southSite) = (center.northSite, center.southSite)
        try await northSite.run(Self.office(row: 1, code: "O-1"))
        try await northSite.run(Self.inspection(row: 1, office: 1))
        // South holds an inspection 2 and a finding 7; north holds neither.
        try await southSite.run(Self.office(row: 1, code: "O-1"))
        try await southSite.run(Self.inspection(row: 2, office: 1))
        try await southSite.run(Self.findings([(7, "h0", "s7")], inspection: 2))

        let (n, s) = (north.recordID, south.recordID)
        let refusals: [(batch: PostgresQuery, reason: String)] = [
            (
                Self.findings([(1, "h0", "h1"), (2, "h1", "h2")], inspection: 2),
                "finding 1 of site \(n) names inspection 2, which the center does not hold"
            ),
            (
                Self.findings([(1, "h0", "h1"), (2, "h1", "h2")], corrections: [2: 7]),
                "finding 2 of site \(n) corrects finding 7, which the center does not hold"
            ),
        ]
        for (batch, reason) in refusals {
            let refused = try await refusal { try await northSite.run(batch) }
            #expect(refused.sqlState == "23503", "\(refused)")
            #expect(refused.description.contains(reason), "\(refused)")
        }
        // A finding may correct one earlier in its own batch, or one sent before.
        try await northSite.run(Self.findings([(1, "h0", "h1"), (2, "h1", "h2")], corrections: [2: 1]))
        try await northSite.run(Self.findings([(3, "h2", "h3")], corrections: [3: 2]))

        let stored = try await admin.run("SELECT site || ':' || row_id FROM center.finding ORDER BY 1").map {
            try $0.decode(String.self)
        }
        #expect(stored == ["\(n):1", "\(n):2", "\(n):3", "\(s):7"])
        let flags = try await admin.run("SELECT count(*) FROM center.site_flag").first?.decode(Int.self)
        #expect(flags == 0)
        await center.stop()
    }

    @Test("a site's temporary objects never run with the owner's rights in the center's functions")
    func temporaryObjectsStayTheSite() async throws {
        let server = try await PostgresServer.start()
        let admin = try await connect(server, password: server.superuserPassword)
        _ = try await CentralMigrator.migrate(admin)
        let north = try await CentralSites.add(name: "north", recordID: Self.record("a"), on: admin)
        let site = try await connect(server, user: north.login, password: north.password)
        try await site.run(Self.office(row: 1, code: "O-1"))
        try await site.run(Self.inspection(row: 1, office: 1))
        // A function that takes the office over when it runs with the owner's rights, and a type named as one the
        // functions use, checked by it: found first unless the functions search the temporary schema last.
        try await site.run(
            """
            CREATE FUNCTION pg_temp.take_over(pg_catalog.text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                BEGIN
                    UPDATE center.office SET name = 'taken over';
                EXCEPTION WHEN insufficient_privilege THEN NULL;
                END;
                RETURN true;
            END $$
            """)
        try await site.run("CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (pg_temp.take_over(VALUE))")

        try await site.run(Self.findings([(1, "h0", "h1"), (2, "hx", "h2")]))
        try await site.run(Self.office(row: 2, code: "O-2"))

        let names = try await admin.run("SELECT name FROM center.office ORDER BY row_id").map {
            try $0.decode(String.self)
        }
        #expect(names == ["office O-1", "office O-2"])
        // Every function that runs with its owner's rights searches the temporary schema last.
        let settings = try await admin.run(
            """
            SELECT proname, array_to_string(proconfig, ';') FROM pg_proc
            WHERE pronamespace = 'center'::regnamespace AND prosecdef ORDER BY proname
            """
        ).map { try $0.decode((String, String).self) }
        #expect(settings.map(\.0) == ["add_findings", "current_site"])
        for (name, setting) in settings {
            #expect(setting == "search_path=pg_catalog, pg_temp", "\(name)")
        }
        for connection in [site, admin] { await connection.close() }
        await server.stop()
    }

    @Test("the reporting role reads the views over every site, and neither writes nor reads the tables")
    func reportingReadsViewsOnly() async throws {
        let server = try await PostgresServer.start()
        let admin = try await connect(server, password: server.superuserPassword)
        _ = try await CentralMigrator.migrate(admin)
        for (name, digit) in [("north", "a"), ("south", "b")] as [(String, Character)] {
            let added = try await CentralSites.add(name: name, recordID: Self.record(digit), on: admin)
            let site = try await connect(server, user: added.login, password: added.password)
            try await site.run(Self.office(row: 1, code: name))
            await site.close()
        }
        let readerPassword = UUID().uuidString
        try await admin.run(
            PostgresQuery(
                unsafeSQL: "CREATE ROLE reader LOGIN PASSWORD '\(readerPassword)' IN ROLE \(CentralRoles.reporting)"))
        let reader = try await connect(server, user: "reader", password: readerPassword)

        let sites = try await reader.run("SELECT name, offices FROM reporting.sites ORDER BY name").map {
            try $0.decode((String, Int).self)
        }
        #expect(sites.map(\.0) == ["north", "south"])
        #expect(sites.map(\.1) == [1, 1])
        for statement: PostgresQuery in [
            // The views join several tables, so PostgreSQL cannot write through them whatever the grants.
            "UPDATE reporting.sites SET name = 'renamed'", "DELETE FROM reporting.sites",
            "SELECT * FROM center.office",
            """
            INSERT INTO center.office (row_id, code, name, kind, hours_profile, created_at)
            VALUES (9, 'x', 'x', 'unit', 'default', now())
            """,
        ] {
            let refused = try await refusal { try await reader.run(statement) }
            // 55000: the view cannot be written at all.
            #expect(refused.exitStatus == .noPermission || refused.sqlState == "55000", "\(statement.sql): \(refused)")
        }
        for connection in [reader, admin] { await connection.close() }
        await server.stop()
    }

    @Test("site-add prints the login and writes the password file, with which the site connects")
    func siteAddCommand() async throws {
        let server = try await PostgresServer.start()
        let directory = TemporaryDirectory()
        let password = server.passwordFile(server.superuserPassword)
        let sitePassword = directory.file("site-password")
        _ = try await ctl(["central", "init", server.url(), "--password-file", password])

        let result = try await ctl([
            "central", "site-add", "cao-loc", Self.record("c"), server.url(), "--password-file", password,
            "--site-password-file", sitePassword,
        ])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasPrefix("site cao-loc added: record \(Self.record("c")), login inspectd_site_cao_loc\n"))
        let written = try CentralPassword.read(from: sitePassword)
        let site = try await connect(server, user: "inspectd_site_cao_loc", password: written)
        let mine = try await site.run("SELECT center.current_site()").map { try $0.decode(String.self) }
        #expect(mine == [Self.record("c")])
        let again = try await ctl([
            "central", "site-add", "cao-loc", Self.record("d"), server.url(), "--password-file", password,
        ])
        #expect(again.status == 65)
        await site.close()
        await server.stop()
    }

    @Test("a wrong password exits 77 with one line saying the login failed")
    func wrongPassword() async throws {
        let server = try await PostgresServer.start()
        let wrong = server.passwordFile("not-the-password")

        let result = try await ctl(["central", "init", server.url(), "--password-file", wrong])

        #expect(result.status == 77)
        #expect(result.stderr.hasPrefix("inspectctl: central init: cannot connect to PostgreSQL at "))
        #expect(result.stderr.contains("password authentication failed"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        await server.stop()
    }
}

@Suite("The center's command without a server")
struct CentralUnreachableTests {
    @Test("nothing listening on the socket exits 69 with one line naming the socket")
    func nothingListening() async throws {
        let directory = TemporaryDirectory()

        let result = try await ctl(["central", "init", "postgresql://admin@/postgres?host=\(directory.path)"])

        #expect(result.status == 69)
        #expect(
            result.stderr.hasPrefix(
                "inspectctl: central init: cannot connect to PostgreSQL at \(directory.path)/.s.PGSQL.5432: "
                    + "no server is listening"),
            "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("a bad URL exits 64 with one line")
    func badURL() async throws {
        let result = try await ctl(["central", "init", "postgresql://admin:secret@host/db"])

        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("inspectctl: central init: bad URL "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}

/// Runs the built `inspectctl`.
private func ctl(_ arguments: [String]) async throws -> ProcessResult {
    try await ProcessRunner.detached(BuiltProducts.inspectctl, arguments)
}

/// Connects to `server` as `user`.
private func connect(
    _ server: PostgresServer, user: String = PostgresServer.superuser, password: String?
) async throws -> CentralConnection {
    try await CentralConnection.connect(to: try CentralURL(server.url(user: user)), password: password)
}

/// The ``CentralError`` `body` throws; fails the test when it throws none.
private func refusal(_ body: () async throws -> Void) async throws -> CentralError {
    do {
        try await body()
    } catch let error as CentralError {
        return error
    }
    Issue.record("the statement was not refused")
    return CentralError("not refused", .success)
}

extension CentralSchemaTests {
    /// A record identity made of one repeated hexadecimal digit.
    static func record(_ digit: Character) -> String { String(repeating: digit, count: 32) }

    /// An ad-hoc inspection of the connected site's office `office`.
    static func inspection(row: Int, office: Int) -> PostgresQuery {
        """
        INSERT INTO center.inspection (row_id, office_row_id, kind, created_at, created_by)
        VALUES (\(row), \(office), 'ad-hoc', now(), 'root')
        """
    }

    /// A call of `center.add_findings` with findings of `inspection`, each given as its id, the hash it continues and
    /// its own hash; a finding that `corrections` maps to another amends that one.
    static func findings(
        _ chain: [(id: Int, prev: String, hash: String)], inspection: Int = 1, corrections: [Int: Int] = [:]
    ) -> PostgresQuery {
        let rows: [[String?]] = chain.map { finding in
            let corrects = corrections[finding.id]
            return [
                "\(finding.id)", "\(inspection)", "SMOKE", nil, "1780000000", nil, nil, nil, "root", "1780000000",
                corrects == nil ? "record" : "amend", corrects.map(String.init), corrects.map { _ in "typo" },
                corrects.map { _ in "1780000000" }, finding.prev, finding.hash,
            ]
        }
        let arrays = (0..<16).map { column in
            "ARRAY[" + rows.map { $0[column].map { "'\($0)'" } ?? "NULL" }.joined(separator: ", ")
                + "]::pg_catalog.text[]"
        }
        return PostgresQuery(unsafeSQL: "SELECT center.add_findings(" + arrays.joined(separator: ", ") + ")")
    }

    /// An office row of the connected site's (the site column takes its default).
    static func office(row: Int, code: String) -> PostgresQuery {
        """
        INSERT INTO center.office (row_id, code, name, kind, hours_profile, created_at)
        VALUES (\(row), \(code), \("office " + code), 'commune', 'default', now())
        """
    }
}

/// A migrated center with two sites, north (record `a…`) and south (`b…`), each connected with its own login, and
/// the superuser's connection.
private struct TwoSites {
    let server: PostgresServer
    let admin: CentralConnection
    let north: CentralSites.Added
    let south: CentralSites.Added
    let northSite: CentralConnection
    let southSite: CentralConnection

    static func start() async throws -> TwoSites {
        let server = try await PostgresServer.start()
        let admin = try await connect(server, password: server.superuserPassword)
        _ = try await CentralMigrator.migrate(admin)
        let north = try await CentralSites.add(
            name: "north", recordID: CentralSchemaTests.record("a"), on: admin)
        let south = try await CentralSites.add(
            name: "south", recordID: CentralSchemaTests.record("b"), on: admin)
        return TwoSites(
            server: server, admin: admin, north: north, south: south,
            northSite: try await connect(server, user: north.login, password: north.password),
            southSite: try await connect(server, user: south.login, password: south.password))
    }

    func stop() async {
        for connection in [northSite, southSite, admin] { await connection.close() }
        await server.stop()
    }
}
