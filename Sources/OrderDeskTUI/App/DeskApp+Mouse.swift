import OrderDeskTerminal

extension DeskApp {
    /// A click or wheel step with no dialog open: a tab switches screens, a row is selected, the wheel scrolls.
    func handleMouse(_ event: MouseEvent) {
        // Contract stub: the mouse helper writes this.
    }

    /// A click or wheel step while a dialog is open: a field is focused, a list scrolls; outside, nothing.
    func handleModalMouse(_ event: MouseEvent) {
        // Contract stub: the mouse helper writes this.
    }
}
