import Foundation

/// Where the built `inspectd` and `inspectctl` are, for tests that run them as real processes.
public enum BuiltProducts {
    /// The build directory: `$INSPECTD_BIN_DIR`, else the directory holding the running test bundle.
    public static let directory: String = {
        if let explicit = ProcessInfo.processInfo.environment["INSPECTD_BIN_DIR"] { return explicit }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("inspectctl").path) {
                return url.path
            }
        }
        // Fall back to the package's default debug build.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug").path
    }()

    public static var inspectctl: String { "\(directory)/inspectctl" }
    public static var inspectd: String { "\(directory)/inspectd" }

    /// The repository's root, for tests that read shipped files (demo data, units, config).
    public static let repository: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}
