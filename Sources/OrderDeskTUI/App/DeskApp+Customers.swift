import OrderDeskCore

// The customers list (tab 2) and the customer screen: navigation and the commands of both contexts.
// (Being built: the list and the customer screen land with issue 4.)
extension DeskApp {
    /// Tab 2: the customers list.
    func showCustomers() {
        state.message = StatusMessage("The customers list is not built yet.", isError: true)
    }

    /// `c` on an order: its customer's screen.
    func openCustomerOfCurrentOrder() {
        state.message = StatusMessage("The customer screen is not built yet.", isError: true)
    }

    /// The commands of the customers list and the customer screen.
    func runCustomerCommand(_ command: CommandID) {}

    /// After a form saved: reload the customer screen (and whatever else shows the change).
    func customerChanged() { reloadEverything() }

    /// The footer's position text on the customer screens.
    var customerPosition: String { "" }
}
