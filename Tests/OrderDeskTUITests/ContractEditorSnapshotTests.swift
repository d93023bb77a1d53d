import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// What the contract editor looks like: at 80×24 (the minimum) and 120×40, with its full figures at 80×24,
/// without colour, with wide characters, and in a window too small for it.
struct ContractEditorSnapshotTests {
    /// A 36-month contract at 40 Oak Ave (construction from its estimate) with a 15% discount on the fiber
    /// (over the 10% allowance: a director) and four voice lines; the payback of 28 months asks a supervisor too.
    func fill(_ app: DeskApp) {
        app.openContractEditor(customerID: 12)
        app.tab(to: .field(.start))
        app.type("2026-12-01")
        app.tab(to: .field(.location))
        app.press(.right, .right)
        app.tab(to: .field(.monthlyCost))
        app.type("120")
        app.addLine("fib-500")
        app.tab(to: .cell(line: 0, .discount))
        app.type("15")
        app.addLine("vox")
        app.type("4")
        app.press(.tab)
    }

    @Test func at80x24() {
        let (app, terminal, _, _) = makeEditorDesk()
        fill(app)
        app.render()
        let route = app.editor!.assessment.route
        #expect(route.level == .director)
        #expect(route.rules(.payback).first?.level == .supervisor)
        let text = terminal.text()
        #expect(text.contains("Approval: A director must approve: line 1's discount of 15% is over the"))
        #expect(text.contains("✗ discount"))
        #expect(text.contains("✗ payback"))
        assertSnapshot(text, named: "contract-editor-80x24")
    }

    @Test func at120x40() {
        let (app, terminal, _, _) = makeEditorDesk(size: (40, 120))
        fill(app)
        app.render()
        let text = terminal.text()
        #expect(text.contains("Early termination"))
        #expect(text.contains("A director must approve: line 1's discount of"))
        assertSnapshot(text, named: "contract-editor-120x40")
    }

    /// The price book docked over the lower half; the lines picked so far stay in sight above it.
    @Test func thePickerAt80x24() {
        let (app, terminal, _, _) = makeEditorDesk()
        fill(app)
        app.press(.insert)
        app.type("fiber")
        app.press(.down)
        let text = terminal.text()
        #expect(text.contains("Fiber Internet 1 Gbps"))
        #expect(text.contains("VOX-LINE"), "the lines stay in sight")
        assertSnapshot(text, named: "contract-editor-picker-80x24")
    }

    /// Wide but short: the figures stay beside the fields, which pack two to a row; nothing is cut.
    @Test func wideButShortAt120x30() {
        let (app, terminal, _, _) = makeEditorDesk(size: (30, 120))
        fill(app)
        let text = terminal.text()
        for needle in ["Construction 6,700.00", "Monthly cost 120.00", "Commission 370.15", "VOX-LINE", "Payback", "A director must approve"] {
            #expect(text.contains(needle), Comment(rawValue: needle))
        }
        assertSnapshot(text, named: "contract-editor-120x30")
    }

    /// At 80×24 the full figures and the early-termination schedule are one Tab past the lines.
    @Test func theFullFiguresAt80x24() {
        let (app, terminal, _, _) = makeEditorDesk()
        fill(app)
        app.tab(to: .figures)
        let text = terminal.text()
        #expect(text.contains("Early termination"))
        #expect(text.contains("months 1–12"))
        assertSnapshot(text, named: "contract-editor-figures-80x24")
        for _ in 0..<30 { app.press(.down) }
        #expect(terminal.text().contains("months 25–36"), "scrolled to the end of the schedule")
        app.press(.tab)
        #expect(app.editor?.focus == .field(.kind), "Tab wraps round to the first field")
    }

    /// Without colour: no colour anywhere, and what breaks a rule is still marked (✗, ▼ floor, bold and
    /// underlined danger).
    @Test func inTheMonoTheme() {
        let (app, terminal, _, _) = makeEditorDesk(theme: .builtInMono)
        fill(app)
        app.tab(to: .cell(line: 1, .discount))
        app.press(.control("u"))
        app.type("25") // 21.75 a line, under the floor of 24.00
        app.press(.tab)
        MonoThemeTests().expectNoColour(terminal)
        let text = terminal.text()
        #expect(text.contains("▼ floor"))
        guard let row = (0..<terminal.size.rows).first(where: { terminal.line($0).contains("✗ discount") }) else {
            Issue.record(Comment(rawValue: "no flagged discount:\n" + text)); return
        }
        let line = terminal.line(row)
        let column = DisplayWidth.of(String(line[..<line.range(of: "✗ discount")!.lowerBound]))
        let style = terminal.style(row: row, column: column)
        #expect(style.bold && style.underline, "the danger style reads without colour")
        assertSnapshot(text, named: "contract-editor-80x24-mono")
    }

    /// A window smaller than the desk's minimum: the desk says so; the editor keeps everything and comes back.
    @Test func aTinyWindowDoesNotLoseOrBreakAnything() {
        let (app, terminal, _, _) = makeEditorDesk()
        fill(app)
        let before = app.editor
        for (rows, columns) in [(10, 30), (3, 8), (1, 1), (14, 60), (24, 80)] {
            terminal.resize(rows: rows, columns: columns)
            app.press(.resize)
        }
        #expect(app.editor == before)
        #expect(terminal.text().contains("A director must approve"))

        // Drawn straight onto smaller canvases, the editor itself never crashes and asks for room.
        for (rows, columns) in [(1, 1), (2, 5), (3, 8), (8, 30), (12, 50), (16, 58), (20, 70)] {
            let small = MemoryTerminal(rows: rows, columns: columns)
            ContractEditor.render(app.editor!, on: Canvas(terminal: small, theme: .builtInMono))
        }
        let small = MemoryTerminal(rows: 12, columns: 50)
        ContractEditor.render(app.editor!, on: Canvas(terminal: small, theme: .builtInMono))
        assertSnapshot(small.text(), named: "contract-editor-tiny-50x12")
    }

    /// Accented and CJK names take two cells a character where they are wide; the columns still line up.
    @Test func wideNamesKeepTheColumnsAligned() {
        let products = [
            PriceBookProduct(id: 11, code: "FIB-東京", name: "光ファイバー 1 Gbps", family: "Internet",
                             listMRR: Money(cents: 49_900), floorMRR: Money(cents: 42_900), nrc: Money(cents: 15_000)),
            PriceBookProduct(id: 12, code: "VOX-ÉTÉ", name: "Téléphonie été", family: "Voice",
                             listMRR: Money(cents: 2_900), floorMRR: Money(cents: 2_400), nrc: .zero),
        ]
        let (app, terminal, _, _) = makeEditorDesk(contracts: EditorContractBook(customerName: "東京寿司 Sushi Bar · Café"),
                                                   products: products)
        app.openContractEditor(customerID: 12)
        app.addLine("fib")
        app.addLine("vox")
        app.type("12")
        app.press(.tab)
        let text = terminal.text()
        #expect(terminal.line(0).contains("New contract · 東京寿司 Sushi Bar · Café"))
        // The end of the list MRR column is the same cell on the header and on both lines.
        let rows = (0..<terminal.size.rows).map(terminal.line)
        guard let header = rows.first(where: { $0.contains("list MRR") }),
              let first = rows.first(where: { $0.contains("光ファイバー") }),
              let second = rows.first(where: { $0.contains("Téléphonie") }) else {
            Issue.record(Comment(rawValue: "lines missing:\n" + text)); return
        }
        func end(of needle: String, in line: String) -> Int {
            DisplayWidth.of(String(line[..<line.range(of: needle)!.upperBound]))
        }
        #expect(end(of: "list MRR", in: header) == end(of: "499.00", in: first))
        #expect(end(of: "list MRR", in: header) == end(of: "29.00", in: second))
        assertSnapshot(text, named: "contract-editor-cjk-80x24")
    }
}
