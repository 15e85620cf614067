/// Positive integer weights in a Fenwick tree, for weighted draws in O(log n) while weights change.
struct WeightTree {
    private var tree: [Int]
    private var weights: [Int]
    private(set) var total = 0

    init(_ weights: [Int]) {
        self.weights = Array(repeating: 0, count: weights.count)
        tree = Array(repeating: 0, count: weights.count + 1)
        for (index, weight) in weights.enumerated() { set(index, to: weight) }
    }

    /// Sets the weight of `index`; 0 takes it out of the draw.
    mutating func set(_ index: Int, to weight: Int) {
        let delta = weight - weights[index]
        weights[index] = weight
        total += delta
        var position = index + 1
        while position < tree.count {
            tree[position] += delta
            position += position & -position
        }
    }

    /// The index whose cumulative weight range contains `target` (`0 ..< total`).
    func index(at target: Int) -> Int {
        var position = 0
        var remaining = target
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next < tree.count, tree[next] <= remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return position
    }

    /// An index drawn with probability proportional to its weight; nil when every weight is 0.
    func draw(using rng: inout some RandomNumberGenerator) -> Int? {
        total > 0 ? index(at: rng.uniform(below: total)) : nil
    }
}
