import InspectCore
import InspectService
import InspectVarlink

/// What `finding log` prints of the finding it wrote: the row, and the escalations writing it raised.
///
/// Through the socket it is read straight from the reply's values rather than by decoding the whole ``FindingView``:
/// `Codable` would have the Swift runtime scan the program's conformance records for each type of the view, and
/// that was most of what the command spent after its start (README, "Speed").
struct LoggedFinding: Equatable {
    var id: Int64
    var violation: String
    var inspection: Int64
    var staff: String?
    var minutes: Int?
    var escalations: [EscalationView]

    init(_ view: FindingView) {
        let finding = view.finding
        self.init(
            id: finding.id, violation: finding.violation, inspection: finding.inspection, staff: finding.staff,
            minutes: finding.minutes, escalations: view.escalations ?? [])
    }

    private init(
        id: Int64, violation: String, inspection: Int64, staff: String?, minutes: Int?, escalations: [EscalationView]
    ) {
        self.id = id
        self.violation = violation
        self.inspection = inspection
        self.staff = staff
        self.minutes = minutes
        self.escalations = escalations
    }

    /// Reads the reply of `LogFinding`; a reply of another shape is decoded as a view, whose error then says what
    /// is wrong with it.
    init(reply: [String: VarlinkValue]) throws {
        guard case .object(let finding)? = reply["finding"], case .int(let id)? = finding["id"],
            case .string(let violation)? = finding["violation"], case .int(let inspection)? = finding["inspection"],
            let staff = Self.optional(finding["staff"], { $0.stringValue }),
            let minutes = Self.optional(finding["minutes"], { $0.intValue.flatMap { Int(exactly: $0) } })
        else {
            self.init(try VarlinkValue.object(reply).decode(as: FindingView.self))
            return
        }
        let escalations: [EscalationView] =
            switch reply["escalations"] {
            case nil, .null?, .array([])?: []
            case let raised?: try raised.decode(as: [EscalationView].self)
            }
        self.init(
            id: id, violation: violation, inspection: inspection, staff: staff, minutes: minutes,
            escalations: escalations)
    }

    /// An optional member: `.some(nil)` when absent or null, nil when present with another type than `read` takes.
    private static func optional<T>(_ value: VarlinkValue?, _ read: (VarlinkValue) -> T?) -> T?? {
        switch value {
        case nil, .null?: .some(nil)
        case let value?: read(value).map { .some($0) }
        }
    }

    func print() {
        var line = "Logged finding \(id): \(violation) in inspection \(inspection)"
        if let staff { line += " for \(staff)" }
        if let minutes { line += " (\(minutes) min)" }
        Output.text(line + ".")
        EscalationNotice.print(escalations)
    }
}

extension FindingLogRequest {
    /// The request as `LogFinding`'s parameters, written as its `Codable` conformance writes them (the tests compare
    /// the two), for the socket call that skips `Codable` (``LoggedFinding``).
    var varlinkParameters: [String: VarlinkValue] {
        var parameters: [String: VarlinkValue] = ["inspection": .int(inspection), "violation": .string(violation)]
        if let staff { parameters["staff"] = .string(staff) }
        if let arrived { parameters["arrived"] = .string(arrived.description) }
        if let left { parameters["left"] = .string(left.description) }
        if let note { parameters["note"] = .string(note) }
        if let observedAt { parameters["observedAt"] = .int(observedAt.seconds) }
        return parameters
    }
}
