import Foundation
import Testing

/// `orderdesk keys` and `orderdesk keys check FILE`, run as the built binary.
struct KeysCommandTests {
    @Test func checkReportsEachProblemWithItsLineAndExitsOne() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/keys.toml"
        try """
            [queue]
            "order.take" = "T"
            "order.tak" = "Y"
            "order.move" = "T"
            [nowhere]
            "order.note" = "N"
            [detail]
            "order.note" = "ctl-n"
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["keys", "check", file])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
                == ["\(file):3", "\(file):4", "\(file):5", "\(file):8"])
        #expect(lines[0].hasSuffix("unknown command order.tak; did you mean order.take? (`orderdesk keys` lists them)"))
        #expect(lines[1].contains("T is already bound to order.take on line 2 in [queue]"))
        #expect(lines[2].contains("unknown context [nowhere]"))
        #expect(lines[3].contains("unknown key name \"ctl-n\""))
        #expect(result.stderr.contains("4 problems"))
    }

    @Test func aCleanFileWithAMovedKeyPassesWithItsNote() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/keys.toml"
        try "[queue]\n\"order.take\" = \"m\"\n\"order.move\" = \"M\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["keys", "check", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\(file):2: note: m was order.move's key in [queue]"))
        #expect(result.stdout.hasSuffix("no problems (1 note).\n"))
        #expect(try Binary.run(["keys", "check", directory.path + "/missing.toml"]).status == 1)
    }

    @Test func keysPrintsTheEffectiveBindingsAsAKeysFile() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/orderdesk", withIntermediateDirectories: true)
        let file = directory.path + "/orderdesk/keys.toml"
        try "[queue]\n\"order.take\" = [\"T\", \"ctrl-t\"]\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["keys"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("# Effective key bindings: the standard ones, changed by \(file)\n"))
        let queue = result.stdout.components(separatedBy: "[queue]\n")[1].components(separatedBy: "\n\n")[0]
        #expect(queue.contains("\"order.take\"") && queue.contains("= [\"T\", \"ctrl-t\"]") && queue.contains("(changed)"))
        #expect(queue.contains("\"cursor.down\"") && queue.contains("= [\"down\", \"j\"]"))
        let detail = result.stdout.components(separatedBy: "[detail]\n")[1].components(separatedBy: "\n\n")[0]
        #expect(detail.split(separator: "\n").contains { $0.hasPrefix("\"order.take\"") && $0.contains("= \"t\"") })
        // What it prints reads back as a keys file with nothing to report.
        let printed = directory.path + "/printed.toml"
        try result.stdout.write(toFile: printed, atomically: true, encoding: .utf8)
        let check = try Binary.run(["keys", "check", printed])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
