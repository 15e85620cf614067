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

    @Test("libsystemd is opened when the journal is first used, not at start")
    func noLibsystemdAtStart() throws {
        let libraries = try Self.loadedLibraries(BuiltProducts.inspectctl)
        #expect(libraries.contains { $0.hasPrefix("libc.so") }, "\(libraries)")
        #expect(!libraries.contains { $0.hasPrefix("libsystemd") }, "\(libraries)")
    }
}
