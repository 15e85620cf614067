import GRDB
import InspectCore
import InspectStore

/// SQL for reading findings as they stand.
enum FindingRows {
    /// True for a row that is the finding as it stands: not a retraction and not corrected by a later row.
    static let isCurrent =
        "f.action <> 'retract' AND NOT EXISTS (SELECT 1 FROM finding c WHERE c.corrects_id = f.id)"

    private static let select = """
        SELECT f.*, o.code AS office_code, v.severity,
            (SELECT c.action FROM finding c WHERE c.corrects_id = f.id) AS corrected_by
        FROM finding f
        JOIN inspection i ON i.id = f.inspection_id
        JOIN office o ON o.id = i.office_id
        JOIN violation_type v ON v.code = f.violation
        """

    static func views(
        _ db: Database, where condition: String, arguments: StatementArguments, currentOnly: Bool, limit: Int? = nil
    )
        throws -> [FindingView]
    {
        let filter = currentOnly ? "(\(condition)) AND \(isCurrent)" : condition
        let sql = select + " WHERE " + filter + " ORDER BY f.id" + (limit.map { " LIMIT \($0)" } ?? "")
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            row in
            let record = try FindingRecord(row: row)
            let correctedBy: String? = row["corrected_by"]
            let state: FindingState =
                switch (record.action, correctedBy) {
                case (.retract, _): .retraction
                case (_, "retract"): .retracted
                case (_, .some): .amended
                default: .current
                }
            return FindingView(
                finding: record.finding, office: row["office_code"], severity: row["severity"], state: state)
        }
    }

    /// The id of the row that first recorded the finding row `id` belongs to (itself for a record).
    static func root(_ db: Database, of id: Int64) throws -> Int64 {
        guard
            let root = try Int64.fetchOne(
                db, sql: "SELECT root_id FROM finding_lineage WHERE finding_id = ?",
                arguments: [id])
        else { throw InspectError.notFound(kind: "finding", key: String(id)) }
        return root
    }

    /// The row that stands for the finding first recorded as `root`, or nil when it was retracted.
    static func current(_ db: Database, root: Int64) throws -> FindingView? {
        try views(
            db, where: "f.id IN (SELECT finding_id FROM finding_lineage WHERE root_id = ?)", arguments: [root],
            currentOnly: true
        ).first
    }

    static func view(_ db: Database, id: Int64) throws -> FindingView {
        guard let view = try views(db, where: "f.id = ?", arguments: [id], currentOnly: false).first else {
            throw InspectError.notFound(kind: "finding", key: String(id))
        }
        return view
    }
}
