// One simulated year of inspectd's loop, with the real service, scheduler and SQLite record but an injected clock
// that leaps from one armed instant to the next: the figures behind "scripts/year-sim".
//
// Offices are imported (a tenth departments, on a monthly planned inspection; the rest communes, drawn for surprise
// inspections), and the loop runs as the daemon's does: read the agenda, do what the scheduler says, sleep until the
// instant it arms. On the way the wall clock jumps ±2 h and ±1 day (the monotonic clock does not), and halfway the
// configuration is reloaded with another time zone. At the end every inspection whose instant came must have been
// reported due exactly once and, its window closed, missed exactly once; none may be reported before its instant;
// every event must have been sent once; and the resident memory is printed at the start and the end.
import CMalloc
import Foundation
import GRDB
import GRDBSQLite
import InspectCore
import InspectService
import InspectStore
import InspectTesting

struct Options {
    var offices = 10_000
    var seed: UInt64 = 1
    var holidays = "etc/inspectd/holidays.d"

    init(arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--offices":
                guard let number = Int(value), number >= 20 else { fail("--offices: not a number ≥ 20: \(value)") }
                offices = number
            case "--seed":
                guard let number = UInt64(value) else { fail("--seed: not a number: \(value)") }
                seed = number
            case "--holidays": holidays = value
            default: fail("unknown option \(flag) (known: --offices N, --seed N, --holidays DIR)")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("year-sim: \(message)\n".utf8))
    exit(2)
}

/// Where the process's memory is, in MiB: resident, split into anonymous pages and pages of files (code, mostly), from
/// /proc/self/status; the heap blocks malloc has handed out and not had back; and SQLite's share of those.
struct Memory {
    var resident: Double
    var anonymous: Double
    var file: Double
    var heapInUse: Double
    var sqlite: Double

    static func now() -> Memory {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func mebibytes(_ key: String) -> Double {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            let kibibytes = line?.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
            return kibibytes / 1024
        }
        let heap = mallinfo2()
        return Memory(
            resident: mebibytes("VmRSS"), anonymous: mebibytes("RssAnon"), file: mebibytes("RssFile"),
            heapInUse: Double(heap.uordblks + heap.hblkhd) / 1_048_576,
            sqlite: Double(sqlite3_memory_used()) / 1_048_576)
    }
}

/// Counts how often each outbox event reaches the journal in one byte per event, indexed by the event's row id
/// (ids are dense): the simulation's own bookkeeping stays under a megabyte, so the memory figures are inspectd's.
final class CountingSink: EventSink, @unchecked Sendable {
    private let lock = NSLock()
    private var deliveries: [UInt8] = []

    func deliver(_ event: Event, eventID: Int64?) -> Delivery {
        guard let eventID, eventID >= 0 else { return .journaled }
        lock.withLock {
            let index = Int(eventID)
            if index >= deliveries.count {
                deliveries.append(contentsOf: repeatElement(0, count: index + 1 - deliveries.count))
            }
            deliveries[index] &+= 1
        }
        return .journaled
    }

    func delivered(_ eventIDs: Set<Int64>, record: String) -> Set<Int64>? {
        lock.withLock { eventIDs.filter { $0 >= 0 && Int($0) < deliveries.count && deliveries[Int($0)] > 0 } }
    }

    var sentTwice: Int { lock.withLock { deliveries.filter { $0 > 1 }.count } }
    var total: Int { lock.withLock { deliveries.filter { $0 > 0 }.count } }
}

let options = Options(arguments: CommandLine.arguments)
let plans = [
    try IniDocument(
        text: """
            [Plan]
            Kind=planned
            OfficeKinds=department
            Team=noi-vu
            Window=2 working days
            OnCalendar=Mon *-*-1..7 08:00
            HolidayPolicy=next-working-session
            """, path: "plans.d/planned-monthly.conf"),
    try IniDocument(
        text: """
            [Plan]
            Kind=surprise
            OfficeKinds=commune
            Team=\((1...max(4, options.offices / 100)).map { "doan-\($0)" }.joined(separator: " "))
            Window=4h
            Period=month
            Total=\(max(1, options.offices * 35 / 100))
            MinPerOffice=1
            Horizon=quarter
            MaxPerOffice=1
            MinSpacing=20
            TeamCapacity=4
            Weighting=uniform
            """, path: "plans.d/surprise.conf"),
]
let holidayFiles = try FileManager.default.contentsOfDirectory(atPath: options.holidays).sorted()
    .filter { $0.hasSuffix(".conf") }
    .map { name in
        let path = options.holidays + "/" + name
        return try IniDocument(text: String(contentsOfFile: path, encoding: .utf8), path: path)
    }
func configuration(zone: String) throws -> InspectConfiguration {
    try InspectConfiguration(
        main: IniDocument(text: "[Calendar]\nTimeZone=\(zone)\n", path: "inspectd.conf"), holidayFiles: holidayFiles,
        planFiles: plans)
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inspectd-year-\(getpid())").path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
let database = try InspectDatabase.open(path: directory + "/inspectd.db", mode: .readWrite)
let start = try TimeParsing.instant("2027-01-01 00:00", in: .vietnam)
let end = try TimeParsing.instant("2028-01-01 00:00", in: .vietnam)
let clock = TestClock(start)
let sink = CountingSink()
let sender = OutboxSender(database: database, sink: sink, claimant: "inspectd:\(getpid())", clock: clock.function)
var service = InspectService(
    database: database, policy: ServicePolicy(configuration: try configuration(zone: "Asia/Ho_Chi_Minh")),
    sender: sender, clock: clock.function)
let admin = Caller(user: "inspectd", role: .admin)
var csv = "code,name,parent,kind\nUBND-HUYEN,UBND huyện,,district\n"
for index in 1..<options.offices {
    let kind = index % 10 == 0 ? "department" : "commune"
    csv += "OFFICE-\(index),Cơ quan \(index),UBND-HUYEN,\(kind)\n"
}
_ = try service.importOffices(csv: csv, path: "offices.csv", by: admin)

var generator = SplitMix64(seed: options.seed)
var chance = SplitMix64(seed: options.seed &+ 1)
var scheduler = SchedulerState()
// As the daemon does on start.
var plansAppliedAt = clock.now
_ = try service.applyPlans(by: admin, using: &generator)
var monotonic: Int64 = 0
var wakes = 0
var lastWake = clock.now
var drawFailures = 0
var jumps: [Int64] = []
/// The spans a forward jump skipped: an inspection whose whole window lies in one is reported missed, never due.
var skipped: [(from: Int64, to: Int64)] = []
var reloaded = false
var trimmedAt = clock.now
let jumpDays: [Int64: Int64] = [40: 7200, 100: -7200, 220: 86400, 300: -86400]
let memoryAtStart = Memory.now()
var memoryByMonth: [Memory] = []
let started = ContinuousClock.now

while clock.now < end {
    var next: Instant?
    var changed = true
    while changed {
        changed = false
        lastWake = clock.now
        let agenda = try service.agenda(plansAppliedAt: plansAppliedAt)
        wakes += 1
        for action in scheduler.wake(at: clock.now, monotonic: monotonic, agenda: agenda) {
            switch action {
            case .markDue(let id):
                try service.markDue(id: id)
                changed = true
            case .markMissed(let id):
                try service.markMissed(id: id)
                changed = true
            case .markOverdue(let id):
                try service.markActionOverdue(id: id)
                changed = true
            case .applyPlans:
                plansAppliedAt = clock.now
                let report = try service.applyPlans(by: admin, using: &generator)
                drawFailures += report.failed.count
                changed = true
            case .retryJournal: try service.sender.flushPending()
            case .clockJumped: break
            case .arm(let instant): next = instant
            }
        }
    }
    let day = (clock.now.seconds - start.seconds) / 86400
    let month = Int(day * 12 / 365)
    if memoryByMonth.count <= month { memoryByMonth.append(Memory.now()) }
    if !reloaded, day >= 182 {
        // What SIGHUP does: the same record and scheduler, a new configuration.
        reloaded = true
        service = InspectService(
            database: database, policy: ServicePolicy(configuration: try configuration(zone: "Asia/Bangkok")),
            sender: sender, clock: clock.function)
    }
    if let leap = jumpDays[day], !jumps.contains(leap) {
        // The wall clock jumps; barely any time passes.
        jumps.append(leap)
        if leap > 0 { skipped.append((clock.now.seconds, clock.now.seconds + leap)) }
        clock.advance(seconds: leap)
        monotonic += 1
        continue
    }
    // As the daemon does after a wake-up: freed heap pages go back to the system, at most once a minute.
    if clock.now.seconds - trimmedAt.seconds >= 60 {
        trimmedAt = clock.now
        malloc_trim(0)
    }
    // Sleep until the armed instant, or an hour at most (the daemon wakes for other reasons too).
    let target = min(next ?? clock.now.adding(seconds: 3600), clock.now.adding(seconds: 3600))
    let step = max(1, target.seconds - clock.now.seconds + Int64(chance.next() % 3))
    clock.advance(seconds: step)
    monotonic += step
}
let elapsed = ContinuousClock.now - started
let memoryAtEnd = Memory.now()

// The check, from the record itself (every event is an outbox row), up to the last wake-up.
struct Check {
    var inspections = 0
    var dueWrong = 0
    var missedWrong = 0
    var early = 0
    var cancelled = 0
    var examples: [String] = []
}
let check = try database.read { db -> Check in
    var check = Check()
    // A cancelled inspection is never due; the check counts them, so that wrong cancellations show.
    check.cancelled =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM inspection WHERE status = 'cancelled'") ?? 0
    let rows = try Row.fetchAll(
        db, sql: "SELECT id, due_at, window_end FROM inspection WHERE due_at < ? AND status <> 'cancelled'",
        arguments: [lastWake.seconds])
    check.inspections = rows.count
    let counts = try Row.fetchAll(
        db,
        sql: """
            SELECT json_extract(fields, '$.INSPECTION') AS inspection, kind, count(*) AS n, min(created_at) AS first
            FROM outbox WHERE kind IN ('inspection-due', 'inspection-missed') GROUP BY 1, 2
            """)
    var due: [String: (Int, Int64)] = [:]
    var missed: [String: (Int, Int64)] = [:]
    for row in counts {
        let entry = (row["n"] as Int, row["first"] as Int64)
        if row["kind"] as String == "inspection-due" {
            due[row["inspection"]] = entry
        } else {
            missed[row["inspection"]] = entry
        }
    }
    for row in rows {
        let id = String(row["id"] as Int64)
        let dueAt: Int64 = row["due_at"]
        let windowEnd: Int64? = row["window_end"]
        let windowSkipped = skipped.contains { span in dueAt > span.from && (windowEnd ?? dueAt) <= span.to }
        if due[id]?.0 != (windowSkipped ? nil : 1) {
            check.dueWrong += 1
            let detail = try Row.fetchOne(
                db, sql: "SELECT kind, status, due_at, window_end, created_at FROM inspection WHERE id = ?",
                arguments: [row["id"] as Int64])
            check.examples.append(
                "inspection \(id) reported due \(due[id]?.0 ?? 0) times: \(detail.map { "\($0)" } ?? ""), "
                    + "last wake-up \(lastWake.seconds)")
        }
        if let windowEnd, windowEnd < lastWake.seconds, missed[id]?.0 != 1 {
            check.missedWrong += 1
            check.examples.append("inspection \(id) reported missed \(missed[id]?.0 ?? 0) times")
        }
        if let (_, first) = due[id], first < dueAt {
            check.early += 1
            check.examples.append("inspection \(id) reported due before its instant")
        }
    }
    return check
}
let outboxRows = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox") ?? 0 }
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(
    String(
        format: "year-sim: %d offices, 1 year (jumps %@, time zone reloaded), %d wake-ups, %d inspections due, "
            + "%d cancelled, %d failed draws, %d due wrong, %d missed wrong, %d early, %d events (%d sent, %d twice), "
            + "RSS MiB at start %.1f, by month %@, at the end %.1f (anonymous %.1f → %.1f, files %.1f → %.1f, "
            + "heap in use %.1f → %.1f, of which SQLite %.1f → %.1f), %.1f s",
        options.offices, jumps.map { $0 > 0 ? "+\($0)s" : "\($0)s" }.joined(separator: " "), wakes,
        check.inspections, check.cancelled, drawFailures, check.dueWrong, check.missedWrong, check.early, outboxRows,
        sink.total, sink.sentTwice, memoryAtStart.resident,
        memoryByMonth.map { String(format: "%.1f", $0.resident) }.joined(separator: " "), memoryAtEnd.resident,
        memoryAtStart.anonymous, memoryAtEnd.anonymous, memoryAtStart.file, memoryAtEnd.file, memoryAtStart.heapInUse,
        memoryAtEnd.heapInUse, memoryAtStart.sqlite, memoryAtEnd.sqlite, seconds))
if ProcessInfo.processInfo.environment["YEAR_SIM_MEMORY"] != nil {
    for (month, memory) in memoryByMonth.enumerated() {
        print(
            String(
                format:
                    "year-sim: month %2d: resident %.1f MiB (anonymous %.1f, files %.1f), heap in use %.1f MiB, "
                    + "SQLite %.1f MiB", month + 1, memory.resident, memory.anonymous, memory.file, memory.heapInUse,
                memory.sqlite))
    }
}
if check.dueWrong + check.missedWrong + check.early + sink.sentTwice + drawFailures > 0 || sink.total != outboxRows
    || check.inspections == 0
{
    let examples = check.examples.prefix(5).map { "year-sim: FAILED: \($0)\n" }.joined()
    FileHandle.standardError.write(Data((examples.isEmpty ? "year-sim: FAILED\n" : examples).utf8))
    // exit() skips the defer above: the record stays for a look at what went wrong.
    FileHandle.standardError.write(Data("year-sim: record kept in \(directory)\n".utf8))
    exit(1)
}
