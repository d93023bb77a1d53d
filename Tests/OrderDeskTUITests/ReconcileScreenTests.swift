import Foundation
@testable import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// A desk on the reconcile tab over three saved runs, the newest (#12) with `differences` differences.
func makeReconcileDesk(differences: Int = 40, size: (Int, Int) = (24, 80), user: UserAccount = SampleOrders.manager,
                       theme: Theme = .builtInDefault) -> (DeskApp, MemoryTerminal, FakeReconcileBook) {
    let (app, terminal, book) = makeDesk(rows: 60, size: size, user: user, theme: theme)
    let reconcile = SampleReconcile.book(differences: differences)
    book.reconcile = reconcile
    app.press(.character("4"))
    return (app, terminal, reconcile)
}

extension DeskApp {
    /// Moves the cursor of the open run onto the first difference that satisfies `predicate`.
    func selectDifference(where predicate: (SavedDifference) -> Bool) {
        for _ in 0..<200 where !(state.run?.selected.map(predicate) ?? true) { press(.down) }
    }
}

struct ReconcileRunsTests {
    @Test func fourOpensTheRunsNewestFirstAndOneGoesBack() {
        let (app, terminal, _) = makeReconcileDesk()
        #expect(app.state.screen == .reconcile)
        #expect(app.state.context == .reconcileRuns)
        #expect(app.state.runs.runs.map(\.id) == [12, 11, 9])
        let text = terminal.text()
        #expect(text.contains(" 4 Reconcile "))
        #expect(text.contains("#12 2026-11-17 11:06"))
        #expect(text.contains("run 1 of 3"))
        app.press(.character("1"))
        #expect(app.state.screen == .queue)
        #expect(terminal.text().contains("all orders · f filter · / search"))
    }

    @Test func colonReconcileOpensTheTab() {
        let (app, _, book) = makeDesk()
        book.reconcile = SampleReconcile.book()
        app.press(.character(":"))
        app.type("reconcile")
        app.press(.enter)
        #expect(app.state.screen == .reconcile)
        #expect(app.state.runs.runs.count == 3)
    }

    @Test func noRunsSaysHowToStartOne() {
        let (app, terminal, book) = makeDesk()
        app.press(.character("4"))
        #expect(book.reconcile.runs.isEmpty)
        let text = terminal.text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("No saved runs. Press i to reconcile two exports, or run `orderdesk reconcile --save`."))
        app.press(.enter, .character("r")) // nothing to open or resolve; nothing breaks
        #expect(app.state.run == nil)
        app.press(.character("i"))
        guard case .importRun = app.state.modal else { Issue.record("i does not start a run"); return }
    }

    @Test func enterOpensTheSelectedRunAndEscComesBack() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.down, .enter)
        #expect(app.state.run?.run.id == 11)
        #expect(terminal.line(0).contains(" › Run #11 "))
        app.press(.escape)
        #expect(app.state.run == nil)
        #expect(app.state.runs.selected?.id == 11, "the cursor stays on the run")
    }
}

struct ReconcileRunPagingTests {
    @Test func onlyTheVisibleRowsAreFetched() {
        let (app, terminal, book) = makeReconcileDesk(differences: 500)
        app.press(.enter)
        let visible = app.state.run!.visibleRows
        #expect(visible == 13)
        #expect(app.state.run?.rows.count == visible)
        #expect(book.fetches.allSatisfy { $0.limit <= visible + 1 })
        #expect(terminal.text().contains("row 1 of 500"))
    }

    @Test func scrollingDownVisitsEveryDifferenceOnceInOrder() {
        let (app, _, book) = makeReconcileDesk(differences: 57)
        app.press(.enter)
        var seen: [Int] = []
        for i in 0..<57 {
            #expect(app.state.run?.cursorPosition == i + 1)
            seen.append(app.state.run!.selected!.position)
            app.press(.character("j"))
        }
        #expect(seen == book.matching(12, DifferenceQuery()).map(\.position))
        #expect(ReconcileRunScreen.position(app.state.run!) == "row 57 of 57")
    }

    @Test func pageEndAndHomeKeepTheRowNumberRight() {
        let (app, terminal, book) = makeReconcileDesk(differences: 100)
        app.press(.enter)
        let all = book.matching(12, DifferenceQuery())
        let visible = app.state.run!.visibleRows
        app.press(.pageDown, .pageDown)
        #expect(app.state.run?.rows.map(\.id) == all[(2 * visible)..<(3 * visible)].map(\.id))
        #expect(app.state.run?.cursorPosition == 2 * visible + 1)
        app.press(.pageUp)
        #expect(app.state.run?.rows.map(\.id) == all[visible..<(2 * visible)].map(\.id))
        app.press(.end)
        #expect(app.state.run?.selected?.id == all.last?.id)
        #expect(terminal.text().contains("row 100 of 100"))
        app.press(.character("k"))
        #expect(app.state.run?.cursorPosition == 99)
        app.press(.home)
        #expect(app.state.run?.selected?.id == all.first?.id)
        #expect(app.state.run?.cursorPosition == 1)
    }
}

struct ReconcileRunFilterTests {
    @Test func theKindPickerListsCountsAndShowsOneKind() {
        let (app, terminal, book) = makeReconcileDesk(differences: 60)
        app.press(.enter, .character("f"))
        guard case .kindPicker(let picker) = app.state.modal else { Issue.record("no kind picker"); return }
        #expect(picker.options.first?.count == 60)
        let statusCount = book.matching(12, DifferenceQuery(kinds: [.statusMismatch])).count
        #expect(picker.options.first { $0.kind == .statusMismatch }?.count == statusCount)
        #expect(terminal.text().contains("status mismatch"))
        app.press(.down, .down, .down, .enter) // all, missing in SFDC, missing in IDA, status mismatch
        #expect(app.state.modal == nil)
        #expect(app.state.run?.query.kinds == [.statusMismatch])
        #expect(app.state.run?.rows.allSatisfy { $0.difference.kind == .statusMismatch } == true)
        #expect(app.state.run?.total == statusCount)
        #expect(terminal.text().contains("showing: kind status mismatch · F clears"))
        app.press(.character("F"))
        #expect(app.state.run?.query == DifferenceQuery())
        #expect(app.state.run?.total == 60)
    }

    @Test func searchNarrowsAsYouTypeAndEscClearsIt() {
        let (app, terminal, book) = makeReconcileDesk(differences: 60)
        app.press(.enter, .character("/"))
        app.type("45121")
        let expected = book.matching(12, DifferenceQuery(search: "45121"))
        #expect(!expected.isEmpty && expected.count < 60)
        #expect(app.state.run?.rows.map(\.id) == expected.map(\.id))
        #expect(terminal.text().contains("row 1 of \(expected.count)"))
        app.press(.enter)
        #expect(app.state.run?.searching == false)
        #expect(terminal.text().contains("search \"45121\""))
        app.press(.escape) // clears the kept search first
        #expect(app.state.run?.query.search == "")
        #expect(app.state.run?.total == 60)
        app.press(.escape) // then leaves the run
        #expect(app.state.run == nil)
    }

    @Test func oHidesTheResolvedOnes() {
        let (app, terminal, book) = makeReconcileDesk(differences: 40)
        app.press(.enter, .character("o"))
        let open = book.matching(12, DifferenceQuery(includeResolved: false))
        #expect(app.state.run?.query.includeResolved == false)
        #expect(app.state.run?.total == open.count)
        #expect(app.state.run?.rows.allSatisfy { $0.resolution == nil } == true)
        #expect(terminal.text().contains("showing: all kinds · open only"))
        app.press(.character("o"))
        #expect(app.state.run?.total == 40)
    }
}

struct ResolveTests {
    @Test func aNoteIsRequiredAndTheResolutionIsSaved() {
        let (app, terminal, book) = makeReconcileDesk()
        app.press(.enter)
        app.selectDifference { $0.resolution == nil && $0.difference.kind == .statusMismatch }
        let target = app.state.run!.selected!
        let openBefore = app.state.run!.run.openDifferences
        app.press(.character("r"))
        #expect(terminal.text().contains("Resolve status mismatch"))
        app.press(.character("3")) // accepted; the note field takes the keys now
        app.press(.enter)
        guard case .resolve(let refused) = app.state.modal else { Issue.record("the dialog closed without a note"); return }
        #expect(refused.error == ResolveDialog.noteRequired)
        #expect(terminal.text().contains("A note is required"))
        app.type("Billing confirmed the 2nd line is free")
        app.press(.enter)
        #expect(app.state.modal == nil)
        let saved = book.differences.first { $0.id == target.id }!
        #expect(saved.resolution?.resolution == .accepted)
        #expect(saved.resolution?.note == "Billing confirmed the 2nd line is free")
        #expect(saved.resolution?.by == "dana.ruiz")
        #expect(app.state.run?.selected?.resolution?.resolution == .accepted, "the row shows it at once")
        #expect(app.state.run?.run.openDifferences == openBefore - 1, "the run's open count follows")
        #expect(terminal.text().contains("Resolved status mismatch on"))
    }

    @Test func arrowsChooseAndARefusalKeepsTheText() {
        let (app, terminal, book) = makeReconcileDesk(user: SampleOrders.viewer)
        app.press(.enter, .character("r"), .down, .down) // fix in IDA, accepted
        app.type("Looked at it")
        guard case .resolve(let typed) = app.state.modal else { Issue.record("no dialog"); return }
        #expect(typed.choice == .accepted)
        app.press(.enter)
        guard case .resolve(let dialog) = app.state.modal else { Issue.record("the dialog closed"); return }
        #expect(dialog.note.text == "Looked at it")
        #expect(dialog.error?.contains("may not resolve differences") == true)
        #expect(terminal.text().contains("may not resolve"))
        #expect(book.differences.allSatisfy { $0.resolution?.note != "Looked at it" })
        app.press(.escape)
        #expect(app.state.modal == nil)
    }
}

struct DifferenceOrderTests {
    @Test func enterOpensTheOrderAndEscReturnsToTheDifferences() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.enter)
        app.selectDifference { $0.orderID != nil && $0.position > 0 }
        let difference = app.state.run!.selected!
        app.press(.enter)
        #expect(app.state.detail?.orderID == difference.orderID)
        #expect(app.state.context == .detail)
        #expect(terminal.line(0).contains(" › Run #12  › Order "))
        app.press(.escape)
        #expect(app.state.detail == nil)
        #expect(app.state.context == .reconcileRun)
        #expect(app.state.run?.selected?.id == difference.id)
    }

    @Test func enterWithoutAnOrderSaysItIsNotInThisStore() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.enter)
        app.selectDifference { $0.orderID == nil && $0.difference.idaOrder != nil }
        let difference = app.state.run!.selected!
        app.press(.enter)
        #expect(app.state.detail == nil)
        #expect(terminal.text().contains("Order \(difference.difference.idaOrder!) is not in this desk's store"))
    }
}

struct ExportTests {
    @Test func xWritesTheOpenDifferencesToTheDefaultFile() {
        let (app, terminal, book) = makeReconcileDesk()
        app.press(.enter, .character("x"))
        guard case .export(let prompt) = app.state.modal else { Issue.record("no export prompt"); return }
        #expect(prompt.path.text == "reconcile-run-12-open.csv")
        #expect(terminal.text().contains("Export run #12's open differences"))
        app.press(.enter)
        #expect(app.state.modal == nil)
        #expect(book.exports.map(\.path) == ["reconcile-run-12-open.csv"])
        let open = book.matching(12, DifferenceQuery(includeResolved: false)).count
        #expect(terminal.text().contains("Wrote \(open) open differences to reconcile-run-12-open.csv"))
    }

    @Test func aFailedExportStaysInThePrompt() {
        let (app, _, book) = makeReconcileDesk()
        book.exportError = CocoaError(.fileWriteNoPermission)
        app.press(.enter, .character("x"), .control("u"))
        app.type("/root/nope.csv")
        app.press(.enter)
        guard case .export(let prompt) = app.state.modal else { Issue.record("the prompt closed"); return }
        #expect(prompt.path.text == "/root/nope.csv")
        #expect(prompt.error != nil)
    }
}

struct ReconcileCommandTests {
    @Test func helpAndHintsComeFromTheTable() {
        let (app, terminal, _) = makeReconcileDesk(size: (60, 120))
        app.press(.enter, .character("?"))
        let text = terminal.text()
        for spec in CommandTable.commands(in: .reconcileRun) { #expect(text.contains(spec.name), "\(spec.name) missing from help") }
        app.press(.escape)
        let footer = terminal.line(59)
        for hint in ["Enter order", "r resolve", "f kind", "/ search", "o open only", "x export", "i new run"] {
            #expect(footer.contains(hint), "footer lacks \(hint)")
        }
    }

    @Test func aCommandOfAnotherScreenSaysWhereItWorks() {
        let (app, _, _) = makeDesk()
        app.press(.character(":"))
        app.type("reconcile.resolve")
        app.press(.enter)
        #expect(app.state.modal == nil)
        #expect(app.state.message?.text == "reconcile.resolve works in: A run's differences. Here is Order queue.")
    }

    @Test func resizingKeepsTheWindowFullAndTinyWindowsDoNotCrash() {
        let (app, terminal, _) = makeReconcileDesk(differences: 100)
        app.press(.enter, .pageDown, .down)
        let selected = app.state.run!.selected!.id
        for (r, c) in [(20, 60), (1, 1), (0, 0), (24, 79), (5, 200)] {
            terminal.resize(rows: r, columns: c)
            app.handle(.resize)
            app.press(.character("j"), .character("k"), .character("?"), .escape)
            #expect(!terminal.text().contains("row ") || r >= 24)
        }
        terminal.resize(rows: 40, columns: 120)
        app.handle(.resize)
        #expect(app.state.run?.rows.count == app.state.run?.visibleRows)
        #expect(app.state.run?.selected?.id == selected)
        terminal.resize(rows: 24, columns: 80)
        app.handle(.resize)
        #expect(app.state.run?.rows.count == 13)
        #expect(app.state.run?.selected?.id == selected)
    }
}

struct ReconcileSnapshotTests {
    @Test func runsAt80x24() {
        let (_, terminal, _) = makeReconcileDesk()
        assertSnapshot(terminal.text(), named: "reconcile-runs-80x24")
    }

    @Test func runsAt120x40() {
        let (app, terminal, _) = makeReconcileDesk(size: (40, 120))
        app.press(.down)
        assertSnapshot(terminal.text(), named: "reconcile-runs-120x40")
    }

    /// The cursor on a recurring difference with an earlier run's note; resolved ones in view.
    @Test func differencesAt80x24() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.enter)
        app.selectDifference { $0.earlierResolution != nil }
        #expect(app.state.run?.rows.contains { $0.resolution != nil } == true)
        assertSnapshot(terminal.text(), named: "reconcile-run-80x24")
    }

    /// The cursor on a resolved difference: the strip shows who resolved it, when and why.
    @Test func differencesAt120x40() {
        let (app, terminal, _) = makeReconcileDesk(size: (40, 120))
        app.press(.enter)
        app.selectDifference { $0.resolution != nil }
        assertSnapshot(terminal.text(), named: "reconcile-run-120x40")
    }

    @Test func resolveDialogAt80x24() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.enter)
        app.selectDifference { $0.earlierResolution != nil }
        app.press(.character("r"), .down)
        app.type("Asked Zoë to fix the 東京 order")
        assertSnapshot(terminal.text(), named: "reconcile-resolve-80x24")
    }

    @Test func kindPickerAt80x24() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.enter, .character("o"), .character("f"), .down, .down, .down)
        assertSnapshot(terminal.text(), named: "reconcile-kinds-80x24")
    }

    /// Without colour the differing values, the cursor row and open ones still stand out by attributes.
    @Test func differencesInMono() {
        let (app, terminal, _) = makeReconcileDesk(theme: .builtInMono)
        app.press(.enter, .down)
        MonoThemeTests().expectNoColour(terminal)
        let map = MonoThemeTests().attributeMap(terminal)
        let lines = map.split(separator: "\n")
        #expect(lines[5 + app.state.run!.cursor].allSatisfy { $0 == "R" }, "the cursor row is reversed across the width")
        assertSnapshot(terminal.text() + "\n--- attributes ---\n" + map, named: "reconcile-run-80x24-mono")
    }
}

/// A run that reports some progress, then waits for the test before it goes on (or stops, when cancelled).
final class ScriptedRun: @unchecked Sendable {
    let reported = DispatchSemaphore(value: 0)
    let proceed = DispatchSemaphore(value: 0)
    /// What the run returns when not cancelled.
    let result: ReconcileRunSummary?
    let error: Error?

    init(result: ReconcileRunSummary? = nil, error: Error? = nil) { self.result = result; self.error = error }

    func run(_ progress: ReconcileProgress) throws -> ReconcileRunSummary {
        progress.addTotal(200_000)
        progress.advance(bytes: 90_000, rows: 4_500)
        progress.setPhase("reading")
        reported.signal()
        _ = proceed.wait(timeout: .now() + 5)
        if progress.isCancelled { throw ReconcileError.cancelled }
        if let error { throw error }
        return result!
    }
}

struct ReconcileImportTests {
    /// A directory with two IDA exports, an SFDC export and a folder.
    func exportsDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orderdesk-completion-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path + "/archive", withIntermediateDirectories: true)
        for name in ["ida_orders_2026-11-09.csv", "ida_orders_2026-11-16.csv", "sfdc_orders_2026-11-16.csv", ".hidden.csv"] {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data("x\n".utf8))
        }
        return path
    }

    func dialog(_ app: DeskApp) -> ReconcileImportState? {
        if case .importRun(let dialog) = app.state.modal { return dialog }
        return nil
    }

    @Test func tabCompletesTheCommonPrefixThenListsTheCandidates() throws {
        let (app, terminal, book) = makeReconcileDesk()
        let directory = try exportsDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        book.completionDirectory = directory
        app.press(.character("i"))
        app.type("id")
        app.press(.tab)
        #expect(dialog(app)?.ida.text == "ida_orders_2026-11-")
        #expect(dialog(app)?.ida.candidates == [])
        app.press(.tab) // nothing more to complete: list them
        #expect(dialog(app)?.ida.candidates == ["ida_orders_2026-11-09.csv", "ida_orders_2026-11-16.csv"])
        #expect(terminal.text().contains("ida_orders_2026-11-09.csv"))
        app.type("1")
        #expect(dialog(app)?.ida.candidates == [], "typing hides the list")
        app.type("6")
        app.press(.tab)
        #expect(dialog(app)?.ida.text == "ida_orders_2026-11-16.csv")
        app.press(.down)
        app.type("ar")
        app.press(.tab)
        #expect(dialog(app)?.sfdc.text == "archive/", "a directory completes with its slash")
        app.press(.control("u"))
        app.type("zz")
        app.press(.tab)
        #expect(dialog(app)?.error == "Nothing here starts with 'zz'.")
        // A path through a directory keeps what was typed before the last slash.
        #expect(PathCompletion.candidates(for: directory + "/sf") == [directory + "/sfdc_orders_2026-11-16.csv"])
        #expect(PathCompletion.candidates(for: directory + "/.h") == [directory + "/.hidden.csv"])
    }

    @Test func badTolerancesAreRefusedInPlace() {
        let (app, _, book) = makeReconcileDesk()
        book.script = { _, _, _, _ in Issue.record("the run must not start"); throw ReconcileError.cancelled }
        app.press(.character("i"), .enter)
        #expect(dialog(app)?.error == "Give the IDA export's path (Tab completes).")
        app.type("ida.csv")
        app.press(.down)
        app.type("sfdc.csv")
        app.press(.down, .control("u"))
        app.type("1,2x")
        app.press(.enter)
        #expect(dialog(app)?.error == "Money tolerance: '1,2x' is not an amount; type dollars such as 0.01.")
        #expect(dialog(app)?.focus == .moneyTolerance)
        app.press(.control("u"))
        app.type("0.05")
        app.press(.down, .control("u"))
        app.type("x7") // letters do not go into the days
        #expect(dialog(app)?.dateTolerance.text == "7")
        #expect(dialog(app)?.running == nil)
    }

    @Test func progressShowsAndEscCancelsWithNothingSaved() {
        let (app, terminal, book) = makeReconcileDesk()
        let script = ScriptedRun()
        book.script = { _, _, _, progress in try script.run(progress) }
        var clock = 100.0
        app.monotonicSeconds = { clock }
        app.press(.character("i"))
        app.type("exports/ida_orders_2026-11-16.csv")
        app.press(.down)
        app.type("exports/sfdc_orders_2026-11-16.csv")
        app.press(.down, .control("u"))
        app.type("0.01")
        app.press(.enter)
        #expect(app.job != nil)
        #expect(script.reported.wait(timeout: .now() + 5) == .success)
        clock = 104
        app.pollJob()
        app.render()
        #expect(dialog(app)?.running?.snapshot.rowsRead == 4_500)
        let text = terminal.text()
        #expect(text.contains("45%"))
        #expect(text.contains("4,500 rows read · 1,125 rows/s · 4 s"))
        #expect(text.contains("reading"))
        assertSnapshot(text, named: "reconcile-import-progress-80x24")

        app.press(.character("q")) // keys other than Esc wait for the run
        #expect(app.state.isRunning)
        app.press(.escape)
        #expect(dialog(app)?.running?.cancelling == true)
        #expect(terminal.text().contains("Cancelling: nothing will be saved."))
        script.proceed.signal()
        #expect(app.waitForJob())
        #expect(app.job == nil)
        #expect(dialog(app)?.running == nil)
        #expect(dialog(app)?.notice == "Cancelled; nothing was saved.")
        #expect(dialog(app)?.ida.text == "exports/ida_orders_2026-11-16.csv", "the paths are kept to try again")
        #expect(terminal.text().contains("Cancelled; nothing was saved."))
        #expect(book.runs.count == 3)
    }

    @Test func aFailedRunShowsItsErrorInTheDialog() {
        let (app, terminal, book) = makeReconcileDesk()
        let script = ScriptedRun(error: ReconcileError.missingColumns(side: .sfdc, name: "sfdc.csv", columns: ["MRR__c"]))
        book.script = { _, _, _, progress in try script.run(progress) }
        app.press(.character("i"))
        app.type("ida.csv")
        app.press(.down)
        app.type("sfdc.csv")
        app.press(.enter)
        script.proceed.signal()
        #expect(app.waitForJob())
        #expect(dialog(app)?.running == nil)
        #expect(dialog(app)?.error?.contains("has no column MRR__c") == true)
        #expect(terminal.text().contains("The SFDC export 'sfdc.csv' has no column MRR__c"))
        #expect(dialog(app)?.sfdc.text == "sfdc.csv")
    }

    @Test func aFinishedRunOpensFromTheList() {
        let (app, terminal, book) = makeReconcileDesk()
        let summary = SampleReconcile.summary(id: 13, ranAt: SampleReconcile.now, byKind: [.statusMismatch: 3], open: 3, recurring: 1)
        book.differences += SampleReconcile.differences(runID: 13, count: 3).map { var d = $0; d.id += 10_000; return d }
        let script = ScriptedRun(result: summary)
        book.script = { ida, sfdc, options, progress in
            #expect(options == ReconcileOptions(moneyTolerance: Money(cents: 0), dateToleranceDays: 2))
            #expect((ida, sfdc) == ("ida.csv", "sfdc.csv"))
            return try script.run(progress)
        }
        app.press(.enter) // from a run's differences too
        app.press(.character("i"))
        app.type("ida.csv")
        app.press(.down)
        app.type("sfdc.csv")
        app.press(.down, .down, .control("u"))
        app.type("2")
        app.press(.enter)
        script.proceed.signal()
        #expect(app.waitForJob())
        #expect(app.state.modal == nil)
        #expect(app.state.runs.runs.map(\.id) == [13, 12, 11, 9])
        #expect(app.state.run?.run.id == 13)
        #expect(app.state.run?.total == 3)
        #expect(terminal.text().contains("Run #13 saved: 3 differences, 3 open."))
    }

    @Test func theRunLoopDrawsProgressWhileTheJobRuns() {
        let (app, terminal, book) = makeReconcileDesk()
        let script = ScriptedRun(result: SampleReconcile.summary(id: 14, ranAt: SampleReconcile.now, byKind: [:], open: 0, recurring: 0))
        book.script = { _, _, _, progress in try script.run(progress) }
        app.press(.character("i"))
        app.type("a.csv")
        app.press(.down)
        app.type("b.csv")
        app.press(.enter)
        #expect(script.reported.wait(timeout: .now() + 5) == .success)
        let frames = terminal.frameCount
        #expect(app.pollJob(), "a running job redraws on every turn of the loop")
        app.render()
        #expect(terminal.frameCount > frames)
        script.proceed.signal()
        #expect(app.waitForJob())
        #expect(!app.pollJob(), "nothing left to poll")
        #expect(app.state.run?.run.id == 14)
    }
}

struct ReconcileAlignmentTests {
    /// Accented and wide file names and values must not push the columns after them.
    @Test func wideNamesKeepTheColumnsAligned() {
        for size in [(24, 80), (40, 120)] {
            let (app, terminal, book) = makeReconcileDesk(size: size)
            var runs = book.runs
            runs[1].ida.name = "東京_ida_orders_2026-11-09.csv"
            runs[2].ida.name = "café-ida.csv"
            book.runs = runs
            app.press(.character("1"), .character("4"))
            let lines = terminal.text().split(separator: "\n").map(String.init).filter { $0.contains(" 975 ") }
            #expect(lines.count == 3)
            let columns = Set(lines.map { DisplayWidth.of(String($0[..<$0.range(of: " 975 ")!.lowerBound])) })
            #expect(columns.count == 1, "Matched starts at \(columns) at \(size)")
        }
    }
}
