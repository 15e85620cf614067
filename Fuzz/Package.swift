// swift-tools-version:6.2
// libFuzzer harnesses for inspectd's parsers of untrusted text. Built and run by scripts/fuzz, which passes
// `-sanitize=fuzzer,address`: each harness starts libFuzzer's driver, so these executables link only with that flag.
// Some harnesses reach internal types with `@testable import`, which a debug build (the default) allows.

import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "inspectd-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "inspectd", path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], swiftSettings: strict),
        .executableTarget(
            name: "fuzz-calendar", dependencies: ["FuzzSupport", .product(name: "InspectCore", package: "inspectd")],
            swiftSettings: strict),
        .executableTarget(
            name: "fuzz-ini", dependencies: ["FuzzSupport", .product(name: "InspectCore", package: "inspectd")],
            swiftSettings: strict),
        .executableTarget(
            name: "fuzz-csv", dependencies: ["FuzzSupport", .product(name: "InspectCore", package: "inspectd")],
            swiftSettings: strict),
        .executableTarget(
            name: "fuzz-varlink", dependencies: ["FuzzSupport", .product(name: "InspectVarlink", package: "inspectd")],
            swiftSettings: strict),
        .executableTarget(
            name: "fuzz-varlink-idl",
            dependencies: ["FuzzSupport", .product(name: "InspectVarlink", package: "inspectd")],
            swiftSettings: strict),
    ]
)
