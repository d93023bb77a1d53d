extension Migrations {
    /// The productivity table's summary (`report_work`): one narrow row per audit row that productivity counts,
    /// with its order's channel, kept by triggers and read by instant, by channel or by person.
    static let v8ReportWork: [String] = [
        // What productivity counts of an audit row: its instant, the audit row's id (so rows stay distinct),
        // the actor, the kind of work (reportWorkKind), the order id (the audit row's entity_id; an escalation's
        // order for a resolve) and that order's channel (NULL when there is no such order: no channel counts it).
        // WITHOUT ROWID keyed by instant: the table itself is the covering range by `at`.
        """
        CREATE TABLE report_work(
          at INTEGER NOT NULL, audit_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, kind INTEGER NOT NULL,
          order_id INTEGER, channel TEXT,
          PRIMARY KEY (at, audit_id)) WITHOUT ROWID
        """,
        reportWorkFill,
    ] + reportWorkIndexes + reportWorkTriggers

    /// The kind of work of an audit row `a` (a prefix such as `a.` or `NEW.`): 3 an escalation resolved, 2 a note,
    /// 1 a state move, 0 any other change to an order. Only for the rows `reportWorkCondition` keeps.
    static func reportWorkKind(_ a: String) -> String {
        """
        CASE WHEN \(a)entity = 'escalation' THEN 3 WHEN \(a)action = 'note' THEN 2
             WHEN \(a)action = 'move' AND \(a)field = 'state' THEN 1 ELSE 0 END
        """
    }

    /// The audit rows productivity counts: work on an order, or an escalation resolved, by someone.
    static func reportWorkCondition(_ a: String) -> String {
        "\(a)actor_id IS NOT NULL AND (\(a)entity = 'order' OR (\(a)entity = 'escalation' AND \(a)action = 'resolve'))"
    }

    /// `report_work` from the whole audit log (the migration's backfill and `AppDatabase.rebuildReportSummaries`).
    /// Sorted by the table's key so the B-tree is written in order (a bulk load's cache is small).
    static let reportWorkFill = { (order: String) in """
        INSERT INTO report_work(at, audit_id, actor_id, kind, order_id, channel)
        SELECT a.at, a.id, a.actor_id, \(reportWorkKind("a.")), \(order), o.channel
        FROM audit_log a
        LEFT JOIN escalations e ON a.entity = 'escalation' AND e.id = a.entity_id
        LEFT JOIN orders o ON o.id = \(order)
        WHERE \(reportWorkCondition("a."))
        ORDER BY a.at, a.id
        """ }("CASE a.entity WHEN 'order' THEN a.entity_id ELSE e.order_id END")

    /// The ranges the productivity read takes: one channel's work, one person's work, by instant; each covering.
    static let reportWorkIndexes: [String] = [
        "CREATE INDEX report_work_by_channel ON report_work(channel, at, actor_id, kind, order_id)",
        "CREATE INDEX report_work_by_actor ON report_work(actor_id, at, kind, order_id, channel)",
    ]

    /// The names of `reportWorkIndexes`.
    static let reportWorkIndexNames: [String] = reportWorkIndexes.map { sql in String(sql.split(separator: " ")[2]) }

    /// The triggers that keep `report_work` exact: each audit row appended (the log is append-only, so that is
    /// every change to it), and an order's channel changing or the order going (its rows take the new channel,
    /// or none). The store never changes an order's channel nor deletes one; those two triggers scan the table
    /// (no index by order, which every write would pay for) and are there so the summary cannot go stale.
    static let reportWorkTriggers: [String] = [
        """
        CREATE TRIGGER IF NOT EXISTS audit_report_work AFTER INSERT ON audit_log
        WHEN \(reportWorkCondition("NEW."))
        BEGIN
          INSERT INTO report_work(at, audit_id, actor_id, kind, order_id, channel)
          SELECT NEW.at, NEW.id, NEW.actor_id, \(reportWorkKind("NEW.")), w.order_id, o.channel
          FROM (SELECT CASE NEW.entity WHEN 'order' THEN NEW.entity_id
                       ELSE (SELECT order_id FROM escalations WHERE id = NEW.entity_id) END AS order_id) w
          LEFT JOIN orders o ON o.id = w.order_id;
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS orders_report_work_channel AFTER UPDATE OF channel ON orders
        WHEN OLD.channel IS NOT NEW.channel
        BEGIN
          UPDATE report_work SET channel = NEW.channel WHERE order_id = NEW.id;
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS orders_report_work_delete AFTER DELETE ON orders BEGIN
          UPDATE report_work SET channel = NULL WHERE order_id = OLD.id;
        END
        """,
    ]

    /// The names of `reportWorkTriggers`.
    static let reportWorkTriggerNames: [String] = reportWorkTriggers.map { sql in String(sql.split(separator: " ")[5]) }
}
