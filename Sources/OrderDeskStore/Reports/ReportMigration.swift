extension Migrations {
    /// Issue 7's tables: teams, monthly sales targets, commission rates by order type.
    /// (The report's summary tables and indexes are added here too, before this migration lands.)
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
    ]
}
