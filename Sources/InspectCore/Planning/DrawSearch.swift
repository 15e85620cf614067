/// The exhaustive search of `PlannerVersion.searching`, for when greedy draws keep running out of days: it looks
/// through the arrangements of the period's inspections — how many each office gets, on which days — for one that
/// meets every rule, trying the choices in an order drawn from the generator, so that the one it finds is random too.
///
/// An arrangement gives each office a number of inspections from what the horizon minimum forces now to what
/// MaxPerOffice leaves, on working days of its profile at least `spacing` days from its other inspections and from
/// each other, with no day taking more than its teams' capacity left, `Total` in all, and the offices' deficits
/// covered as far as the horizon minimum requires (see `DrawState.HorizonQuota`). Offices are decided one after the
/// other, the most constrained first, and an office's days in increasing order, so each arrangement is met once. A
/// branch is cut as soon as it cannot reach `Total` or the minimum: bounds count the days each office could still
/// take on its own, the capacity left and the inspections the rest must take.
///
/// The search is iterative (its depth is the number of inspections) and stops after `stepLimit` steps, a step being
/// one candidate day looked at: a fixed count, so the same inputs and seed end the same way on any machine.
struct DrawSearch {
    /// The most steps a search takes before it gives up. Part of `PlannerVersion.searching`: never change it.
    static let stepLimit = 20_000_000

    /// How a search ended.
    enum Outcome: Equatable {
        /// The days chosen for each office, by office index, as indices into the office's `candidates`.
        case found([[Int]])
        /// No arrangement exists.
        case none
        /// `stepLimit` steps did not settle it.
        case cutShort
    }

    /// One office as the search sees it.
    struct Office {
        /// Its working days that it may take, in order: day numbers, and indices into `capacity`.
        var dayNumbers: [Int]
        var dayIndices: [Int]
        /// How many it must get and may get.
        var low: Int
        var high: Int
        /// How many of its inspections count towards the horizon minimum's coverage.
        var deficit: Int
    }

    var offices: [Office]
    /// Per day of the period: how many more inspections its teams can do.
    var capacity: [Int]
    let total: Int
    /// How many inspections must go to offices with a deficit, each counted up to its deficit.
    let required: Int
    let spacing: Int

    /// One node of the search: an office being decided, and the choices left to try there.
    private struct Frame {
        /// The position of the office in the search order, and how many days it has taken so far.
        var position: Int
        var count: Int
        /// The first candidate day it may take next.
        var from: Int
        /// The choices not yet tried: a candidate day's index, or `finish` to leave the office as it is.
        var choices: [Int]
        /// The choice under way, to undo before the next one.
        var applied: Int?
    }

    private static let finish = -1

    /// Searches, trying choices in an order drawn from `rng`.
    func run(using rng: inout some RandomNumberGenerator) -> Outcome {
        var capacity = self.capacity
        var capacityLeft = capacity.reduce(0, +)
        // Most constrained first: those the minimum forces, then those with the fewest days.
        let order = offices.indices.sorted {
            (-offices[$0].low, offices[$0].dayNumbers.count, $0) < (-offices[$1].low, offices[$1].dayNumbers.count, $1)
        }
        // What the offices from a position on must take, can take on their own, and can cover, at most.
        var mustTake = Array(repeating: 0, count: order.count + 1)
        var canTake = Array(repeating: 0, count: order.count + 1)
        var canCover = Array(repeating: 0, count: order.count + 1)
        for position in order.indices.reversed() {
            let office = offices[order[position]]
            let room = min(office.high, room(office, from: 0, capacity: capacity, limit: total))
            mustTake[position] = mustTake[position + 1] + office.low
            canTake[position] = canTake[position + 1] + room
            canCover[position] = canCover[position + 1] + min(room, office.deficit)
        }
        var chosen = Array(repeating: [Int](), count: offices.count)
        var placed = 0
        var covered = 0
        var steps = 0
        var stack: [Frame] = []

        /// The choices at a node, shuffled; nil when bounds show the node leads nowhere.
        func choices(position: Int, count: Int, from: Int) -> [Int]? {
            let office = offices[order[position]]
            let needed = total - placed
            let room = min(office.high - count, self.room(office, from: from, capacity: capacity, limit: needed))
            steps += office.dayNumbers.count - from
            guard max(0, office.low - count) + mustTake[position + 1] <= needed,
                room + canTake[position + 1] >= needed, capacityLeft >= needed,
                covered + min(office.deficit, count + room) + canCover[position + 1] >= required
            else { return nil }
            var options = count >= office.low ? [Self.finish] : []
            if count < office.high && needed > 0 {
                options += (from..<office.dayNumbers.count).filter { capacity[office.dayIndices[$0]] > 0 }
            }
            for index in options.indices.reversed() { options.swapAt(index, rng.uniform(below: index + 1)) }
            return options
        }

        guard !order.isEmpty, let first = choices(position: 0, count: 0, from: 0) else { return .none }
        stack.append(Frame(position: 0, count: 0, from: 0, choices: first))
        while var frame = stack.popLast() {
            let office = order[frame.position]
            if let applied = frame.applied {
                if applied == Self.finish {
                    covered -= min(frame.count, offices[office].deficit)
                } else {
                    chosen[office].removeLast()
                    capacity[offices[office].dayIndices[applied]] += 1
                    capacityLeft += 1
                    placed -= 1
                }
                frame.applied = nil
            }
            guard steps < Self.stepLimit else { return .cutShort }
            guard let choice = frame.choices.popLast() else { continue }
            frame.applied = choice
            stack.append(frame)
            let next: (position: Int, count: Int, from: Int)
            if choice == Self.finish {
                covered += min(frame.count, offices[office].deficit)
                guard frame.position + 1 < order.count else {
                    if placed == total && covered >= required { return .found(chosen) }
                    continue
                }
                next = (frame.position + 1, 0, 0)
            } else {
                chosen[office].append(choice)
                capacity[offices[office].dayIndices[choice]] -= 1
                capacityLeft -= 1
                placed += 1
                let days = offices[office].dayNumbers
                var from = choice + (spacing == 0 ? 0 : 1)
                while from < days.count && days[from] - days[choice] < spacing { from += 1 }
                next = (frame.position, frame.count + 1, from)
            }
            if let options = choices(position: next.position, count: next.count, from: next.from) {
                stack.append(Frame(position: next.position, count: next.count, from: next.from, choices: options))
            }
        }
        return .none
    }

    /// How many of `office`'s days from `from` on it could still take alone, up to `limit`: greedily, earliest
    /// first, which is the most that fit with `spacing` between them.
    func room(_ office: Office, from: Int, capacity: [Int], limit: Int) -> Int {
        var count = 0
        var last: Int?
        for position in from..<office.dayNumbers.count where count < limit {
            guard capacity[office.dayIndices[position]] > 0 else { continue }
            let day = office.dayNumbers[position]
            if spacing == 0 { return limit }
            if let last, day - last < spacing { continue }
            count += 1
            last = day
        }
        return count
    }
}
