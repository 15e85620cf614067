import InspectCore
import InspectStore

/// A row for one of the center's tables.
struct CentralRow: Sendable {
    var table: CentralFactTable
    var values: [UplinkValue]
}

/// How a site's facts become the center's rows (see `CentralSchema` for the tables): a finding is a row of its own;
/// a ledger entry is the row of its table as it was after a change, and becomes the rows it implies — the fact
/// itself the first time it arrives, and a status change, a retirement, an acknowledgement or a corrective action's
/// step when the entry shows one. Entries the site keeps secret (`UplinkSecrecy`), of tables the center does not
/// hold (the record's identity, violation types, staff profiles) and deletions become nothing.
enum CentralFacts {
    static func rows(for item: UplinkItem) -> [CentralRow] {
        switch item {
        case .finding(let finding): [CentralRow(table: findingTable, values: values(of: finding))]
        case .entry(let entry): UplinkSecrecy.withholds(entry) || entry.row == nil ? [] : rows(for: entry)
        }
    }

    static let findingTable = CentralFactTable(
        "finding",
        "row_id:int inspection_row_id:int violation:text staff_badge:text observed_at:time clock_time:text "
            + "minutes:int note:text recorded_by:text recorded_at:time action:text corrects_row_id:int reason:text "
            + "corrected_at:time prev_hash:text hash:text", skipsExisting: false, addedBy: "add_findings")

    private static func values(of finding: Finding) -> [UplinkValue] {
        [
            .int(finding.id), .int(finding.inspection), .text(finding.violation), text(finding.staff),
            .int(finding.observedAt.seconds), text(finding.clockTime?.description),
            int(finding.minutes.map(Int64.init)),
            text(finding.note), .text(finding.recordedBy), .int(finding.recordedAt.seconds),
            .text(finding.action.rawValue), int(finding.corrects), text(finding.reason),
            int(finding.correctedAt?.seconds), .text(finding.prevHash), .text(finding.hash),
        ]
    }

    private static func text(_ value: String?) -> UplinkValue { value.map(UplinkValue.text) ?? .null }
    private static func int(_ value: Int64?) -> UplinkValue { value.map(UplinkValue.int) ?? .null }

    // MARK: - Ledger entries

    private static let office = CentralFactTable(
        "office",
        "row_id:int code:text name:text parent_row_id:int kind:text hours_profile:text created_at:time")
    private static let officeRetirement = CentralFactTable("office_retirement", "office_row_id:int retired_at:time")
    private static let staff = CentralFactTable(
        "staff", "row_id:int badge:text name:text title:text category:text created_at:time")
    private static let staffRetirement = CentralFactTable("staff_retirement", "staff_row_id:int retired_at:time")
    private static let staffMove = CentralFactTable(
        "staff_move", "row_id:int staff_row_id:int office_row_id:int started_at:time recorded_by:text")
    private static let inspection = CentralFactTable(
        "inspection",
        "row_id:int office_row_id:int kind:text plan:text due_at:time window_end:time team:text draw_row_id:int "
            + "follows_row_id:int created_at:time created_by:text")
    private static let transition = CentralFactTable(
        "inspection_transition",
        "row_id:int inspection_row_id:int status:text changed_at:time changed_by:text checked:int reason:text "
            + "opened_at:time")
    private static let surpriseDraw = CentralFactTable(
        "surprise_draw",
        "row_id:int plan:text period:text period_start:time period_end:time commitment:text seed:text inputs:text "
            + "created_at:time revealed_at:time")
    private static let followUpDraw = CentralFactTable(
        "follow_up_draw",
        "row_id:int inspection_row_id:int follows_row_id:int commitment:text seed:text inputs:text due_at:time "
            + "created_at:time revealed_at:time")
    private static let escalation = CentralFactTable(
        "escalation",
        "row_id:int rule:text level:text subject_kind:text subject:text threshold:int window_size:int "
            + "window_unit:text first_day:date last_day:date count:int anchor_row_id:int trigger_row_id:int "
            + "raised_at:time raised_by:text")
    private static let acknowledgement = CentralFactTable(
        "escalation_acknowledgement",
        "escalation_row_id:int acknowledged_at:time acknowledged_by:text note:text")
    private static let escalationFinding = CentralFactTable(
        "escalation_finding", "escalation_row_id:int finding_row_id:int")
    private static let correctiveAction = CentralFactTable(
        "corrective_action",
        "row_id:int finding_row_id:int requirement:text due_date:date due_at:time required_by:text "
            + "required_at:time")
    private static let actionStep = CentralFactTable(
        "corrective_action_step", "row_id:int action_row_id:int step:text changed_at:time changed_by:text note:text")

    private static func rows(for entry: UplinkEntry) -> [CentralRow] {
        let row = { (table: CentralFactTable, columns: [String]) in
            CentralRow(table: table, values: columns.map { entry[$0] })
        }
        let when = { (column: String, rows: () -> [CentralRow]) in entry[column] == .null ? [] : rows() }
        switch entry.table {
        case "office":
            return [row(office, ["id", "code", "name", "parent_id", "kind", "hours_profile", "created_at"])]
                + when("retired_at") { [row(officeRetirement, ["id", "retired_at"])] }
        case "staff":
            return [row(staff, ["id", "badge", "name", "title", "category", "created_at"])]
                + when("retired_at") { [row(staffRetirement, ["id", "retired_at"])] }
        case "staff_assignment":
            return [row(staffMove, ["id", "staff_id", "office_id", "started_at", "recorded_by"])]
        case "inspection":
            let fact = row(
                inspection,
                [
                    "id", "office_id", "kind", "plan", "due_at", "window_end", "team", "draw_id", "follows_id",
                    "created_at", "created_by",
                ])
            return [fact, CentralRow(table: transition, values: transitionValues(entry))]
        case "surprise_draw":
            return [
                row(
                    surpriseDraw,
                    [
                        "id", "plan", "period", "period_start", "period_end", "commitment", "seed", "inputs",
                        "created_at", "revealed_at",
                    ])
            ]
        case "follow_up_draw":
            return [
                row(
                    followUpDraw,
                    [
                        "id", "inspection_id", "follows_id", "commitment", "seed", "inputs", "due_at", "created_at",
                        "revealed_at",
                    ])
            ]
        case "escalation":
            return [
                row(
                    escalation,
                    [
                        "id", "rule", "level", "subject_kind", "subject", "threshold", "window_size", "window_unit",
                        "first_day", "last_day", "count", "anchor_id", "trigger_id", "raised_at", "raised_by",
                    ])
            ]
                + when("acknowledged_at") {
                    [row(acknowledgement, ["id", "acknowledged_at", "acknowledged_by", "note"])]
                }
        case "escalation_finding":
            return [row(escalationFinding, ["escalation_id", "finding_id"])]
        case "corrective_action":
            let step = { (name: String, at: String, by: String, note: String?) in
                when(at) {
                    [
                        CentralRow(
                            table: actionStep,
                            values: [
                                .int(entry.seq), entry["id"], .text(name), entry[at], entry[by],
                                note.map { entry[$0] } ?? .null,
                            ])
                    ]
                }
            }
            return [
                row(
                    correctiveAction,
                    ["id", "finding_id", "requirement", "due_date", "due_at", "required_by", "required_at"])
            ]
                + step("done", "done_at", "done_by", "done_note")
                + step("verified", "verified_at", "verified_by", "verified_note")
                + step("overdue", "overdue_at", "none", nil)
        default:
            return []
        }
    }

    /// The status an inspection's entry shows, when it took it (the first of the instants that apply that is set),
    /// and who gave it; and when it was opened, which an inspection imported already closed brings with its closing
    /// only.
    private static func transitionValues(_ entry: UplinkEntry) -> [UplinkValue] {
        let status = entry["status"].text ?? ""
        let (instants, by): ([String], UplinkValue) =
            switch InspectionStatus(rawValue: status) {
            case .open: (["opened_at"], entry["opened_by"])
            case .closed, .missed, .cancelled: (["closed_at", "due_at"], entry["closed_by"])
            case .due: (["due_at"], .null)
            case .scheduled, nil: ([], entry["created_by"])
            }
        let at = (instants + ["created_at"]).lazy.map { entry[$0] }.first { $0 != .null } ?? .null
        return [
            .int(entry.seq), entry["id"], .text(status), at, by, entry["checked"], entry["cancel_reason"],
            entry["opened_at"],
        ]
    }
}
