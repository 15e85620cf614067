import Foundation
import InspectTesting
import Testing

@testable import InspectSystemd

@Suite("JournalDirectory counts the journal files a reader of the directory would open")
struct JournalDirectoryTests {
    @Test("files in the directory and in machine-id subdirectories count; other names and directories do not")
    func countsJournalFiles() throws {
        let directory = TemporaryDirectory(prefix: "inspectd-journal-directory")
        let machine = directory.file("0123456789abcdef0123456789abcdef")
        for path in [machine, directory.file("remote")] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        for name in [
            "remote-site.journal", "system@x.journal~", "notes.txt", "0123456789abcdef0123456789abcdef/system.journal",
            "remote/remote-other.journal",
        ] {
            directory.write(name, "")
        }

        #expect(try JournalDirectory.check(directory.path) == .init(readable: 3, unreadable: 0))
    }

    @Test("an empty directory is a journal with nothing in it yet")
    func empty() throws {
        let directory = TemporaryDirectory(prefix: "inspectd-journal-directory")

        #expect(try JournalDirectory.check(directory.path) == .init(readable: 0, unreadable: 0))
    }

    @Test("a missing directory, or a file, is missing")
    func missing() {
        let directory = TemporaryDirectory(prefix: "inspectd-journal-directory")
        let file = directory.write("remote-site.journal", "")

        #expect(throws: JournalDirectory.Problem.missing) { try JournalDirectory.check(directory.file("nowhere")) }
        #expect(throws: JournalDirectory.Problem.missing) { try JournalDirectory.check(file) }
    }
}
