extension SurprisePlanner {
    /// The draw of `PlannerVersion.searching` once its greedy draws all ran out of days: an arrangement found by
    /// `DrawSearch`, then for each draft an instant and a team drawn as the greedy draw does.
    /// - Throws: the conflict that leaves no arrangement, found by searching again with one rule relaxed at a time;
    ///   or that the search was cut short.
    func searchedDraw(
        from start: DrawState, quota: DrawState.HorizonQuota, using rng: inout some RandomNumberGenerator
    ) throws -> [SurpriseDraft] {
        let rules = inputs.rules
        let candidates = inputs.offices.indices.map { start.freeDays($0) }
        let full = search(start, quota: quota, candidates: candidates, spacing: rules.minSpacingDays)
        switch full.run(using: &rng) {
        case .found(let chosen):
            return drafts(chosen, candidates: candidates, from: start, quota: quota, using: &rng)
        case .cutShort:
            throw start.infeasible(
                "\(Self.attempts) draws ran out of days and a search of \(DrawSearch.stepLimit) steps found no"
                    + " arrangement of Total=\(rules.total) before it stopped: the plan is too tight to draw; loosen"
                    + " MinSpacing, MaxPerOffice, TeamCapacity or Total")
        case .none:
            throw start.infeasible(conflict(start, quota: quota, full: full, using: &rng))
        }
    }

    /// A search over `candidates`, the offices' days, with `spacing` between an office's inspections; with no
    /// candidates given, over every working day at least `spacing` from the office's visits, as if the teams had no
    /// capacity limit.
    private func search(
        _ state: DrawState, quota: DrawState.HorizonQuota, candidates: [[WorkingDay]]?, spacing: Int
    ) -> DrawSearch {
        let rules = inputs.rules
        let offices = inputs.offices.indices.map { office in
            let days = candidates?[office] ?? state.freeDays(office, spacing: spacing, needsCapacity: false)
            return DrawSearch.Office(
                dayNumbers: days.map(\.dayNumber), dayIndices: days.map(\.index), low: quota.mustNow[office],
                high: min(state.maxLeft(office), rules.total), deficit: quota.deficit[office])
        }
        let capacity = inputs.period.days.indices.map {
            candidates == nil ? rules.total : state.capacityLeft(onDay: $0)
        }
        return DrawSearch(
            offices: offices, capacity: capacity, total: rules.total, required: quota.required, spacing: spacing)
    }

    /// The drafts of an arrangement: which of each office's drafts count for the horizon minimum (its `mustNow`, and
    /// the excess by weight among the offices the arrangement covers, as the greedy draw does), and for each an
    /// instant and a team.
    private func drafts(
        _ chosen: [[Int]], candidates: [[WorkingDay]], from start: DrawState, quota: DrawState.HorizonQuota,
        using rng: inout some RandomNumberGenerator
    ) -> [SurpriseDraft] {
        var minimum = quota.mustNow
        var excess = quota.required - minimum.reduce(0, +)
        while excess > 0 {
            var tree = WeightTree(
                inputs.offices.indices.map { office in
                    min(chosen[office].count, quota.deficit[office]) > minimum[office]
                        ? inputs.offices[office].weight : 0
                })
            precondition(tree.total > 0, "an arrangement the search found covers the horizon minimum")
            while excess > 0, let office = tree.draw(using: &rng) {
                minimum[office] += 1
                excess -= 1
                tree.set(office, to: 0)
            }
        }
        var state = start
        for (office, days) in chosen.enumerated() {
            for (number, day) in days.enumerated() {
                let reason: DraftReason = number < minimum[office] ? .horizonMinimum : .weightedDraw
                state.book(office, on: candidates[office][day], reason: reason, using: &rng)
            }
        }
        return state.drafts.sorted()
    }

    /// Why `full`, the search with every rule, found no arrangement: an office the horizon minimum needs now that has too few days on its own, or else
    /// found by searching again with the teams' capacity lifted, then with spacing lifted (one day, never twice on a
    /// day, unless MinSpacing=0): the rules that still leave none are the conflict.
    private func conflict(
        _ state: DrawState, quota: DrawState.HorizonQuota, full: DrawSearch,
        using rng: inout some RandomNumberGenerator
    ) -> String {
        let rules = inputs.rules
        for (index, office) in full.offices.enumerated() where office.low > 0 {
            let room = full.room(office, from: 0, capacity: full.capacity, limit: office.low)
            guard room < office.low else { continue }
            return
                "office \(inputs.offices[index].code) must be inspected \(office.low) time(s) this \(rules.period) for"
                + " its horizon minimum (MinPerOffice=\(rules.minPerOffice) per \(rules.horizon)), but only \(room) of its"
                + " working days respect MinSpacing=\(rules.minSpacingDays) and TeamCapacity=\(rules.teamCapacity)"
        }
        let teams = "TeamCapacity=\(rules.teamCapacity) (\(inputs.teams.count) team(s))"
        let maximum = rules.maxPerOffice.map { "MaxPerOffice=\($0)" } ?? "no MaxPerOffice"
        let minimum = "the horizon minimum (MinPerOffice=\(rules.minPerOffice) per \(rules.horizon))"
        let spacing = min(rules.minSpacingDays, 1)
        let withoutCapacity = search(state, quota: quota, candidates: nil, spacing: rules.minSpacingDays)
            .run(using: &rng)
        if withoutCapacity == .none {
            return "\(maximum), MinSpacing=\(rules.minSpacingDays) and \(minimum) leave no arrangement of"
                + " Total=\(rules.total), whatever the teams' capacity"
        }
        let candidates = inputs.offices.indices.map { state.freeDays($0, spacing: spacing, needsCapacity: true) }
        let withoutSpacing = search(state, quota: quota, candidates: candidates, spacing: spacing).run(using: &rng)
        if withoutSpacing == .none {
            return "\(teams) cannot place Total=\(rules.total) on the working days of the offices' hours, with"
                + " \(maximum)\(rules.minPerOffice > 0 ? " and \(minimum)" : ""), even before MinSpacing"
        }
        guard withoutCapacity != .cutShort && withoutSpacing != .cutShort else {
            return "\(maximum), MinSpacing=\(rules.minSpacingDays), \(teams) and \(minimum) leave no arrangement of"
                + " Total=\(rules.total) together"
        }
        return "MinSpacing=\(rules.minSpacingDays) and \(teams) cannot both be met for Total=\(rules.total): either"
            + " alone leaves room, but the days spacing leaves the offices (from each other and from their other"
            + " inspections) have too few team places between them"
    }
}
