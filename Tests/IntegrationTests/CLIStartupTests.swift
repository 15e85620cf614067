import Foundation
import InspectTesting
import Testing

/// What `inspectctl` costs before its `main` runs: which shared libraries the dynamic loader maps for it.
@Suite("inspectctl starts without what most commands never use")
struct CLIStartupTests {
    /// The shared libraries the dynamic loader maps at start, by soname, as `ldd` shows them (the loader lists them
    /// and exits when `LD_TRACE_LOADED_OBJECTS` is set, without running the program).
    static func loadedLibraries(_ executable: String) throws -> [String] {
        let result = try ProcessRunner.run(executable, [], environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
    }

    /// Whether the built programs carry the Swift runtime inside, as release builds do (scripts/release-build), rather
    /// than load it. Only those get the start-up link options: run these tests on one with `INSPECTD_BIN_DIR`.
    static let staticRuntime: Bool = {
        (try? loadedLibraries(BuiltProducts.inspectctl))?.contains { $0.hasPrefix("libswiftCore") } == false
    }()

    @Test(
        "inspectctl is linked at a fixed address: nothing of it is relocated at start",
        .enabled(if: staticRuntime, "a debug build loads the shared Swift runtime, and is position-independent"))
    func fixedAddress() throws {
        let handle = try #require(FileHandle(forReadingAtPath: BuiltProducts.inspectctl))
        defer { try? handle.close() }
        let header = try #require(try handle.read(upToCount: 18))
        #expect(header.prefix(4) == Data([0x7F, 0x45, 0x4C, 0x46]), "not an ELF file")
        // e_type, little-endian at offset 16: ET_EXEC (2) is a fixed-address executable, ET_DYN (3) a
        // position-independent one.
        #expect(UInt16(header[16]) | UInt16(header[17]) << 8 == 2)
    }

    @Test(
        "with the Swift runtime inside, libstdc++ is linked in rather than loaded",
        .enabled(if: staticRuntime, "a debug build loads the shared Swift runtime, and libstdc++ with it"))
    func libstdcxxLinkedIn() throws {
        let libraries = try Self.loadedLibraries(BuiltProducts.inspectctl)
        #expect(!libraries.contains { $0.hasPrefix("libstdc++") }, "\(libraries)")
    }

    @Test("libsystemd is opened when the journal is first used, not at start")
    func noLibsystemdAtStart() throws {
        let libraries = try Self.loadedLibraries(BuiltProducts.inspectctl)
        #expect(libraries.contains { $0.hasPrefix("libc.so") }, "\(libraries)")
        #expect(!libraries.contains { $0.hasPrefix("libsystemd") }, "\(libraries)")
    }

    @Test(
        "COMMAND --help, laid out from the screens the build prepared, is what 'help COMMAND' prints through the parser",
        arguments: ["", "finding", "finding log", "report summary", "tests plan", "central site-add"])
    func preparedHelp(_ words: String) throws {
        let path = words.split(separator: " ").map(String.init)
        for width in ["40", "57", "80", "133"] {
            let prepared = try ProcessRunner.run(
                BuiltProducts.inspectctl, path + ["--help"], environment: ["COLUMNS": width])
            let parsed = try ProcessRunner.run(
                BuiltProducts.inspectctl, ["help"] + path, environment: ["COLUMNS": width])
            #expect(prepared.status == 0 && parsed.status == 0, "\(prepared.stderr) \(parsed.stderr)")
            #expect(prepared.stdout.hasPrefix("OVERVIEW: "))
            #expect(prepared.stdout == parsed.stdout, "\(words) at \(width) columns")
        }
    }
}
