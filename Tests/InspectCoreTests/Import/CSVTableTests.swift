import InspectCore
import Testing

@Suite("CSV tables")
struct CSVTableTests {
    let columns = ["code", "name", "parent"]

    func table(_ text: String) throws -> CSVTable {
        try CSVTable(text: text, path: "offices.csv", required: ["code", "name"], allowed: columns)
    }

    func failure(_ text: String) -> InspectError? {
        do {
            _ = try table(text)
            return nil
        } catch let error as InspectError {
            return error
        } catch {
            return nil
        }
    }

    @Test("quoted fields keep commas, quotes and line breaks, and lines are counted through them")
    func quoting() throws {
        let csv = try CSVTable(
            text: "code,note,parent\nA,\"Trung tâm Văn hóa, Thể thao\",\nB,\"say \"\"hi\"\"\r\nthere\",A\nC,plain,A\n",
            path: "notes.csv", required: ["code"], allowed: ["code", "note", "parent"])
        #expect(csv.records.count == 3)
        #expect(csv.value("note", in: csv.records[0]) == "Trung tâm Văn hóa, Thể thao")
        #expect(csv.value("note", in: csv.records[1]) == "say \"hi\"\r\nthere")
        #expect(csv.records.map(\.line) == [2, 3, 5])
        #expect(csv.value("parent", in: csv.records[0]) == nil)
    }

    @Test("a cell is checked as a call's parameter of its column's name: a name is one line, a note has no escape")
    func cellText() {
        #expect(
            failure("code,name\nA,\"two\nlines\"\n")
                == .invalidFile(
                    path: "offices.csv", line: 2, reason: "column 'name' contains a line break; it must be one line"))
        #expect(
            failure("code,name\nA,\u{9B}31m\n")
                == .invalidFile(
                    path: "offices.csv", line: 2, reason: "column 'name' contains a control character (U+009B)"))
    }

    @Test("CRLF line ends, a byte-order mark, blank lines and a missing final newline are accepted")
    func tolerantFraming() throws {
        let csv = try table("\u{FEFF}code,name\r\nA,Alpha\r\n\r\nB,Beta")
        #expect(csv.header == ["code", "name"])
        #expect(csv.records.map { csv.value("code", in: $0) } == ["A", "B"])
        #expect(csv.records.map(\.line) == [2, 4])
    }

    @Test(
        "header problems are reported on line 1",
        arguments: [
            ("", "empty file"),
            ("code,nme\nA,B\n", "unknown column 'nme'"),
            ("root:$6$Zx8w0B1q$Jd8mQe0kqz2m:19700:0:99999:7:::\ndaemon:*:19700\n", "unknown column; allowed: "),
            ("code\nA\n", "missing column 'name'"),
            ("code,name,code\nA,B,C\n", "appears twice"),
        ])
    func headerErrors(text: String, reason: String) {
        guard case .invalidFile(let path, let line, let message) = failure(text) else {
            Issue.record("expected a located error")
            return
        }
        #expect(path == "offices.csv")
        #expect(line == 1)
        #expect(message.contains(reason))
    }

    @Test(
        "row problems carry the row's line",
        arguments: [
            ("code,name\nA,B\nC\n", 3, "1 fields, expected 2"),
            ("code,name\nA,\"open\n", 2, "never closed"),
            ("code,name\nA,B\"x\n", 2, "quote inside an unquoted field"),
            ("code,name\nA,\"B\"x\n", 2, "after a closing quote"),
        ])
    func rowErrors(text: String, line: Int, reason: String) {
        guard case .invalidFile(_, let reported, let message) = failure(text) else {
            Issue.record("expected a located error")
            return
        }
        #expect(reported == line)
        #expect(message.contains(reason))
    }

    @Test("errors thrown while reading a record are located at its line")
    func locatedErrors() throws {
        let csv = try table("code,name\nA,B\nC,D\n")
        #expect(throws: InspectError.invalidFile(path: "offices.csv", line: 3, reason: "bad kind")) {
            try csv.located(csv.records[1]) { throw InspectError.invalidInput("bad kind") }
        }
    }

    @Test(
        "CSVWriter quotes a comma or a quote that a combining mark follows, so the table reads back the same",
        arguments: ["x,\u{301}y", "\"\u{FF9F}", "a\"\u{301}\"b", "\u{301}\"", "plain"])
    func writerRoundTrip(field: String) throws {
        var writer = CSVWriter(header: ["code", "name"])
        writer.append(["A", field])
        let csv = try table(writer.text)
        #expect(csv.records.map(\.fields) == [["A", field]])
    }
}
