/// The agreement a customer signs, as Markdown or plain text: the parties, the service location, the
/// lines, the totals, the term with its dates, and the early-termination schedule. Internal figures (cost,
/// margin, commission, NPV, IRR) stay out of it.
public struct ContractDocument: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case md, txt
    }

    public var detail: ContractDetail
    /// The provider's name as it appears on the agreement.
    public var provider: String
    /// Display width of a string in terminal cells (for aligning plain-text columns with wide characters).
    public var width: @Sendable (String) -> Int

    public init(_ detail: ContractDetail, provider: String, width: @escaping @Sendable (String) -> Int = { $0.count }) {
        self.detail = detail; self.provider = provider; self.width = width
    }

    public func render(_ format: Format) -> String {
        format == .md ? markdown() : plainText()
    }

    // MARK: Content

    var title: String { "Commercial Service Agreement \(detail.number)" }
    var figures: ContractFigures { ContractFigures(detail.terms, policy: detail.policy) }

    var kindLine: String {
        switch detail.terms.kind {
        case .new: return "New agreement"
        case .reclamation: return "New agreement (returning customer)"
        case .renewal: return "Renewal of " + (detail.parentNumber ?? "an earlier agreement")
        case .addendum: return "Addendum to " + (detail.parentNumber ?? "an earlier agreement")
        }
    }

    var parties: [(String, String)] {
        var provider = self.provider
        if let name = detail.ownerName { provider += ", represented by \(name)" }
        return [("Provider", provider), ("Customer", "\(detail.customerName), account \(detail.accountNumber)")]
    }

    var termRows: [(String, String)] {
        let start = detail.terms.startOn?.iso ?? "to be agreed"
        let end = detail.terms.endOn?.iso ?? (detail.terms.startOn == nil ? "\(detail.terms.termMonths) months after the start" : "")
        return [("Term", "\(detail.terms.termMonths) months"), ("Start date", start), ("End date", end),
                ("Status", detail.status.label)]
    }

    var lineHeader: [String] { ["#", "Product", "Qty", "List MRR", "Net MRR", "Discount", "MRR", "NRC"] }

    var lineRows: [[String]] {
        detail.terms.lines.enumerated().map { i, line in
            [String(i + 1), line.product.code + " " + line.product.name, String(line.quantity),
             "$" + line.product.listMRR.grouped, "$" + line.unitMRR.grouped, line.discount.display,
             "$" + line.netMRR.grouped, line.nrcWaived ? "waived ($\(line.nrc.grouped))" : "$" + line.nrc.grouped]
        }
    }

    var totalRows: [(String, String)] {
        let f = figures
        return [("Monthly recurring charges", "$" + f.netMRR.grouped),
                ("One-time charges", "$" + f.nrcCharged.grouped + (f.nrcWaived.cents > 0 ? " ($\(f.nrcWaived.grouped) waived)" : "")),
                ("Total contract value", "$" + f.totalContractValue.grouped)]
    }

    var terminationText: String {
        "If the Customer ends this agreement before its end date, the Customer pays \(detail.policy.earlyTerminationShare.display) "
            + "of the monthly recurring charges for every remaining month, plus the share of any construction cost and "
            + "waived one-time charges not yet recovered, prorated over the remaining months."
    }

    var terminationHeader: [String] { ["Months of service", "Fee at the start", "Fee at the end"] }

    var terminationRows: [[String]] {
        figures.earlyTermination.map { ["\($0.fromMonth)–\($0.toMonth)", "$" + $0.feeAtStart.grouped, "$" + $0.feeAtEnd.grouped] }
    }

    // MARK: Markdown

    func markdown() -> String {
        var out: [String] = ["# " + Self.escape(title), "", Self.escape(kindLine), "", "## Parties", ""]
        out += parties.map { "- **\($0.0):** \(Self.escape($0.1))" }
        out += ["", "## Term", ""] + termRows.map { "- **\($0.0):** \(Self.escape($0.1))" }
        out += ["", "## Service location", "", "- " + Self.escape(detail.locationAddress ?? "to be confirmed")]
        out += ["", "## Services", ""] + table(lineHeader, lineRows, rightAligned: [2, 3, 4, 5, 6, 7])
        out += ["", "## Totals", ""] + totalRows.map { "- **\($0.0):** \($0.1)" }
        out += ["", "## Early termination", "", terminationText, ""] + table(terminationHeader, terminationRows, rightAligned: [1, 2])
        return out.joined(separator: "\n") + "\n"
    }

    private func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let rule = header.indices.map { rightAligned.contains($0) ? "---:" : "---" }
        return (["| " + header.joined(separator: " | ") + " |", "| " + rule.joined(separator: " | ") + " |"]
            + rows.map { "| " + $0.map(Self.escapeCell).joined(separator: " | ") + " |" })
    }

    /// Markdown's own characters in names shown as themselves.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func escapeCell(_ text: String) -> String { escape(text).replacingOccurrences(of: "\n", with: " ") }

    // MARK: Plain text

    func plainText() -> String {
        var out: [String] = [title, String(repeating: "=", count: width(title)), "", kindLine, "", "PARTIES"]
        out += aligned(parties)
        out += ["", "TERM"] + aligned(termRows)
        out += ["", "SERVICE LOCATION", "  " + (detail.locationAddress ?? "to be confirmed")]
        out += ["", "SERVICES"] + columns(lineHeader, lineRows, rightAligned: [0, 2, 3, 4, 5, 6, 7])
        out += ["", "TOTALS"] + aligned(totalRows)
        out += ["", "EARLY TERMINATION"] + wrap(terminationText, width: 76).map { "  " + $0 }
        out += [""] + columns(terminationHeader, terminationRows, rightAligned: [1, 2])
        return out.joined(separator: "\n") + "\n"
    }

    private func aligned(_ rows: [(String, String)]) -> [String] {
        let labelWidth = rows.map { width($0.0) }.max() ?? 0
        return rows.map { "  " + pad($0.0 + ":", labelWidth + 1) + "  " + $0.1 }
    }

    private func columns(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        TextTable(header: header, rows: rows, rightAligned: rightAligned).lines(width: width)
    }

    private func pad(_ text: String, _ target: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, target - width(text)))
        return right ? fill + text : text + fill
    }

    private func wrap(_ text: String, width limit: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, width(current) + 1 + width(String(word)) > limit { lines.append(current); current = "" }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
