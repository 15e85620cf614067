/// When the daemon must apply its plans again.
public enum PlanningTimes {
    /// The next moment after `now` when plans need applying: the next local midnight (to extend the planned horizon
    /// by a day), or earlier when a surprise plan's period ends (its next period is then drawn ahead and its seed
    /// revealed).
    public static func next(after now: Instant, plans: PlanSet, zone: LocalZone) -> Instant {
        let tomorrow = zone.startOfDay(zone.local(now).date.adding(days: 1))
        return plans.plans.compactMap(\.surpriseRules).reduce(tomorrow) { earliest, rules in
            min(earliest, DrawPeriod.containing(now, unit: rules.period, zone: zone).end)
        }
    }
}
