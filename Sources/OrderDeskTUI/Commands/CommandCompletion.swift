/// Fuzzy matching of command names for the `:` line: the typed letters must appear in order (a subsequence),
/// and matches at the start of the name or of a word (after `.` or `_`) rank first, so `qf` finds `queue.filter`
/// and `take` finds `order.take`.
public enum CommandCompletion {
    /// The commands matching `query`, best first. Ties go to commands of `context` (and global ones), then
    /// to the shorter name, then alphabetically. An empty query lists the context's commands.
    public static func rank(_ query: String, context: CommandContext) -> [CommandID] {
        let here = Set(CommandTable.commands(in: context).map(\.id))
        let scored = CommandID.allCases.compactMap { id in score(query, id.rawValue).map { (id: id, score: $0) } }
        return scored.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let aHere = here.contains(a.id), bHere = here.contains(b.id)
            if aHere != bHere { return aHere }
            if a.id.rawValue.count != b.id.rawValue.count { return a.id.rawValue.count < b.id.rawValue.count }
            return a.id.rawValue < b.id.rawValue
        }.map(\.id)
    }

    /// Matches `query` (case-insensitive) against `name`: nil when the letters are not all there in order,
    /// else a score, higher for a better match.
    public static func score(_ query: String, _ name: String) -> Int? {
        let q = Array(query.lowercased().filter { $0 != " " }), n = Array(name.lowercased())
        guard !q.isEmpty else { return 0 }
        guard q.count <= n.count else { return nil }
        // best[i][j]: the best score for q[i...] matched within n[j...], given q[i-1] matched at n[j-1].
        // Small sizes (names under 40 letters), so a full table is cheap and finds the best alignment.
        var memo: [Int: Int?] = [:]
        func best(_ i: Int, _ j: Int, _ previous: Int) -> Int? {
            if i == q.count { return 0 }
            let keyValue = (i * 64 + j) * 64 + previous + 1
            if let known = memo[keyValue] { return known }
            var result: Int?
            var k = j
            while k < n.count {
                if n[k] == q[i], let rest = best(i + 1, k + 1, k) {
                    var points = 1
                    if k == 0 || n[k - 1] == "." || n[k - 1] == "_" { points += 8 }  // a word's start
                    if previous >= 0 && k == previous + 1 { points += 5 }  // right after the last match
                    // A small cost for what was skipped between two matches (not before the first: `filter` finds
                    // queue.filter and contracts.filter alike, and the context decides).
                    if previous >= 0 { points -= min(k - (previous + 1), 12) / 3 }
                    result = max(result ?? Int.min, points + rest)
                }
                k += 1
            }
            memo[keyValue] = result
            return result
        }
        guard var total = best(0, 0, -1) else { return nil }
        let query = String(q), full = String(n)
        if full == query { total += 100 }
        if full.hasPrefix(query) { total += 20 }
        // A whole word typed from its start: `take` for order.take, `filter` for queue.filter.
        if full.split(whereSeparator: { $0 == "." }).contains(where: { $0.hasPrefix(query) }) { total += 15 }
        return total
    }
}
