import InspectCore
import Testing

@Suite("Errors and events")
struct ErrorAndEventTests {
    @Test(
        "each error maps to its sysexits code",
        arguments: [
            (InspectError.invalidInput("x"), InspectCore.ExitStatus.dataError),
            (.notFound(kind: "office", key: "X"), .noInput),
            (.duplicate(kind: "office", key: "X"), .dataError),
            (.conflict("x"), .dataError),
            (.invalidFile(path: "a.csv", line: 3, reason: "x"), .dataError),
            (.invalidConfig(path: "a.conf", line: 3, reason: "x"), .config),
            (.busy(path: "db"), .tempFail),
            (.cannotCreate(path: "db", reason: "x"), .cantCreate),
            (.storage(path: "db", reason: "x"), .ioError),
            (.schemaTooNew(path: "db"), .ioError),
            (.integrity("x"), .dataError),
            (.permissionDenied("x"), .noPermission),
            (.unavailable("x"), .unavailable),
        ])
    func exitStatus(error: InspectError, status: InspectCore.ExitStatus) {
        #expect(error.exitStatus == status)
    }

    @Test("file errors name the file and line")
    func locatedDescriptions() {
        #expect(InspectError.invalidFile(path: "staff.csv", line: 7, reason: "bad").description == "staff.csv:7: bad")
        #expect(InspectError.invalidConfig(path: "x.conf", line: 0, reason: "bad").description == "x.conf: bad")
    }

    @Test("every event kind has its own 128-bit message id")
    func messageIDs() {
        let ids = EventKind.allCases.map(\.messageID)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.count == 32)
            #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        }
    }

    @Test(
        "journal field names are upper-case ASCII and never start with an underscore",
        arguments: [
            ("OFFICE", true), ("EVENT_ID", true), ("A1", true), ("_PID", false), ("office", false), ("", false),
            ("NĂM", false),
        ])
    func fieldNames(name: String, valid: Bool) {
        #expect(Event.isValidFieldName(name) == valid)
    }
}
