import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gives the terminal back however the program ends: SIGINT, SIGTERM, SIGHUP, or `exit`.
///
/// The run loop still calls `NcursesTerminal.stop()` on a normal quit and on thrown errors; these
/// handlers cover the exits that skip it.
public enum TerminalRestore {
    /// Installs the signal handlers and an `atexit` hook that call `endwin()`.
    ///
    /// A handler then restores the default action and re-raises the signal, so the process ends
    /// with status 128 + signal as the shell expects. Installing twice is harmless.
    ///
    /// Why calling `endwin()` from a signal handler is acceptable although it is not on POSIX's
    /// async-signal-safe list:
    /// - The process dies right after, so heap or ncurses state left inconsistent is never used again.
    /// - What matters in `endwin` is `tcsetattr` (async-signal-safe) plus a few escape sequences
    ///   written with `write(2)`; the worst a badly timed signal can cause is a stray sequence on screen.
    /// - ncurses does the same in its own SIGINT/SIGTERM handler (`cleanup` in lib_tstp.c), which ours replaces.
    /// - Debian's libncursesw is the non-threaded build: there are no locks to deadlock on.
    /// - `endwin` is not idempotent (in ncurses 6.4 a second call moves the cursor to the bottom line
    ///   again, over whatever the program printed after `stop()`), so every path checks `isendwin()`
    ///   first, which only reads a field. The screen is never deleted (`delscreen`), so neither ever
    ///   sees freed memory.
    public static func install(_ terminal: NcursesTerminal) {
        // The handlers act on ncurses' current screen, which `terminal` owns; nothing of it is captured.
        _ = terminal
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, restoreAndReraise)
        }
        // A parent may have started us with these blocked (a blocked mask is inherited across exec);
        // then resizes would never reach ncurses and SIGTERM would never end the desk.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        atexit(restoreAtExit)
    }
}

/// The signal handler: restore, then die of the same signal with the default action.
private func restoreAndReraise(_ signalNumber: Int32) {
    restoreIfRunning()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

private func restoreAtExit() {
    restoreIfRunning()
}

/// Whether the terminal is in SGR 1006 mouse mode that the desk set itself (terminfo without it): endwin
/// switches ncurses' own mouse mode off but does not know about this one.
nonisolated(unsafe) var sgrMouseModeSetByDesk = false

/// endwin, unless the screen is already given back; then the desk's own SGR mouse mode off (with write(2),
/// which is async-signal-safe).
func restoreIfRunning() {
    if !isendwin() { endwin() }
    if sgrMouseModeSetByDesk {
        sgrMouseModeSetByDesk = false
        let off: [UInt8] = [0x1b, 0x5b, 0x3f, 0x31, 0x30, 0x30, 0x36, 0x6c]  // ESC [ ? 1 0 0 6 l
        _ = off.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }
}
