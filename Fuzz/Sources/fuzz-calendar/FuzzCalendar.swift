import FuzzSupport
import InspectCore

/// Feeds `CalendarSpec.parse` arbitrary text. A rejection must be a thrown error; an accepted expression must
/// parse again from its normalized form to the same value, and its elapses must move forward and be found again
/// from just before them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let spec = try? CalendarSpec.parse(text(data, size)) else { return 0 }
    guard let again = try? CalendarSpec.parse(spec.normalized) else {
        fatalError("the normalized form '\(spec.normalized)' does not parse")
    }
    precondition(again == spec, "'\(spec.normalized)' parses to '\(again.normalized)', another expression")
    for zone in zones {
        for start in starts {
            if let next = spec.nextElapse(after: start, in: zone) {
                precondition(next > start, "'\(spec)': next elapse \(next) is not after \(start) in \(zone)")
            }
            // Searching again from just before an elapse finds that same elapse.
            let micros = start.seconds * 1_000_000
            if let next = spec.nextElapse(afterMicroseconds: micros, in: zone), next - 1 > micros {
                let again = spec.nextElapse(afterMicroseconds: next - 1, in: zone)
                precondition(
                    again == next,
                    "'\(spec)' in \(zone): after \(micros) µs comes \(next), after \(next - 1) \(again as Any)")
            }
        }
        let elapses = spec.elapses(after: starts[0], count: 3, in: zone)
        precondition(zip(elapses, elapses.dropFirst()).allSatisfy(<), "'\(spec)': elapses out of order: \(elapses)")
    }
    return 0
}

/// The service's usual zone, and one with daylight saving changes.
private let zones = [LocalZone.vietnam, LocalZone(identifier: "Europe/Berlin")!]
/// 2026-01-01 00:00 UTC, and 2026-03-29 00:30 UTC, half an hour before Berlin's clocks skip an hour.
private let starts = [Instant(seconds: 1_767_225_600), Instant(seconds: 1_774_744_200)]

@main
enum FuzzCalendar {
    static func main() { runLibFuzzer(fuzz) }
}
