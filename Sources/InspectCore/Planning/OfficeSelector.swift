/// Which offices a plan inspects: the union of named offices, offices of some kinds, and everything under some
/// parents.
///
/// Selection is evaluated against the registry each time a plan runs, so an office added under a selected parent or
/// of a selected kind joins the plan without editing it, and a retired office leaves it.
public struct OfficeSelector: Hashable, Sendable, Codable {
    /// Offices named by code (`Offices=`).
    public var codes: [String]
    /// Offices of these kinds (`OfficeKinds=`).
    public var kinds: [OfficeKind]
    /// Every office below these, at any depth, not the parents themselves (`Parent=`).
    public var parents: [String]

    public init(codes: [String] = [], kinds: [OfficeKind] = [], parents: [String] = []) {
        self.codes = codes
        self.kinds = kinds
        self.parents = parents
    }

    /// Whether the selector names nothing at all.
    public var isEmpty: Bool { codes.isEmpty && kinds.isEmpty && parents.isEmpty }

    /// The active offices of `offices` that the selector picks, sorted by code.
    public func select(from offices: [Office]) -> [Office] {
        var chosen = Set(codes)
        let kinds = Set(self.kinds)
        chosen.formUnion(offices.filter { kinds.contains($0.kind) }.map(\.code))
        var children: [String: [String]] = [:]
        for office in offices {
            if let parent = office.parent { children[parent, default: []].append(office.code) }
        }
        // Walk down from each parent; the visited set also guards against a cycle in bad data.
        var visited: Set<String> = []
        var pending = parents
        while let code = pending.popLast() {
            for child in children[code] ?? [] where visited.insert(child).inserted {
                chosen.insert(child)
                pending.append(child)
            }
        }
        return offices.filter { $0.active && chosen.contains($0.code) }.sorted { $0.code < $1.code }
    }

    /// The codes named by `Offices=` or `Parent=` that are not in `offices`, sorted: worth a warning, since a
    /// misspelt code silently selects nothing.
    public func unknownCodes(in offices: [Office]) -> [String] {
        let known = Set(offices.map(\.code))
        return Set(codes + parents).subtracting(known).sorted()
    }
}
