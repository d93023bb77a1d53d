import Foundation
import Testing
@testable import OrderDeskCore

/// The shared samples reconcile to exactly the shared expected document.
struct SampleReconcileTests {
    /// `Tests/Samples`, copied from the shared samples.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static func source(_ name: String) throws -> BytesExportSource {
        BytesExportSource(name: name, bytes: Array(try Data(contentsOf: samples.appendingPathComponent(name))))
    }

    @Test func samplesGiveTheExpectedDocument() throws {
        let result = try Reconciliation.run(ida: Self.source("ida_orders.csv"), sfdc: Self.source("sfdc_orders.csv"))
        let produced = try JSONSerialization.jsonObject(with: Data(ReconcileReport.json(result).utf8)) as! NSDictionary
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.samples.appendingPathComponent("expected_reconcile.json"))) as! NSDictionary
        #expect(produced == expected)
        #expect(ReconcileReport.json(result) == String(decoding: try Data(contentsOf: Self.samples.appendingPathComponent("expected_reconcile.json")), as: UTF8.self))
    }
}
