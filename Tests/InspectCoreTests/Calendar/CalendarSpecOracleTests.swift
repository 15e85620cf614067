import Foundation
import InspectCore
import Testing

/// Runs `systemd-analyze calendar` at a fixed "now" (frozen by libfaketime) and reads what it prints.
///
/// `faketime -f SECONDS` with `FAKETIME_FMT=%s` freezes the clock at that Unix time exactly, so the base instant is
/// not open to the local-time reading of an ambiguous wall time, and it does not tick while systemd-analyze runs
/// (plain `faketime 'DATE'` starts a running clock). systemd-analyze calls `now(CLOCK_REALTIME)`, which libfaketime
/// fakes; the monotonic clock needs no special treatment.
enum SystemdOracle {
    /// What systemd-analyze printed for one expression.
    struct Result: Equatable {
        var normalized: String
        /// The elapses it printed, as Unix seconds (systemd prints whole seconds).
        var elapses: [Int64]
    }

    static let analyze = executable("systemd-analyze")
    static let faketime = executable("faketime")
    static let isAvailable = analyze != nil && faketime != nil

    private static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs systemd-analyze on `expressions` (all of which it must accept) in zone `zone` with "now" frozen at
    /// `base`, and returns one result per expression: nil where systemd gave up computing an elapse (it does after
    /// 1000 search rounds, and then prints nothing for that expression).
    static func evaluate(_ expressions: [String], base: Int64, zone: String, iterations: Int) throws -> [Result?] {
        let (text, errors) = try output(
            ["calendar", "--iterations=\(iterations)", "--"] + expressions, base: base,
            zone: zone)
        let gaveUp = quoted(in: errors, after: "Failed to determine next elapse for '")
        var blocks = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.makeIterator()
        let results = try expressions.map { expression -> Result? in
            if gaveUp.contains(expression) { return nil }
            guard let block = blocks.next() else { throw OracleError(message: "missing report: \(errors)") }
            return try parse(block)
        }
        guard blocks.next() == nil else { throw OracleError(message: "more reports than expressions: \(errors)") }
        return results
    }

    /// The expressions among `expressions` that systemd-analyze refuses to parse.
    static func rejected(_ expressions: [String]) throws -> Set<String> {
        let (_, errors) = try output(["calendar", "--"] + expressions, base: 1_800_000_000, zone: "Asia/Ho_Chi_Minh")
        return quoted(in: errors, after: "Failed to parse calendar specification '")
    }

    /// The quoted expressions in systemd-analyze's error lines that start with `prefix`.
    private static func quoted(in errors: String, after prefix: String) -> Set<String> {
        Set(
            errors.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix(prefix), let end = line.range(of: "': ", options: .backwards) else { return nil }
                return String(line[line.index(line.startIndex, offsetBy: prefix.count)..<end.lowerBound])
            })
    }

    private static func parse(_ block: String) throws -> Result {
        var normalized: String?
        var elapses: [Int64] = []
        for line in block.split(separator: "\n") {
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("Normalized form: ") {
                normalized = String(trimmed.dropFirst("Normalized form: ".count))
            } else if trimmed.hasPrefix("(in UTC): ") {
                let fields = trimmed.split(separator: " ")
                guard fields.count == 6, let date = CivilDate(iso: fields[3]),
                    let time = TimeOfDay(parsing: fields[4])
                else { throw OracleError(message: "unreadable line '\(line)'") }
                elapses.append(Int64(date.dayNumber) * 86400 + Int64(time.secondsSinceMidnight))
            }
        }
        guard let normalized else { throw OracleError(message: "no normalized form in '\(block)'") }
        return Result(normalized: normalized, elapses: elapses)
    }

    /// systemd-analyze's standard output and standard error for `arguments`, with "now" frozen at `base`.
    static func output(_ arguments: [String], base: Int64, zone: String) throws -> (String, String) {
        guard let analyze, let faketime else { throw OracleError(message: "systemd-analyze or faketime missing") }
        let process = Process()
        process.executableURL = faketime
        process.arguments = ["-f", String(base), analyze.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = zone
        environment["FAKETIME_FMT"] = "%s"
        environment["SYSTEMD_COLORS"] = "0"
        environment["SYSTEMD_PAGER"] = "cat"
        process.environment = environment
        let output = Pipe()
        // Errors go to a file: only one pipe is drained, so a long report cannot stall the child on a full pipe.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString)")
        try Data().write(to: errorFile)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return (String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Our evaluation of the same expressions, printed the way the oracle reads systemd's.
private func ours(_ expression: String, base: Int64, zone: LocalZone, iterations: Int) throws -> SystemdOracle.Result {
    let spec = try CalendarSpec.parse(expression)
    var elapses: [Int64] = []
    var current = base * 1_000_000
    while elapses.count < iterations, let next = spec.nextElapse(afterMicroseconds: current, in: zone) {
        elapses.append(next.floorDiv(1_000_000))
        current = next
    }
    return SystemdOracle.Result(normalized: spec.normalized, elapses: elapses)
}

extension Int64 {
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return self % divisor != 0 && (self < 0) != (divisor < 0) ? quotient - 1 : quotient
    }
}

@Suite(
    "CalendarSpec against systemd-analyze",
    .enabled(if: SystemdOracle.isAvailable, "needs systemd-analyze and faketime"))
struct CalendarSpecOracleTests {
    /// Expressions compared with systemd: every feature of the syntax, and times that daylight-saving changes skip
    /// or repeat in the zones below.
    static let expressions: [String] = [
        // Weekdays.
        "Mon..Fri *-*-* 08:00", "Sat,Sun 10:00", "Mon,Wed,Fri 07:30", "monday 09:00", "Tuesday..Thursday 13:30:15",
        "Fri *-*-13 00:00", "Mon-Wed 12:00", "Wed..Sat,Mon 06:00", "Sun", "Mon..Sun 05:05", "Sat *-*-1..7 09:00",
        "Mon *-05~07/1", "Thu,Fri 2027-*-1,5 11:12:13", "Mon,Tue,Wed,Fri,Sat 18:00", "Wed, 17:48", "SUN,sat 23:00",
        "Mon *-02-29", "Fri *-*~01 16:00", "Sat..Sun *-*-* *:0/30",
        // Dates.
        "*-*-01 09:00", "*-*-1/2 06:00", "*-1/2-1,3 *:30:45", "*-*-15,30 12:00", "*-*-31", "*-*-30 23:59:59",
        "*-02-29", "*-02-29 12:00", "*-02-28..29 08:00", "*-*~01", "*-*~03 18:00", "*-02~03", "*-02~01",
        "*-*~07/2 00:00", "*-12~01 23:59:59", "*-*~1..3", "*-*~01..07/3", "2027-*-* 00:00", "2027..2030/2-*-01",
        "2028-02-29 08:00", "2027,2029-06-15 10:00", "27-*-* 06:00", "*-01-01 00:00:00", "*-12-31 23:59:00",
        "*-03-31 02:30", "*-10-31 02:30", "*-11-07 01:30", "*-03-14 02:30", "*-03..05-* 06:00", "10-15",
        "2003-03-05 05:40", "*-*-1..3/5", "2199-12-31 23:59:59", "2030..2040-02-29", "*-*-29,30,31 22:00",
        "*-06,12~02 12:00", "1970..2199/50-01-01", "*-1..12/3-1 12:00",
        // Times.
        "*:0/15", "*:00/15:30", "*-*-* *:*:00", "*:*:0/10", "*:*:*", "08:00", "8:0", "08:05:40",
        "12,14,13,12:20,10,30", "12..14:10,20,30", "9..17/2:00", "0/6:00", "*:2/3", "*:0..59/7", "23:59:59",
        "00:00:00", "00/2:00:00", "*:0/40", "*:*:0/40", "*:30", "02:*", "02:0/20", "01..03:00/30", "2,3:00",
        "01:30", "02:30", "03:00", "00:30", "01:59:59", "*:59:59", "0..23/25:00", "00:00:5..8/2", "*:*:59",
        // Fractional seconds, including a repetition that overshoots the minute by a fraction.
        "1:2:3.1234567", "05:40:23.4200004/3.1700005", "*:*:0.5", "*:*:0/0.25", "*:*:10..20/2.5", "8:0:0.25..3",
        "*:*:0.7/40.1", "*:*:00/59.999999",
        // Shorthands.
        "minutely", "hourly", "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "semiannually",
        "semi-annually", "biannually", "bi-annually", "Daily", "HOURLY",
        // Time zones, and instants.
        "*-*-* 08:00 UTC", "daily UTC", "Mon..Fri 08:00 Asia/Ho_Chi_Minh", "*-*-* 02:30 Europe/Berlin",
        "*:0/20 Europe/Berlin", "02:0/30 Europe/Berlin", "*-*-* 01:30 America/New_York", "*:0/10 America/New_York",
        "weekly Pacific/Auckland", "*-*-01 00:00 Australia/Sydney", "*-*-* 00:00 America/Santiago",
        "*-*-* 00:30 America/Havana", "*:0/30 Asia/Kolkata", "daily Asia/Kathmandu", "12:00 Etc/UTC",
        "hourly Europe/London", "Sat,Sun 8:0 Europe/Berlin", "*-10-31 02:30 Europe/Berlin", "@2000000000",
        "@1900000000 UTC", "*-*-* 02:30 utc", "Mon UTC", "*-*-* 00:00:00 America/Sao_Paulo", "monthly Asia/Tokyo",
    ]

    /// Base instants (Unix seconds): ordinary days, the hours around daylight-saving changes in Berlin and New York
    /// (both passes of the repeated hour), year and month ends, leap days, and the end of systemd's range.
    static let bases: [Int64] = [
        1_803_697_200,  // 2027-02-27 03:00:00Z
        1_806_194_700,  // 2027-03-28 00:45:00Z: 01:45 CET, before Berlin (and Dublin) spring forward
        1_805_007_000,  // 2027-03-14 06:50:00Z: 01:50 EST, before New York springs forward
        1_824_941_400,  // 2027-10-31 00:10:00Z: 02:10 CEST, first pass of Berlin's repeated hour
        1_824_945_000,  // 2027-10-31 01:10:00Z: 02:10 CET, second pass
        1_825_564_800,  // 2027-11-07 05:20:00Z: 01:20 EDT, first pass of New York's repeated hour
        1_825_568_400,  // 2027-11-07 06:20:00Z: 01:20 EST, second pass
        1_830_272_399,  // 2027-12-31 16:59:59Z: 23:59:59 on New Year's Eve in Vietnam
        1_835_368_200,  // 2028-02-28 16:30:00Z
        1_835_438_400,  // 2028-02-29 12:00:00Z
        1_814_392_770,  // 2027-06-30 21:59:30Z
        1_780_268_400,  // 2026-05-31 23:00:00Z
        7_258_032_000,  // 2199-12-31 00:00:00Z
        1_820_115_000,  // 2027-09-05 03:30:00Z: 23:30 in Santiago, before its clock skips midnight
        1_806_805_800,  // 2027-04-04 02:30:00Z: 23:30 in Santiago, first pass of its repeated hour
        1_806_809_400,  // 2027-04-04 03:30:00Z: 23:30 in Santiago, second pass
    ]

    /// Vietnam; two zones with ordinary daylight-saving time; one whose clock skips and repeats midnight; one whose
    /// database entry calls winter time daylight-saving time.
    static let zones = ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York", "America/Santiago", "Europe/Dublin"]
    static let iterations = 8

    @Test("faketime freezes systemd-analyze's now at the base instant")
    func faketimeFixesNow() throws {
        // Given a frozen clock at a known instant, when systemd evaluates "every second",
        // then its first elapse is exactly one second later.
        let results = try SystemdOracle.evaluate(
            ["*:*:*"], base: 1_803_697_200, zone: "Asia/Ho_Chi_Minh",
            iterations: 2)
        #expect(results.first??.elapses == [1_803_697_201, 1_803_697_202])
    }

    @Test("normalized forms and next elapses agree with systemd-analyze", arguments: zones)
    func agreesWithSystemd(zone: String) throws {
        #expect(Self.expressions.count >= 100)
        let comparison = try compare(Self.expressions, bases: Self.bases, zone: zone)
        #expect(comparison.compared == Self.expressions.count * Self.bases.count)
        #expect(comparison.disagreements.isEmpty, "\(comparison.summary)")
    }

    @Test(
        "seeded random expressions are accepted and evaluated as systemd-analyze does",
        arguments: zip(zones, [UInt64](1...5)))
    func randomExpressionsAgree(zone: String, seed: UInt64) throws {
        // Given a few hundred generated expressions, some of them invalid,
        var generator = CalendarSpecGenerator(seed: seed)
        let candidates = (0..<300).map { _ in generator.expression() }
        // when systemd-analyze and we parse them, then we refuse the same ones,
        let rejected = try SystemdOracle.rejected(candidates)
        for expression in candidates {
            #expect(((try? CalendarSpec.parse(expression)) != nil) == !rejected.contains(expression), "'\(expression)'")
        }
        // and the accepted ones elapse at the same instants from random bases between 2026 and 2032.
        let valid = candidates.filter { !rejected.contains($0) }
        let bases = (0..<4).map { _ in Int64.random(in: 1_770_000_000...1_960_000_000, using: &generator.random) }
        let comparison = try compare(valid, bases: bases, zone: zone)
        #expect(valid.count > 150)
        #expect(comparison.disagreements.isEmpty, "\(comparison.summary)")
    }

    private struct Comparison {
        var compared = 0
        var disagreements: [String] = []
        var summary: String {
            "\(disagreements.count) of \(compared) differ:\n" + disagreements.prefix(20).joined(separator: "\n")
        }
    }

    /// Evaluates every expression from every base with systemd and with `CalendarSpec`. Where systemd gave up the
    /// search (too many rounds), ours must have stopped early too.
    private func compare(_ expressions: [String], bases: [Int64], zone: String) throws -> Comparison {
        let localZone = try #require(LocalZone(identifier: zone))
        var comparison = Comparison()
        for base in bases {
            let theirs = try SystemdOracle.evaluate(expressions, base: base, zone: zone, iterations: Self.iterations)
            for (expression, expected) in zip(expressions, theirs) {
                let actual = try ours(expression, base: base, zone: localZone, iterations: Self.iterations)
                comparison.compared += 1
                let agrees = expected.map { $0 == actual } ?? (actual.elapses.count < Self.iterations)
                if !agrees {
                    comparison.disagreements.append(
                        "'\(expression)' from \(Instant(seconds: base)) in \(zone): systemd "
                            + "\(expected.map { "\($0)" } ?? "gave up"), ours \(actual)")
                }
            }
        }
        return comparison
    }

    @Test(
        "the report prints what systemd-analyze prints",
        arguments: ["Mon..Fri 08:00", "*-*-* *:*:00", "*-02-29", "2026-01-01", "*-*-01 09:00:00"])
    func reportMatchesSystemd(expression: String) throws {
        // Given Vietnam's zone, whose abbreviation Foundation and the time-zone database write alike (+07),
        let base: Int64 = 1_803_697_200
        let report = try CalendarSpecReport(
            expression: expression, iterations: 12, from: Instant(seconds: base),
            zone: .vietnam)
        // when both print twelve iterations, then the text is the same, line for line.
        let (output, _) = try SystemdOracle.output(
            ["calendar", "--iterations=12", "--", expression], base: base,
            zone: "Asia/Ho_Chi_Minh")
        #expect(report.lines == output.split(separator: "\n").map(String.init))
    }

    /// Expressions systemd refuses, with a few it accepts among them to show the comparison can see both.
    static let acceptanceProbes: [String] = [
        "*:*/15", "today", "now", "*:*:*.5", "*-*~1/2", "Sat..Mon", "daily Foo/Bar", "*-*-20/15", "*:*:5.5..6",
        "Tues", "Mon..", "Mon.,Tue", "Mon, Tue", "69..71-1-1", "*-05~7..1", "*-*~29", "1-2-3-4", "2027-1-1 8", "8:",
        ":8", "8::", "*:*:*:*", "08:00:60", "24:00", "*-*-* 23:59:59.9999995", "@-5", "daily  UTC", "UTC",
        "Mon\t8:00", "2200-01-01", "1969-12-31", "*-*-0", "*-0-1", "*-13-1", "*-*-32 08:00", "Mon..Fri,", "Mond",
        "*-*-1,", "*-*-1..", "*-*-1/0", "1..3/0:00", "*/2:00", "2027~01-01", "*-*-1~2", "Mon 8", "8.5:00",
        "*:*:1.", "daily PST", "daily europe/berlin", "daily GMT+7", "*-*-* 08:00 Mars/Olympus",
        "Mon,", "Wed..Wed,Wed *-1", "*~1", "*-02~*", "@ 5", "@0", "00:00:059", "0..23/25:00", "Mon-Wed",
        "monDAY", "*-*-* 8:0:0.25..3", "daily Etc/GMT+7", "daily Factory", "2027..2030/2-*-*",
    ]

    @Test("accepts and rejects the same expressions as systemd-analyze")
    func acceptanceAgrees() throws {
        let rejectedBySystemd = try SystemdOracle.rejected(Self.acceptanceProbes)
        #expect(!rejectedBySystemd.isEmpty && rejectedBySystemd.count < Self.acceptanceProbes.count)
        for expression in Self.acceptanceProbes {
            let weAccept = (try? CalendarSpec.parse(expression)) != nil
            #expect(weAccept == !rejectedBySystemd.contains(expression), "'\(expression)'")
        }
    }
}
