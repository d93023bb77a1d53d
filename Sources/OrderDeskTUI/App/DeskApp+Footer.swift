import OrderDeskTerminal

/// One key hint in the footer: what is drawn, and what a click on it does (nil: nothing, like "↑↓ move").
struct FooterHint {
    enum Action { case command(CommandID), key(Key) }

    var key: String
    var label: String
    var action: Action?
}

extension DeskApp {
    /// The footer's key hints and where each is drawn on the last row: the global ones (help, quit) at the
    /// right, the screen's from the left as far as they fit. One computation for drawing and for clicks.
    func footerLayout(columns: Int) -> [HitZone<FooterHint>] {
        let row = terminal.size.rows - 1
        let globalIDs = Set(CommandTable.commands(in: .global).map(\.id))
        let everywhere = hints(only: globalIDs)
        let global = everywhere.filter { $0.label != "back" }
        let screen: [FooterHint]
        let searching = state.context == .queue ? state.queue.searching
            : state.context == .reconcileRun ? state.run?.searching == true
            : state.context == .customers ? state.customers.searching : false
        if searching && state.modal == nil {
            screen = [FooterHint(key: "Enter", label: "keep", action: .key(.enter)),
                      FooterHint(key: "Esc", label: "clear", action: .key(.escape)),
                      FooterHint(key: "↑↓", label: "move", action: nil)]
        } else {
            let globalKeys = Set(everywhere.map(\.key))
            let back = keymap.firstKeyLabel(for: .back, in: state.context)
                .map { [FooterHint(key: $0, label: "back", action: .command(.back))] } ?? []
            screen = ([.detail, .reconcileRun, .customer, .contract].contains(state.context) ? back : [])
                + hints(only: footerCommands, relabel: footerRelabels).filter { !globalKeys.contains($0.key) }
        }
        // A hint is its key, a space, its label, and two spaces before the next.
        func width(_ hint: FooterHint) -> Int { DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) }
        let globalX = columns - (global.map(width).reduce(0, +) + 2 * max(0, global.count - 1)) - 1
        var zones: [HitZone<FooterHint>] = []
        var x = globalX
        for hint in global {
            zones.append(HitZone(row: row, left: x, width: width(hint), target: hint))
            x += width(hint) + 2
        }
        x = 1
        for hint in screen {
            guard x + width(hint) + 2 <= globalX else { break }
            zones.append(HitZone(row: row, left: x, width: width(hint), target: hint))
            x += width(hint) + 2
        }
        return zones
    }

    /// The keymap's hints for the current context, each with the command it stands for.
    private func hints(only: Set<CommandID>?, relabel: [CommandID: String] = [:]) -> [FooterHint] {
        keymap.hints(in: state.context, only: only, relabel: relabel)
            .map { FooterHint(key: $0.key, label: $0.label, action: .command($0.id)) }
    }

    /// A click on a footer hint does what its key does; false when the click is on no hint.
    func clickFooter(atColumn column: Int) -> Bool {
        guard let hint = footerLayout(columns: terminal.size.columns).target(atRow: terminal.size.rows - 1, column: column),
              let action = hint.action else { return false }
        switch action {
        case .command(let command): run(command)
        case .key(let key): handle(key)
        }
        return true
    }
}
