import OrderDeskTerminal

extension DeskApp {
    /// `:theme NAME`: loads the theme through `themeLoader` and applies it to the next frame; a theme that
    /// cannot be used leaves the current one and says why.
    func applyTheme(named name: String) {
        // Contract stub: the themes helper writes this.
        state.modal = nil
        state.message = StatusMessage("Themes cannot be changed here yet.", isError: true)
    }
}
