import GRDB
import InspectCore

extension SurpriseDrawRecord {
    /// The draws of the period labelled `period`, of the plan `plan` only when there is one, by plan.
    package static func draws(
        _ transaction: StoreTransaction, period: String, plan: String?
    ) throws -> [SurpriseDrawRecord] {
        var request = filter(Columns.period == period)
        if let plan { request = request.filter(Columns.plan == plan) }
        return try request.order(Columns.plan).fetchAll(transaction.db)
    }

    /// How many draws the plan `plan` has for the period labelled `period`, drawn by `drawnBy` when there is one.
    package static func count(
        _ transaction: StoreTransaction, plan: String, period: String, drawnBy: Instant? = nil
    ) throws -> Int {
        var request = filter(Columns.plan == plan).filter(Columns.period == period)
        if let drawnBy { request = request.filter(Column("created_at") <= drawnBy.seconds) }
        return try request.fetchCount(transaction.db)
    }

    /// The draws whose seed is not revealed and whose period ended by `instant`, in the order they were drawn.
    package static func unrevealed(
        _ transaction: StoreTransaction, endedBy instant: Instant
    ) throws -> [SurpriseDrawRecord] {
        try filter(Columns.revealedAt == nil).filter(Columns.periodEnd <= instant.seconds).order(Column("id"))
            .fetchAll(transaction.db)
    }
}
