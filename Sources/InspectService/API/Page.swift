/// How long listings travel: in pages of at most ``size`` rows, each reply naming the row after which the next page
/// begins (`next`), which the caller passes back as `after`.
///
/// A district's findings over a few years outgrow any one message a client or the daemon should hold (a million
/// findings are some 500 MB of JSON), and one long reply would hold the daemon's attention for as long as it took
/// to write. Pages keep both sides' memory bounded and let other callers in between. A page ends at a row id, so
/// rows recorded while a caller pages through are picked up at the end, and none is sent twice.
public enum Page {
    /// Rows per page: 1,000 findings with notes at their longest still fit the 16 MiB a client accepts.
    public static let size = 1000

    /// The page of rows that `fetch` returns when asked for up to `size + 1` of them, and the cursor of the next
    /// page when there was one more.
    static func of<Row, Cursor>(
        cursor: (Row) -> Cursor, _ fetch: (Int) throws -> [Row]
    ) rethrows -> (rows: [Row], next: Cursor?) {
        var rows = try fetch(size + 1)
        guard rows.count > size else { return (rows, nil) }
        rows.removeLast()
        return (rows, rows.last.map(cursor))
    }
}
