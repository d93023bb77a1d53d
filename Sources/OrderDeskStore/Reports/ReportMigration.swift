extension Migrations {
    /// Issue 7's tables: teams, monthly sales targets, commission rates by order type, and what the sales
    /// reports read: two covering order indexes (booked, installed), two audit-log indexes (order state moves
    /// by target state and time; every row by time) and `report_state_flow`, the backlog's summary.
    static let v7Reports: [String] = [
        "CREATE TABLE teams(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        "ALTER TABLE users ADD COLUMN team_id INTEGER REFERENCES teams(id)",
        // An account executive's installed-MRR target for a calendar month (`2026-11`).
        """
        CREATE TABLE sales_targets(
          user_id INTEGER NOT NULL REFERENCES users(id),
          month TEXT NOT NULL CHECK (length(month) = 7 AND substr(month, 5, 1) = '-'),
          installed_mrr_cents INTEGER NOT NULL CHECK (installed_mrr_cents >= 0),
          PRIMARY KEY (user_id, month)) WITHOUT ROWID
        """,
        // The share of an installed order's MRR paid as commission, by order type, in basis points.
        """
        CREATE TABLE commission_rates(
          order_type TEXT PRIMARY KEY NOT NULL
            CHECK (\(oneOf("order_type", ["new", "move", "add", "change", "disconnect", "renewal"]))),
          rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 100000)) WITHOUT ROWID
        """,
        """
        INSERT INTO commission_rates(order_type, rate_bp) VALUES
          ('new', 10000), ('add', 10000), ('renewal', 5000), ('move', 0), ('change', 0), ('disconnect', 0)
        """,
        // The backlog's summary: the net change of the number of orders in each state, by time bucket, channel
        // and owner (0: none). Each order adds +1 to its first state when it is created and each state move
        // −1 to the old state and +1 to the new one, at its instant, at three sizes of bucket: level 0 a
        // quarter hour (at / 900), level 1 a UTC day (at / 86 400), level 2 sixteen days (at / 1 382 400).
        // The backlog at an instant is today's counts less everything after it (ReportBacklog).
        """
        CREATE TABLE report_state_flow(
          level INTEGER NOT NULL, bucket INTEGER NOT NULL, channel TEXT NOT NULL, owner_id INTEGER NOT NULL,
          state TEXT NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (level, bucket, channel, owner_id, state)) WITHOUT ROWID
        """,
        reportStateFlowFill,
    ] + reportStateFlowTriggers + v7Indexes

    /// The sizes of `report_state_flow`'s buckets, in seconds, by level.
    static let reportFlowBucketSeconds: [Int64] = [900, 86_400, 1_382_400]

    /// The contributions of a set of orders to `report_state_flow`, as rows (at, state, n, channel, owner):
    /// `orders` is a FROM clause naming the orders `o`, `moves` the table or subquery of their state moves
    /// `m` (columns order_id, at, old_value, new_value).
    static func reportFlowEvents(orders: String, channel: String = "o.channel", owner: String = "COALESCE(o.owner_id, 0)",
                                 firstState: String = "o.state", sign: String = "") -> String {
        """
        SELECT o.created_at AS at, COALESCE((SELECT f.old_value FROM audit_log f
                 WHERE f.entity = 'order' AND f.entity_id = o.id AND f.action = 'move' AND f.field = 'state'
                 ORDER BY f.at, f.id LIMIT 1), \(firstState)) AS state, \(sign)1 AS n, \(channel) AS channel, \(owner) AS owner_id
          FROM \(orders)
        UNION ALL
        SELECT m.at, m.old_value, \(sign == "-" ? "" : "-")1, \(channel), \(owner)
          FROM \(orders) JOIN audit_log m ON m.entity = 'order' AND m.entity_id = o.id AND m.action = 'move' AND m.field = 'state'
        UNION ALL
        SELECT m.at, m.new_value, \(sign)1, \(channel), \(owner)
          FROM \(orders) JOIN audit_log m ON m.entity = 'order' AND m.entity_id = o.id AND m.action = 'move' AND m.field = 'state'
        """
    }

    /// Adds `events` (rows of at, state, n, channel, owner_id) to `report_state_flow` at every level.
    static func reportFlowUpsert(_ events: String) -> String {
        """
        INSERT INTO report_state_flow(level, bucket, channel, owner_id, state, n)
        SELECT l.level, e.at / l.size, e.channel, e.owner_id, e.state, sum(e.n)
        FROM (\(events)) e
        CROSS JOIN (SELECT 0 AS level, \(reportFlowBucketSeconds[0]) AS size UNION ALL SELECT 1, \(reportFlowBucketSeconds[1])
                    UNION ALL SELECT 2, \(reportFlowBucketSeconds[2])) l
        WHERE e.state IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT(level, bucket, channel, owner_id, state) DO UPDATE SET n = n + excluded.n
        """
    }

    /// `report_state_flow` from every order and its state moves (the migration's backfill and
    /// `AppDatabase.rebuildReportSummaries`).
    static let reportStateFlowFill = reportFlowUpsert(reportFlowEvents(orders: "orders o"))

    /// The triggers that keep `report_state_flow` exact under every write: a new order, a state move in the
    /// audit log, an order's channel, owner or creation time changing (its whole history moves to the new key),
    /// a deletion. A move's channel and owner are the order's at the time of the move's audit row.
    static let reportStateFlowTriggers: [String] = [
        """
        CREATE TRIGGER IF NOT EXISTS orders_report_flow_insert AFTER INSERT ON orders BEGIN
          \(reportFlowUpsert("SELECT NEW.created_at AS at, NEW.state AS state, 1 AS n, NEW.channel AS channel, COALESCE(NEW.owner_id, 0) AS owner_id"));
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS audit_report_flow_move AFTER INSERT ON audit_log
        WHEN NEW.entity = 'order' AND NEW.action = 'move' AND NEW.field = 'state'
        BEGIN
          \(reportFlowUpsert("""
            SELECT NEW.at AS at, NEW.old_value AS state, -1 AS n, o.channel AS channel, COALESCE(o.owner_id, 0) AS owner_id
              FROM orders o WHERE o.id = NEW.entity_id
            UNION ALL
            SELECT NEW.at, NEW.new_value, 1, o.channel, COALESCE(o.owner_id, 0) FROM orders o WHERE o.id = NEW.entity_id
            """));
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS orders_report_flow_rekey AFTER UPDATE OF channel, owner_id, created_at ON orders
        WHEN OLD.channel IS NOT NEW.channel OR OLD.owner_id IS NOT NEW.owner_id OR OLD.created_at IS NOT NEW.created_at
        BEGIN
          \(reportFlowUpsert(reportFlowEvents(orders: "(SELECT OLD.id AS id, OLD.created_at AS created_at) o",
                                              channel: "OLD.channel", owner: "COALESCE(OLD.owner_id, 0)",
                                              firstState: "OLD.state", sign: "-")));
          \(reportFlowUpsert(reportFlowEvents(orders: "(SELECT NEW.id AS id, NEW.created_at AS created_at) o",
                                              channel: "NEW.channel", owner: "COALESCE(NEW.owner_id, 0)",
                                              firstState: "OLD.state")));
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS orders_report_flow_delete AFTER DELETE ON orders BEGIN
          \(reportFlowUpsert(reportFlowEvents(orders: "(SELECT OLD.id AS id, OLD.created_at AS created_at) o",
                                              channel: "OLD.channel", owner: "COALESCE(OLD.owner_id, 0)",
                                              firstState: "OLD.state", sign: "-")));
        END
        """,
    ]

    /// The names of `reportStateFlowTriggers`.
    static let reportStateFlowTriggerNames: [String] = reportStateFlowTriggers.map { sql in
        String(sql.split(separator: " ")[5])
    }

    /// Installed or billed, as a CASE; queries on `orders_report_install` repeat this exact text.
    static let installedOrderSQL = "CASE state WHEN 'installed' THEN 1 WHEN 'billed' THEN 1 ELSE 0 END"

    /// The reports' indexes on orders and the audit log (`AppDatabase.suspendReportSummaries` drops them for a
    /// bulk load, `rebuildReportSummaries` builds them again).
    static let v7Indexes: [String] = [
        // Order state moves by the state entered and the instant: not-done orders and cancellations of a period.
        """
        CREATE INDEX audit_order_moves ON audit_log(new_value, at, entity_id)
        WHERE entity = 'order' AND action = 'move' AND field = 'state'
        """,
        // Every audit row by instant, with what productivity counts on the entry.
        "CREATE INDEX audit_log_by_at ON audit_log(at, actor_id, entity, action, field, entity_id)",
        // Booked orders (drafts excluded) by day, with every figure and filter on the entry. `state` too: SQLite
        // 3.40 tests the partial index's condition again and would read each row for it.
        "CREATE INDEX orders_report_booked ON orders(booked_on, channel, owner_id, mrr_cents, nrc_cents, state) WHERE state != 'draft'",
        // Installs (installed or billed) by install day, with the commission's order type (and `state`, as above).
        """
        CREATE INDEX orders_report_install ON orders(install_on, channel, owner_id, type, mrr_cents, state)
        WHERE install_on IS NOT NULL AND \(installedOrderSQL)
        """,
    ]

    /// The names of `v7Indexes`.
    static let v7IndexNames: [String] = v7Indexes.map { sql in
        String(sql.split(separator: " ")[2])
    }
}
