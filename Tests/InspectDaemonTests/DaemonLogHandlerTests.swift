import InspectDaemon
import Logging
import Synchronization
import Testing

@Suite struct DaemonLogHandlerTests {
    @Test("a log line stays one line and carries no control character, whatever a message or value holds")
    func escapesLines() {
        // Given a handler writing to a recorder
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "inspectd") { label in
            DaemonLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "office.name"] = "UBND\u{1B}]0;pwned\u{07}"
        // When a message names a file whose name holds a line break and a bidi override
        logger.warning("cannot read /etc/inspectd/a\nb\u{202E}.conf")
        // Then the one line shows them escaped
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        #expect(written.first?.hasSuffix(#"cannot read /etc/inspectd/a\nb\u{202e}.conf"#) == true)
        #expect(written.first?.contains(#"office.name=UBND\x1b]0;pwned\x07"#) == true)
        #expect(written.first?.contains("\n") == false)
    }
}
