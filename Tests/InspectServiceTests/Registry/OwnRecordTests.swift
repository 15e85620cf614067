import GRDB
import InspectCore
import InspectService
import Testing

/// A reader (a user in neither inspectd group) reads reports and the record of the person linked to their login,
/// and no one else's; the checks run in the API layer both transports share.
@Suite("Readers see their own record only")
struct OwnRecordTests {
    /// Nhân Lý with CL-1 and CL-2, one finding about each and one about the office.
    private func recorded() throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        let inspection = try fixture.seed()
        for staff in ["CL-1", "CL-2", nil] {
            _ = try Operations.LogFinding.authorizedPerform(
                fixture.service, as: fixture.inspector,
                .init(inspection: inspection, violation: "BADGE", staff: staff))
        }
        return fixture
    }

    private func isDenied(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch InspectError.permissionDenied {
            return true
        } catch {
            return false
        }
    }

    @Test("an unlinked reader is told how to get a link, and still reads offices and their identity")
    func unlinkedReader() throws {
        let fixture = try recorded()
        let service = fixture.service
        #expect(
            throws: InspectError.permissionDenied(
                "lan may read only their own record, and no staff record is linked to that login (an administrator "
                    + "links one with 'inspectctl staff link BADGE lan')")
        ) {
            try Operations.ListFindings.authorizedPerform(service, as: fixture.reader, FindingFilter())
        }
        #expect(
            isDenied {
                _ = try Operations.ListStaff.authorizedPerform(
                    service, as: fixture.reader, .init(office: nil, includeRetired: true))
            })
        #expect(
            isDenied {
                _ = try Operations.ShowStaff.authorizedPerform(service, as: fixture.reader, .init(badge: "CL-1"))
            })
        let offices = try Operations.ListOffices.authorizedPerform(
            service, as: fixture.reader, .init(includeRetired: false))
        #expect(offices.offices.map(\.code) == ["UBND-NHANLY"])
        let identity = try Operations.WhoAmI.authorizedPerform(service, as: fixture.reader, NoParameters())
        #expect(identity.user == "lan" && identity.role == .reader && identity.staff == nil)
    }

    @Test("a linked reader reads their own staff record, findings and history, and nobody else's")
    func linkedReader() throws {
        let fixture = try recorded()
        let service = fixture.service
        let reader = fixture.reader
        _ = try Operations.LinkStaff.authorizedPerform(service, as: fixture.admin, .init(badge: "CL-1", login: "lan"))

        let findings = try Operations.ListFindings.authorizedPerform(service, as: reader, FindingFilter()).findings
        #expect(findings.map(\.finding.staff) == ["CL-1"])
        let filtered = try Operations.ListFindings.authorizedPerform(
            service, as: reader, FindingFilter(staff: "CL-1", includeHistory: true)
        ).findings
        #expect(filtered.map(\.finding.staff) == ["CL-1"])
        #expect(
            isDenied {
                _ = try Operations.ListFindings.authorizedPerform(service, as: reader, FindingFilter(staff: "CL-2"))
            })
        // Inspectors still read everyone's.
        let all = try Operations.ListFindings.authorizedPerform(service, as: fixture.inspector, FindingFilter())
        #expect(all.findings.count == 3)

        #expect(
            try Operations.ShowStaff.authorizedPerform(service, as: reader, .init(badge: "CL-1")).staff.login == "lan")
        #expect(isDenied { _ = try Operations.ShowStaff.authorizedPerform(service, as: reader, .init(badge: "CL-2")) })
        let history = try Operations.StaffHistory.authorizedPerform(
            service, as: reader, .init(badge: "CL-1", from: nil, to: nil))
        #expect(history.staff.badge == "CL-1")
        #expect(
            isDenied {
                _ = try Operations.StaffHistory.authorizedPerform(
                    service, as: reader, .init(badge: "CL-2", from: nil, to: nil))
            })
        let listed = try Operations.ListStaff.authorizedPerform(
            service, as: reader, .init(office: nil, includeRetired: true))
        #expect(listed.staff.map(\.badge) == ["CL-1"])
        #expect(
            try Operations.ExportStaff.authorizedPerform(service, as: reader, .init()).staff.map(\.badge) == [
                "CL-1"
            ])
        #expect(
            try Operations.ExportStaff.authorizedPerform(service, as: fixture.inspector, .init()).staff.count
                == 12)
        let identity = try Operations.WhoAmI.authorizedPerform(service, as: reader, NoParameters())
        #expect(identity.staff?.staff.badge == "CL-1" && identity.staff?.findings == 1)

        // Unlinked again, the reader is back to reports only.
        _ = try Operations.LinkStaff.authorizedPerform(service, as: fixture.admin, .init(badge: "CL-1", login: nil))
        #expect(isDenied { _ = try Operations.ListFindings.authorizedPerform(service, as: reader, FindingFilter()) })
    }

    @Test("only admins link; a login belongs to one person and must be a user name; refusals change nothing")
    func linkRules() throws {
        let fixture = try recorded()
        let service = fixture.service
        _ = try service.linkStaff(badge: "CL-1", login: "lan", by: fixture.admin)
        let before = try service.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id") }
        let events = try fixture.count("outbox")

        #expect(
            isDenied {
                _ = try Operations.LinkStaff.authorizedPerform(
                    service, as: fixture.inspector, .init(badge: "CL-2", login: "tuan"))
            })
        #expect(throws: InspectError.conflict("login lan is already linked to staff CL-1")) {
            try service.linkStaff(badge: "CL-2", login: "lan", by: fixture.admin)
        }
        #expect(throws: InspectError.conflict("staff CL-1 is already linked to lan")) {
            try service.linkStaff(badge: "CL-1", login: "lan", by: fixture.admin)
        }
        #expect(throws: InspectError.conflict("staff CL-2 has no login linked")) {
            try service.linkStaff(badge: "CL-2", login: nil, by: fixture.admin)
        }
        #expect(throws: InspectError.notFound(kind: "staff badge", key: "CL-9")) {
            try service.linkStaff(badge: "CL-9", login: "vy", by: fixture.admin)
        }
        for bad in ["", "1abc", "a b", "lan;rm", "ngô", String(repeating: "a", count: 33)] {
            #expect(throws: InspectError.self, "\(bad)") {
                try service.linkStaff(badge: "CL-2", login: bad, by: fixture.admin)
            }
        }
        #expect(throws: InspectError.conflict("login lan is already linked to staff CL-1")) {
            try service.addStaff(
                .init(badge: "CL-3", name: "Hoàng Văn Nam", office: "UBND-NHANLY", category: .cadre, login: "lan"),
                by: fixture.admin)
        }
        let after = try service.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id") }
        #expect(after == before)
        #expect(try fixture.count("outbox") == events)
    }

    @Test("logins travel through staff import and are checked there, all or nothing")
    func importedLogins() throws {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        let csv = """
            badge,name,office,login
            CL-3,Hoàng Văn Nam,UBND-NHANLY,nam
            CL-4,Lý Thị Mai,UBND-NHANLY,
            """
        _ = try fixture.service.importStaff(csv: csv, path: "staff.csv", by: fixture.admin)
        let staff = try fixture.service.listStaff()
        #expect(staff.prefix(4).map(\.login) == [nil, nil, "nam", nil])

        let clash = """
            badge,name,office,login
            CL-5,Vi Thị Hằng,UBND-NHANLY,hang
            CL-6,Vi Văn Hải,UBND-NHANLY,nam
            """
        #expect(
            throws: InspectError.invalidFile(
                path: "staff.csv", line: 3, reason: "login nam is already linked to staff CL-3")
        ) {
            try fixture.service.importStaff(csv: clash, path: "staff.csv", by: fixture.admin)
        }
        #expect(try fixture.count("staff") == 14)
    }
}
