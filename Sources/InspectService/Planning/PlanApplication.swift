import InspectCore

extension InspectService {
    /// One round of planning, as the daemon runs it on start, on reload and when a period turns: planned inspections
    /// up to the horizon, surprise draws for the current and next periods, and the seeds of ended periods published.
    public func applyPlans(
        by caller: Caller, using generator: inout some RandomNumberGenerator
    ) throws
        -> SchedulingReport
    {
        var report = SchedulingReport()
        let until = clock().adding(seconds: Int64(policy.configuration.horizonDays) * 86400)
        try schedulePlanned(until: until, by: caller, into: &report)
        try drawSurprises(by: caller, using: &generator, into: &report)
        try revealEndedDraws(into: &report)
        return report
    }
}
