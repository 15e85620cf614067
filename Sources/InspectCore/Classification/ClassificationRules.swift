import Crypto
import Foundation

/// The rules of `/etc/inspectd/classification.conf`, merged with its drop-ins in `classification.conf.d/*.conf`:
/// how a person's year becomes a proposed level. Without the file there are none, and nothing can be proposed.
///
/// A person nothing in the rules concerns is proposed ``defaultLevel``; each rule that applies caps the level at
/// what it allows, so the proposal is the lowest cap, with every rule that applied as a reason.
public struct ClassificationRules: Sendable, Hashable {
    public var defaultLevel: ClassificationLevel
    /// The enabled rules, by name.
    public var rules: [ClassificationRule]

    public init(defaultLevel: ClassificationLevel, rules: [ClassificationRule]) {
        self.defaultLevel = defaultLevel
        self.rules = rules.sorted { $0.name < $1.name }
    }

    /// The proposal for a person whose year is `facts`.
    public func propose(_ facts: ClassificationFacts) -> ClassificationProposal {
        let applied = rules.filter { $0.applies(to: facts) }
        let level = applied.map(\.allows).reduce(defaultLevel, max)
        let reasons = applied.sorted { ($1.allows, $0.name) < ($0.allows, $1.name) }.map(ClassificationReason.init)
        return ClassificationProposal(level: level, reasons: reasons, review: applied.contains(where: \.review))
    }

    /// SHA-256 of the rules as they read (default and every enabled rule), in hex: stored with each proposal, so a
    /// proposal made under other rules can be told apart from one made under these.
    public var hash: String {
        struct Canonical: Encodable {
            var defaultLevel: ClassificationLevel
            var rules: [ClassificationRule]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(Canonical(defaultLevel: defaultLevel, rules: rules))) ?? Data()
        return Hex.encode(SHA256.hash(data: bytes))
    }
}
