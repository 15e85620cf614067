import Foundation
import Glibc
import InspectService
import InspectTesting
import Testing

@Suite struct BoundedFileTests {
    let directory = TemporaryDirectory(prefix: "bounded-file")

    @Test("reads a regular file up to its limit, and refuses one byte more")
    func limit() throws {
        let exact = directory.write("exact.conf", String(repeating: "a", count: 100))
        #expect(try BoundedFile.read(exact, limit: 100).count == 100)
        #expect(throws: BoundedFile.Failure.tooLarge(limit: 99)) { try BoundedFile.read(exact, limit: 99) }
        let empty = directory.write("empty.conf", "")
        #expect(try BoundedFile.read(empty, limit: 10) == [])
    }

    @Test("a file whose size is not known beforehand is read to its limit and no further")
    func unknownSize() throws {
        // /proc files say they are empty and are not
        #expect(throws: BoundedFile.Failure.tooLarge(limit: 10)) {
            try BoundedFile.read("/proc/self/status", limit: 10)
        }
        let status = try BoundedFile.read("/proc/self/status", limit: BoundedFile.configBytes)
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
    }

    @Test("a FIFO is refused at once, without waiting for a writer")
    func fifo() throws {
        let path = directory.file("fifo.conf")
        try #require(mkfifo(path, 0o600) == 0)
        let started = ContinuousClock.now
        #expect(throws: BoundedFile.Failure.notRegular(kind: "a FIFO")) {
            try BoundedFile.read(path, limit: BoundedFile.configBytes)
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test("a symbolic link to /dev/zero, a directory and nothing at all are refused by what they are")
    func notFiles() throws {
        let zero = directory.file("zero.conf")
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        #expect(throws: BoundedFile.Failure.notRegular(kind: "a character device")) {
            try BoundedFile.read(zero, limit: BoundedFile.configBytes)
        }
        let folder = directory.file("folder.conf")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(throws: BoundedFile.Failure.notRegular(kind: "a directory")) { try BoundedFile.read(folder, limit: 10) }
        #expect(throws: BoundedFile.Failure.missing) { try BoundedFile.read(directory.file("none.conf"), limit: 10) }
        #expect(BoundedFile.Failure.notRegular(kind: "a FIFO").description == "is a FIFO, not a regular file")
        #expect(
            BoundedFile.Failure.tooLarge(limit: 1 << 20).description
                == "is larger than 1 MiB, the most inspectd reads of such a file")
    }

    @Test("a file larger than the limit is refused by its size, before it is read")
    func sparse() throws {
        // Given a 64 GiB sparse file: reading it would take minutes and all memory
        let path = directory.file("huge.csv")
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        try #require(truncate(path, 64 << 30) == 0)
        let started = ContinuousClock.now
        #expect(throws: BoundedFile.Failure.tooLarge(limit: BoundedFile.importBytes)) {
            try BoundedFile.read(path, limit: BoundedFile.importBytes)
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }
}
