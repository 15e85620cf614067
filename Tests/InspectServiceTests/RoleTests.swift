import InspectCore
import InspectService
import Testing

/// The role rule, written once in `Role.of` for the daemon's peers and inspectctl's direct mode alike.
@Suite("Roles from Unix credentials")
struct RoleTests {
    @Test("root, the record's owner and the admin group are admins; the inspector group inspects; others read")
    func rule() {
        #expect(Role.of(userID: 0, groups: []) == .admin)
        #expect(Role.of(userID: 1000, groups: [], ownsRecord: true) == .admin)
        #expect(Role.of(userID: 1000, groups: ["users", "inspectd-admin"]) == .admin)
        #expect(Role.of(userID: 1000, groups: ["inspectd", "inspectd-admin"]) == .admin)
        #expect(Role.of(userID: 1000, groups: ["inspectd"]) == .inspector)
        #expect(Role.of(userID: 1000, groups: ["users", "inspectd-adm"]) == .reader)
    }

    @Test("a refusal names the group the role comes from")
    func refusalNamesGroup() throws {
        let error = #expect(throws: InspectError.self) {
            try Operations.LogFinding.requireRole(of: Caller(user: "lan", role: .reader))
        }
        #expect(error?.description == "LogFinding needs the inspector role (group inspectd); lan is a reader")
    }
}
