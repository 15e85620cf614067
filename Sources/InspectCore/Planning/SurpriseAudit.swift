/// Checks a revealed surprise draw: the seed and inputs match the commitment published before the period, and the
/// drafts are exactly what the planner gives for them, so the surprises were random and fixed in advance.
///
/// ```swift
/// let report = SurpriseAudit.verify(
///     seed: seed, inputs: draw.inputs, commitment: draw.commitment, drafts: draw.drafts, calendar: calendar)
/// if !report.isConfirmed { print(report) }
/// ```
public enum SurpriseAudit {
    /// Everything found wrong, in the order checked; empty when the draw is confirmed.
    public static func verify(
        seed: DrawSeed, inputs: DrawInputs, commitment: String, drafts: [SurpriseDraft], calendar: WorkCalendar
    ) -> Report {
        var problems: [Problem] = []
        let recomputed = inputs.commitment(seed: seed)
        if recomputed != commitment.lowercased() {
            problems.append(.commitmentMismatch(recorded: commitment, recomputed: recomputed))
        }
        do {
            let current = try CalendarFacts.digest(
                calendar: calendar, profiles: inputs.offices.map(\.hoursProfile), period: inputs.period)
            if current != inputs.calendarDigest {
                problems.append(.calendarChanged(recorded: inputs.calendarDigest, current: current))
            }
            var generator = DrawGenerator(seed: seed)
            let replayed = try SurprisePlanner(inputs: inputs, calendar: calendar).draw(using: &generator)
            let (missing, unexpected) = difference(replayed, drafts.sorted())
            problems += missing.map(Problem.missingDraft) + unexpected.map(Problem.unexpectedDraft)
        } catch {
            problems.append(.replayFailed("\(error)"))
        }
        return Report(problems: problems)
    }

    /// The elements only in `left` and only in `right`, both sorted, counting repeats.
    private static func difference(
        _ left: [SurpriseDraft], _ right: [SurpriseDraft]
    ) -> ([SurpriseDraft], [SurpriseDraft]) {
        var (onlyLeft, onlyRight) = ([SurpriseDraft](), [SurpriseDraft]())
        var (i, j) = (0, 0)
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i] < right[j]) {
                onlyLeft.append(left[i])
                i += 1
            } else if i == left.count || right[j] < left[i] {
                onlyRight.append(right[j])
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return (onlyLeft, onlyRight)
    }

    /// The outcome of an audit.
    public struct Report: Hashable, Sendable, CustomStringConvertible {
        public var problems: [Problem]

        public var isConfirmed: Bool { problems.isEmpty }

        /// `confirmed`, or one problem per line.
        public var description: String {
            isConfirmed ? "confirmed" : problems.map(\.description).joined(separator: "\n")
        }
    }

    /// One way a revealed draw fails to match its record.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The seed and inputs do not hash to the published commitment: a wrong seed or changed inputs.
        case commitmentMismatch(recorded: String, recomputed: String)
        /// The calendar today gives other sessions or holidays for the period than it did at draw time.
        case calendarChanged(recorded: String, current: String)
        /// The planner could not replay the draw.
        case replayFailed(String)
        /// The replay draws this inspection; the record lacks it.
        case missingDraft(SurpriseDraft)
        /// The record holds this inspection; the replay does not draw it.
        case unexpectedDraft(SurpriseDraft)

        public var description: String {
            switch self {
            case .commitmentMismatch(let recorded, let recomputed):
                "commitment mismatch: recorded \(recorded), seed and inputs give \(recomputed)"
            case .calendarChanged(let recorded, let current):
                "the calendar changed since the draw: facts digest \(recorded) then, \(current) now"
            case .replayFailed(let reason): "the draw cannot be replayed: \(reason)"
            case .missingDraft(let draft): "missing from the record: \(draft)"
            case .unexpectedDraft(let draft): "not drawn by the replay: \(draft)"
            }
        }
    }
}
