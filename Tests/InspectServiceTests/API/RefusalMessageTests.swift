import InspectCore
import InspectService
import Testing

/// What a refused caller reads: the role the operation needs, who has it, and the role the caller has.
@Suite("Refusals name the roles")
struct RefusalMessageTests {
    @Test("an inspector asking for an administrator's operation is told so in a sentence")
    func inspectorRefused() throws {
        let fixture = try ServiceFixture()
        #expect(
            throws: InspectError.permissionDenied(
                "RetireOffice needs the admin role (root or group inspectd-admin); tuan is an inspector")
        ) {
            try Operations.RetireOffice.authorizedPerform(fixture.service, as: fixture.inspector, .init(code: "X"))
        }
        #expect(
            throws: InspectError.permissionDenied(
                "RetireOffice needs the admin role (root or group inspectd-admin); lan is a reader")
        ) {
            try Operations.RetireOffice.authorizedPerform(fixture.service, as: fixture.reader, .init(code: "X"))
        }
    }
}
