/// Every plan of `/etc/inspectd/plans.d/`, by name.
///
/// Names must be unique across files: journal entries, inspections and audits refer to plans by name, so two files
/// claiming one name would make the record ambiguous.
public struct PlanSet: Hashable, Sendable {
    /// The plans, sorted by name.
    public let plans: [Plan]

    /// Reads each plan file (each already merged with its drop-ins).
    /// - Throws: the first file's error, as `Plan.init(document:validateCalendar:violationCodes:)`; or
    ///   `InspectError.invalidConfig` naming both files when two plans share a name.
    public init(
        documents: [IniDocument], validateCalendar: (String) throws -> Void,
        violationCodes: Set<String> = Set(ViolationType.defaults.map(\.code))
    ) throws {
        var byName: [String: Plan] = [:]
        for document in documents {
            let plan = try Plan(document: document, validateCalendar: validateCalendar, violationCodes: violationCodes)
            if let earlier = byName[plan.name] {
                let line = document.value("Name", in: Plan.section)?.location.line ?? 0
                throw InspectError.invalidConfig(
                    path: document.path, line: line,
                    reason: "plan '\(plan.name)' is already defined in \(earlier.path); plan names must be unique")
            }
            byName[plan.name] = plan
        }
        plans = byName.values.sorted { $0.name < $1.name }
    }

    /// The plan called `name`.
    /// - Throws: `InspectError.notFound(kind: "plan", key: name)`.
    public func plan(named name: String) throws -> Plan {
        guard let plan = plans.first(where: { $0.name == name }) else {
            throw InspectError.notFound(kind: "plan", key: name)
        }
        return plan
    }
}
