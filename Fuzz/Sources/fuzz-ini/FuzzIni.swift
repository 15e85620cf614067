import FuzzSupport
import InspectCore

/// Feeds `IniDocument` arbitrary bytes, then hands the document to every reader of configuration built on it. Each
/// must either build its value or throw; both ways of reading the text must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    // Named like a holiday file, so the year comes from the name; "2026" is a valid plan name too.
    let path = "fuzz.d/2026.conf"
    let fromBytes = try? IniDocument(bytes: bytes, path: path)
    let fromText = try? IniDocument(text: text(data, size), path: path)
    if let valid = String(validating: bytes, as: UTF8.self), !valid.utf8.contains(UInt8(ascii: "\r")) {
        precondition(fromBytes == fromText, "reading the bytes and reading the text give different documents")
    }
    guard let document = fromText else { return 0 }
    let merged = IniDocument.merging(main: document, dropIns: [document])
    for section in merged.sectionNames {
        for entry in merged.entries(in: section) {
            _ = merged.value(entry.key, in: section)
            _ = merged.values(entry.key, in: section)
        }
    }
    _ = try? Plan(document: document, validateCalendar: { _ = try CalendarSpec.parse($0) })
    _ = try? HolidayAnnouncement(document: document)
    _ = try? EscalationRules(document: document)
    _ = try? FollowUpPolicy(configuration: document)
    _ = try? InspectConfiguration(main: document, holidayFiles: [], planFiles: [])
    if let calendar = try? WorkCalendar(configuration: document, holidayFiles: []) {
        let start = Instant(seconds: 1_767_225_600)  // 2026-01-01 00:00 UTC
        for profile in calendar.profileNames {
            _ = try? calendar.nextWorkingMoment(atOrAfter: start, profile: profile)
        }
    }
    _ = try? WorkCalendar(configuration: empty, holidayFiles: [document])
    return 0
}

private let empty = try! IniDocument(text: "", path: "inspectd.conf")

@main
enum FuzzIni {
    static func main() { runLibFuzzer(fuzz) }
}
