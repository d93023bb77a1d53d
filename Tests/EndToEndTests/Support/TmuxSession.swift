import Foundation
import Testing

/// The built `orderdesk` binary, beside the test bundle.
enum Binary {
    static var url: URL {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("orderdesk")
    }

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// Runs `orderdesk` with arguments to completion; returns its exit status and output.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: FileHandle? = nil)
        throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ORDERDESK_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// A private tmux server running one command in a pane, driven like a person at a keyboard.
final class TmuxSession {
    let socket: String
    let name = "desk"

    /// Starts `command` in a new detached session of the given size.
    init(command: String, columns: Int = 120, rows: Int = 40, term: String = "tmux-256color",
         environment: [String: String] = [:]) throws {
        socket = NSTemporaryDirectory() + "orderdesk-e2e-\(UUID().uuidString.prefix(8)).sock"
        // remain-on-exit from the config file, so even a command that ends at once leaves its pane to read.
        let config = socket + ".conf"
        try "set -g remain-on-exit on\n".write(toFile: config, atomically: true, encoding: .utf8)
        var args = ["-S", socket, "-f", config, "new-session", "-d", "-s", name,
                    "-x", String(columns), "-y", String(rows), "-e", "LANG=C.UTF-8", "-e", "TERM=\(term)"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        // The shell stays (reading a line that never comes) after printing the status: when a pane's last
        // process exits at once, tmux can mark it dead before it has read the final output.
        args.append(command + "; echo EXIT=$?; read -r _")
        try tmux(args, capturingOutput: false)
    }

    deinit {
        _ = try? tmux(["-S", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        try? FileManager.default.removeItem(atPath: socket + ".conf")
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `C-s`, `PageDown`, …).
    func press(_ keys: String...) throws { try tmux(["-S", socket, "send-keys", "-t", name] + keys) }

    /// Types literal text (UTF-8 included).
    func type(_ text: String) throws { try tmux(["-S", socket, "send-keys", "-t", name, "-l", text]) }

    /// The visible screen as text.
    func screen() throws -> String { try tmux(["-S", socket, "capture-pane", "-p", "-t", name]) }

    /// A tmux format evaluated for the pane, e.g. `#{mouse_any_flag}` (whether its program asked for the mouse).
    func format(_ format: String) throws -> String {
        try tmux(["-S", socket, "display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["-S", socket, "resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// Polls the screen every 50 ms until `text` shows, or fails after the deadline with the last screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(timeout: timeout, description: "'\(text)'", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Duration = .seconds(10), description: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while clock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            try poll()
        }
        Issue.record("Timed out waiting for \(description). Screen:\n\(last)", sourceLocation: sourceLocation)
        throw E2EError.timeout(description)
    }

    /// Waits ~50 ms between polls without sleeping the thread blindly: tmux's `wait-for` with a timeout channel
    /// is overkill here, so select(2) on nothing gives a precise pause.
    private func poll() throws {
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        _ = select(0, nil, nil, nil, &timeout)
    }

    /// The process id of the program running in the pane (the shell's child).
    func programPID() throws -> Int32? {
        let shell = try tmux(["-S", socket, "display-message", "-p", "-t", name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Runs tmux. A command that starts the server goes through `Spawn`: the server it forks would inherit
    /// Foundation's pipes and keep them open for its whole life, so neither reading to their end nor
    /// `waitUntilExit` would ever return.
    @discardableResult
    func tmux(_ args: [String], capturingOutput: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + args
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard capturingOutput else {
            try Spawn.runToCompletion(["tmux"] + args)
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

enum E2EError: Error { case timeout(String), setup(String) }

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "orderdesk-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// posix_spawn and waitpid, for commands that leave a daemon behind.
enum Spawn {
    static func runToCompletion(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(0), 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // The test runner blocks some signals; the tmux server and the desk must start with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw E2EError.setup("could not start \(arguments[0]): error \(status)") }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
    }
}
