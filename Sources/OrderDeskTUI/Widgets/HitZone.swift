import OrderDeskTerminal

/// A part of the screen a click can land on: one row, `width` cells from `left`, and what a click there means.
///
/// Dialogs and strips that draw their own rows compute their zones once, in a `layout` function that their
/// drawing also reads, so what is clicked is always what is drawn.
struct HitZone<Target> {
    var row: Int
    var left: Int
    var width: Int
    var target: Target

    /// Whether the cell at `row`, `column` is inside the zone.
    func contains(row y: Int, column x: Int) -> Bool { y == row && x >= left && x < left + width }
}

extension Array {
    /// The target of the first zone holding the cell at `row`, `column`; nil when the click is on none of them.
    func target<Target>(atRow row: Int, column: Int) -> Target? where Element == HitZone<Target> {
        first { $0.contains(row: row, column: column) }?.target
    }
}

/// Reading a mouse event against a dialog's zones, the same way for every dialog that draws its own rows.
enum DialogMouse {
    /// The zone clicked and whether it was a double click; nil for the wheel, the right button and clicks on
    /// no zone (outside the dialog among them: such a click changes nothing).
    static func click<Target>(_ event: MouseEvent, in zones: [HitZone<Target>]) -> (target: Target, double: Bool)? {
        guard event.kind == .click || event.kind == .doubleClick,
              let target = zones.target(atRow: event.row, column: event.column) else { return nil }
        return (target, event.kind == .doubleClick)
    }

    /// The key a wheel step stands for in a list (↑ or ↓); nil for other events.
    static func wheelKey(_ event: MouseEvent) -> Key? {
        switch event.kind {
        case .wheelUp: return .up
        case .wheelDown: return .down
        default: return nil
        }
    }
}

extension HitZone {
    /// Zones for items drawn one under the other across a dialog's inside, from `top`, `step` rows apart, and
    /// only those that start above `end` (the dialog draws no further: the rows below are its footer's).
    static func stacked(_ targets: [Target], top: Int, step: Int = 1, end: Int,
                        inner: (top: Int, left: Int, height: Int, width: Int)) -> [HitZone<Target>] {
        targets.enumerated().map { i, target in HitZone(row: top + i * step, left: inner.left, width: inner.width, target: target) }
            .filter { $0.row < end }
    }
}

extension DialogMouse {
    /// A click on a zone puts `path` (the focus, the section) on its target, as Tab would move there; false
    /// when it did, nil when the click is on no zone.
    static func focus<State, Target>(_ state: inout State, _ event: MouseEvent, _ path: WritableKeyPath<State, Target>,
                                     in zones: [HitZone<Target>]) -> Bool? {
        guard let hit = click(event, in: zones) else { return nil }
        state[keyPath: path] = hit.target
        return false
    }

    /// A list in a dialog: the wheel moves its cursor through the dialog's own ↑↓ (`key`), a click on a row
    /// puts the cursor there, a double click also picks it (true: go on as Enter). Nil when nothing changed.
    static func list<State>(_ state: inout State, _ event: MouseEvent, cursor: WritableKeyPath<State, Int>,
                            rows: (State) -> [HitZone<Int>], key: (inout State, Key) -> Void) -> Bool? {
        if let step = wheelKey(event) {
            key(&state, step)
            return false
        }
        guard let hit = click(event, in: rows(state)) else { return nil }
        state[keyPath: cursor] = hit.target
        return hit.double
    }
}
