extension RandomNumberGenerator {
    /// A uniform whole number in `0..<bound`, computed from `next()` alone by rejection sampling.
    ///
    /// The standard library's `Int.random(in:using:)` would do, but its algorithm is not part of its contract and
    /// may change between Swift releases; an audit years later must replay the draw to the same numbers, so the
    /// planner uses this fixed method: reject the lowest `2⁶⁴ mod bound` values, then take the remainder.
    /// - Precondition: `bound > 0`.
    mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "a uniform draw needs a positive bound")
        let bound = UInt64(bound)
        let threshold = (0 &- bound) % bound
        while true {
            let value = next()
            if value >= threshold { return Int(value % bound) }
        }
    }
}
