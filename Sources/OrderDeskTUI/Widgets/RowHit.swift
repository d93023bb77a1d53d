/// Which item of a list a click on a screen row lands on.
enum RowHit {
    /// The index of the item drawn at screen row `row`, for items drawn one a row from `firstRow` up to
    /// (not including) `end`, starting with item `offset`; nil above, below or past the last item.
    static func index(row: Int, firstRow: Int, end: Int, offset: Int = 0, count: Int) -> Int? {
        guard row >= firstRow, row < end else { return nil }
        let index = offset + row - firstRow
        return index < count ? index : nil
    }
}

extension KeysetWindow {
    /// Puts the cursor on a row held in the window (a click); false when there is no such row.
    @discardableResult
    mutating func select(_ index: Int) -> Bool {
        guard rows.indices.contains(index) else { return false }
        cursor = index
        return true
    }
}
