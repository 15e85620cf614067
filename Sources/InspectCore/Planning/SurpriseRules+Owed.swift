extension SurpriseRules {
    /// The rules a draw of `period` made at `notBefore` is held to: the plan's own, unless the plan was not there for
    /// all of the period or of its horizon.
    ///
    /// A period drawn after it began (the plan's first draw mid-period, a daemon down when the period turned, a wall
    /// clock set forward) owes the share of `Total` that its working days left are of all its working days, rounded
    /// up: drawing the whole `Total` into the days left could be impossible (none left on the last Saturday) and
    /// would crowd them. The horizon minimum holds only over a horizon every period of which, this one included, was
    /// drawn in time: a plan that was not there to meet it does not owe it.
    ///
    /// - Parameters:
    ///   - horizonKept: whether every period of the horizon before `period` was drawn before it began.
    ///   - profiles: the hours profiles of the selected offices; a day counts when any of them works.
    /// - Throws: `InspectError.notFound` for an unknown profile.
    public func owed(
        in period: DrawPeriod, from notBefore: Instant, horizonKept: Bool, profiles: [String], calendar: WorkCalendar
    ) throws -> SurpriseRules {
        var owed = self
        guard notBefore > period.start else {
            if !horizonKept { owed.minPerOffice = 0 }
            return owed
        }
        owed.minPerOffice = 0
        var all: Set<Int> = []
        var left: Set<Int> = []
        for profile in Set(profiles) {
            for session in try calendar.workingSessions(from: period.start, to: period.end, profile: profile) {
                let day = calendar.zone.local(session.lowerBound).date.dayNumber
                all.insert(day)
                // A day is left when a whole minute of it is, as the planner counts days.
                if session.upperBound.seconds - max(session.lowerBound, notBefore).seconds >= 60 { left.insert(day) }
            }
        }
        guard !all.isEmpty else { return owed }
        owed.total = (total * left.count + all.count - 1) / all.count
        return owed
    }
}
