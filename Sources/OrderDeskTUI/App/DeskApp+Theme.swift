import OrderDeskTerminal

extension DeskApp {
    /// `:theme NAME`: loads the theme through `themeLoader` and applies it to the next frame; a theme that
    /// cannot be used leaves the current one and says why.
    func applyTheme(named name: String) {
        state.modal = nil
        state.message = themeMessage(for: name, colorOff: ColorMapping.colorDisabledByEnvironment())
    }

    /// Switches to `name` when it can be used and says what happened; pure apart from `theme`, for tests.
    func themeMessage(for name: String, colorOff: Bool) -> StatusMessage {
        guard !name.isEmpty else {
            return StatusMessage("Theme: give a name, e.g. :theme light (orderdesk theme list shows them all).", isError: true)
        }
        // NO_COLOR means no colour whatever is asked (https://no-color.org); the terminal was started without it.
        if colorOff {
            return StatusMessage("Colour is off (NO_COLOR is set): the desk stays in mono. Unset NO_COLOR to use \(name).", isError: true)
        }
        guard let themeLoader else {
            return StatusMessage("Themes cannot be changed here.", isError: true)
        }
        let loaded: LoadedTheme
        switch themeLoader(name) {
        case .success(let found):
            loaded = found
        case .failure(let reason):
            // The current theme first: a long reason (the folders looked in) may run past the line's end.
            return StatusMessage("Theme \(name) cannot be used, still \(theme.name): \(reason.sentence). "
                + "See orderdesk theme list / theme check FILE.", isError: true)
        }
        theme = loaded.theme
        let warnings = loaded.warnings
        if let warning = warnings.first {
            return StatusMessage("Theme \(loaded.theme.name) applied, with a warning: \(warning)", isError: true)
        }
        return StatusMessage("Theme \(loaded.theme.name) applied.")
    }
}
