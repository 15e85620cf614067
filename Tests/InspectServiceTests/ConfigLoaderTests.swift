import Foundation
import InspectCore
import InspectTesting
import Testing

@testable import InspectService

/// `ConfigLoader` lists its drop-in directories itself (`readdir`), so the listing's rules are checked here.
@Suite("The configuration's drop-in directories")
struct ConfigLoaderTests {
    @Test("only *.conf files are read, in name order, whatever order the directory holds them in")
    func nameOrder() throws {
        let directory = TemporaryDirectory()
        let dropIns = directory.file("inspectd.conf.d")
        try FileManager.default.createDirectory(atPath: dropIns, withIntermediateDirectories: false)
        for name in ["20-b.conf", "10-a.conf", "30-đêm.conf", "README", "40-x.conf.bak", ".hidden.conf"] {
            directory.write("inspectd.conf.d/\(name)", "[Hours]\nGraceMinutes=5\n")
        }
        let documents = try ConfigLoader.documents(in: dropIns)
        #expect(
            documents.map(\.path)
                == [".hidden.conf", "10-a.conf", "20-b.conf", "30-đêm.conf"].map { "\(dropIns)/\($0)" })
        #expect(documents.allSatisfy { $0.entries.count == 1 })
    }

    @Test("a directory that is missing, is a file, or holds nothing gives no drop-ins")
    func nothingToList() throws {
        let directory = TemporaryDirectory()
        #expect(try ConfigLoader.documents(in: directory.file("missing.d")).isEmpty)
        directory.write("file.d", "[Hours]\n")
        #expect(try ConfigLoader.documents(in: directory.file("file.d")).isEmpty)
        #expect(try ConfigLoader.documents(in: directory.path).isEmpty)
    }

    @Test("a drop-in that is not a regular file is refused by name")
    func directoryNamedConf() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: directory.file("inspectd.conf.d/50-dir.conf"), withIntermediateDirectories: true)
        #expect(throws: InspectError.self) { try ConfigLoader.documents(in: directory.file("inspectd.conf.d")) }
    }
}
