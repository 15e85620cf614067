/// An enumeration ordered as its cases are declared: severities, escalation levels, roles, period units, timeline
/// kinds. The order is the declaration, so a case added in its place is ordered without another rule to change.
public protocol DeclarationOrdered: CaseIterable, Comparable where AllCases.Index: Comparable {}

extension DeclarationOrdered {
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
