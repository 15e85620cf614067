import InspectCore
import Testing

/// `[Uplink]` of `inspectd.conf`: absent means no uplink; every value is checked at its line.
struct UplinkSettingsTests {
    static func configuration(_ text: String) throws -> InspectConfiguration {
        try InspectConfiguration(
            main: IniDocument(text: text, path: "inspectd.conf"), holidayFiles: [], planFiles: [])
    }

    @Test("no section, no uplink; a URL alone takes the defaults")
    func defaults() throws {
        #expect(try Self.configuration("").uplink == nil)
        let uplink = try #require(try Self.configuration("[Uplink]\nURL=postgresql://s@center/inspectd\n").uplink)
        #expect(uplink == UplinkSettings(url: "postgresql://s@center/inspectd"))
    }

    @Test(
        "bad values are refused at their line",
        arguments: [
            ("[Uplink]\nPasswordFile=x\n", "inspectd.conf:2", "URL= first"),
            ("[Uplink]\nURL=http://center/x\n", "inspectd.conf:2", "a postgresql:// URL"),
            ("[Uplink]\nURL=postgresql://s:pw@center/x\n", "inspectd.conf:2", "without a password"),
            ("[Uplink]\nURL=postgresql://s@c/x\nIntervalSec=0\n", "inspectd.conf:3", "1"),
            ("[Uplink]\nURL=postgresql://s@c/x\nBehindAfterSec=5\n", "inspectd.conf:3", "10"),
            ("[Uplink]\nURL=postgresql://s@c/x\nBatchSize=9\n", "inspectd.conf:3", "100"),
            ("[Uplink]\nURL=postgresql://s@c/x\nSpeed=1\n", "inspectd.conf:3", "Speed"),
        ])
    func refused(text: String, location: String, words: String) {
        #expect {
            try Self.configuration(text)
        } throws: { error in
            let message = "\(error)"
            return message.contains(location) && message.contains(words)
        }
    }
}
