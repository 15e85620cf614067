import InspectCore

/// What never leaves the site before it is due: a surprise or follow-up inspection still scheduled, and the draws
/// not yet revealed. Their entries are skipped; the change that reveals them is an entry of its own, which carries
/// the whole row, so nothing is lost by skipping.
public enum UplinkSecrecy {
    public static func withholds(_ entry: UplinkEntry) -> Bool {
        switch entry.table {
        case "inspection":
            if entry.key.dropFirst().dropLast().split(separator: ",").first.flatMap({ Int64($0) })
                .map(InspectionIDs.isSecret) ?? false
            {
                return true
            }
            guard entry.row != nil else { return false }
            let kind = entry["kind"].text
            return (kind == InspectionKind.surprise.rawValue || kind == InspectionKind.followUp.rawValue)
                && entry["status"].text == InspectionStatus.scheduled.rawValue
        case "surprise_draw", "follow_up_draw":
            return entry.row == nil || entry["revealed_at"] == .null
        default:
            return false
        }
    }
}
