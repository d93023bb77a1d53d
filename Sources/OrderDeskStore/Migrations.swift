import GRDB

/// The schema, as named, append-only migrations. Never edit a migration once it has landed: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for sql in v1Tables + v1Triggers + v1OrderIndexes { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v2-reconcile") { db in
            for sql in v2Reconcile { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v3-customers") { db in
            for sql in v3Customers { try db.execute(sql: sql) }
            try CustomerSearchIndex.rebuild(db)
        }
        // Foreign keys are off while a migration runs and checked before it commits (GRDB's default
        // `.deferred` checks), which the rebuild of `users` relies on.
        migrator.registerMigration("v4-contracts") { db in
            for sql in v4Contracts { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v5-escalations") { db in
            for sql in v5Escalations { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v6-status-view") { db in
            for sql in v6StatusView { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v7-reports") { db in
            for sql in v7Reports { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v8-report-work") { db in
            for sql in v8ReportWork { try db.execute(sql: sql) }
        }
        return migrator
    }

    /// `CASE col WHEN 'a' THEN 1 … ELSE 0 END` for a CHECK. Not `col IN (…)`: SQLite builds an ephemeral
    /// table for a constant IN list on every execution of an INSERT, which made bulk inserts several times
    /// slower (measured on the demo builder). The lists passed in are literals, frozen with their migration.
    static func oneOf(_ column: String, _ values: [String]) -> String {
        "CASE \(column) " + values.map { "WHEN '\($0)' THEN 1 " }.joined() + "ELSE 0 END"
    }

    static let v1Tables: [String] = [
        """
        CREATE TABLE users(
          id INTEGER PRIMARY KEY,
          login TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (\(oneOf("role", ["account_manager", "supervisor", "admin", "viewer"]))),
          created_at INTEGER NOT NULL)
        """,
        "CREATE TABLE settings(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE customers(
          id INTEGER PRIMARY KEY,
          account_number TEXT NOT NULL UNIQUE
            CHECK (length(account_number) = 11 AND account_number NOT GLOB '*[^0-9]*'),
          name TEXT NOT NULL,
          segment TEXT NOT NULL,
          channel TEXT NOT NULL CHECK (\(oneOf("channel", ["direct", "agent", "carrier", "referral", "smb"]))),
          phone TEXT,
          owner_id INTEGER REFERENCES users(id),
          since TEXT)
        """,
        """
        CREATE TABLE locations(
          id INTEGER PRIMARY KEY,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          street TEXT NOT NULL, city TEXT NOT NULL, state_code TEXT NOT NULL, zip TEXT NOT NULL)
        """,
        "CREATE INDEX locations_customer ON locations(customer_id)",
        """
        CREATE TABLE products(
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          family TEXT NOT NULL,
          list_mrr_cents INTEGER NOT NULL CHECK (list_mrr_cents >= 0),
          floor_mrr_cents INTEGER NOT NULL CHECK (floor_mrr_cents >= 0 AND floor_mrr_cents <= list_mrr_cents),
          nrc_cents INTEGER NOT NULL CHECK (nrc_cents >= 0))
        """,
        // customer_name and owner_login are copies kept for sorting and paging without joins;
        // the store writes them together with customer_id and owner_id.
        // install_key and owner_key give NULLs a sentinel that sorts last, so keyset paging
        // can use plain row-value comparisons on indexed columns.
        """
        CREATE TABLE orders(
          id INTEGER PRIMARY KEY,
          order_number TEXT NOT NULL UNIQUE
            CHECK (length(order_number) = 8 AND order_number NOT GLOB '*[^0-9]*'),
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          location_id INTEGER REFERENCES locations(id),
          customer_name TEXT NOT NULL COLLATE NOCASE,
          -- The customer's name and account folded for search: " cafe roma llc 07830012345" (NameMatch.key).
          customer_key TEXT NOT NULL DEFAULT '',
          type TEXT NOT NULL CHECK (\(oneOf("type", ["new", "move", "add", "change", "disconnect", "renewal"]))),
          state TEXT NOT NULL CHECK (\(oneOf("state", [
            "draft", "submitted", "pending", "held", "in_progress", "scheduled", "not_done", "installed", "billed",
            "cancelled", "rejected",
          ]))),
          channel TEXT NOT NULL CHECK (\(oneOf("channel", ["direct", "agent", "carrier", "referral", "smb"]))),
          owner_id INTEGER REFERENCES users(id),
          owner_login TEXT,
          mrr_cents INTEGER NOT NULL DEFAULT 0,
          nrc_cents INTEGER NOT NULL DEFAULT 0,
          term_months INTEGER NOT NULL DEFAULT 36 CHECK (term_months > 0),
          booked_on TEXT NOT NULL,
          state_since INTEGER NOT NULL,
          install_on TEXT,
          bill_start_on TEXT,
          submitted_on TEXT,
          reason_code TEXT,
          escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
          version INTEGER NOT NULL DEFAULT 1,
          updated_by INTEGER REFERENCES users(id),
          updated_at INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          install_key TEXT GENERATED ALWAYS AS (COALESCE(install_on, '9999-12-31')) VIRTUAL,
          owner_key TEXT GENERATED ALWAYS AS (COALESCE(owner_login, '~')) VIRTUAL,
          CHECK ((owner_id IS NULL) = (owner_login IS NULL)))
        """,
        ordersCustomerIndex,
        """
        CREATE TABLE order_lines(
          id INTEGER PRIMARY KEY,
          order_id INTEGER NOT NULL REFERENCES orders(id),
          product_id INTEGER NOT NULL REFERENCES products(id),
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          mrr_cents INTEGER NOT NULL,
          nrc_cents INTEGER NOT NULL)
        """,
        "CREATE INDEX order_lines_order ON order_lines(order_id)",
        """
        CREATE TABLE order_notes(
          id INTEGER PRIMARY KEY,
          order_id INTEGER NOT NULL REFERENCES orders(id),
          author_id INTEGER REFERENCES users(id),
          at INTEGER NOT NULL,
          text TEXT NOT NULL)
        """,
        "CREATE INDEX order_notes_order ON order_notes(order_id)",
        // actor_id is NULL only for the bootstrap user created by `orderdesk init`.
        """
        CREATE TABLE audit_log(
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          actor_id INTEGER REFERENCES users(id),
          entity TEXT NOT NULL,
          entity_id INTEGER NOT NULL,
          action TEXT NOT NULL,
          field TEXT,
          old_value TEXT,
          new_value TEXT)
        """,
        "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)",
        // Counts per (state, channel, owner) so the queue's counts need no scan of a million orders.
        // owner_id 0 stands for "no owner" so the key has no NULLs.
        """
        CREATE TABLE order_counts(
          state TEXT NOT NULL, channel TEXT NOT NULL, owner_id INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (state, channel, owner_id)) WITHOUT ROWID
        """,
        """
        CREATE VIRTUAL TABLE customer_fts USING fts5(
          name, account_number, content='customers', content_rowid='id',
          tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')
        """,
    ]

    static let v1Triggers: [String] = [
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
        """,
        """
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
        """,
        customersFTSInsertTrigger,
        """
        CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
          INSERT INTO customer_fts(customer_fts, rowid, name, account_number)
            VALUES ('delete', OLD.id, OLD.name, OLD.account_number);
        END
        """,
        """
        CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, account_number ON customers BEGIN
          INSERT INTO customer_fts(customer_fts, rowid, name, account_number)
            VALUES ('delete', OLD.id, OLD.name, OLD.account_number);
          INSERT INTO customer_fts(rowid, name, account_number) VALUES (NEW.id, NEW.name, NEW.account_number);
        END
        """,
        ordersCountInsertTrigger,
        """
        CREATE TRIGGER orders_count_delete AFTER DELETE ON orders BEGIN
          UPDATE order_counts SET n = n - 1
            WHERE state = OLD.state AND channel = OLD.channel AND owner_id = COALESCE(OLD.owner_id, 0);
        END
        """,
        """
        CREATE TRIGGER orders_count_update AFTER UPDATE OF state, channel, owner_id ON orders
        WHEN OLD.state IS NOT NEW.state OR OLD.channel IS NOT NEW.channel OR OLD.owner_id IS NOT NEW.owner_id
        BEGIN
          UPDATE order_counts SET n = n - 1
            WHERE state = OLD.state AND channel = OLD.channel AND owner_id = COALESCE(OLD.owner_id, 0);
          INSERT INTO order_counts(state, channel, owner_id, n)
            VALUES (NEW.state, NEW.channel, COALESCE(NEW.owner_id, 0), 1)
            ON CONFLICT(state, channel, owner_id) DO UPDATE SET n = n + 1;
        END
        """,
    ]

    /// Keeps the search index in step with new customers. The demo builder drops it during its bulk insert,
    /// rebuilds the index in one pass and recreates the trigger from this same text.
    static let customersFTSInsertTrigger = """
        CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
          INSERT INTO customer_fts(rowid, name, account_number) VALUES (NEW.id, NEW.name, NEW.account_number);
        END
        """

    /// Counts a new order in `order_counts`. The demo builder drops it during its bulk insert, fills the
    /// summary with one GROUP BY and recreates the trigger from this same text.
    static let ordersCountInsertTrigger = """
        CREATE TRIGGER orders_count_insert AFTER INSERT ON orders BEGIN
          INSERT INTO order_counts(state, channel, owner_id, n)
            VALUES (NEW.state, NEW.channel, COALESCE(NEW.owner_id, 0), 1)
            ON CONFLICT(state, channel, owner_id) DO UPDATE SET n = n + 1;
        END
        """

    /// Orders of a customer (search by name or account). Frozen with v1; v3-customers replaces it with `ordersCustomerTotalsIndex`.
    static let ordersCustomerIndex = "CREATE INDEX orders_customer ON orders(customer_id)"

    /// The keyset-paging indexes, one per sort column, each ending in id for the tie-break.
    /// The demo builder drops and recreates exactly these around its bulk insert.
    static let v1OrderIndexes: [String] = [
        // customer_key rides along so a broad search in the default sort tests each entry's key before
        // reading the row (SQLite's deferred seek): on 1M orders "078" went from 27 ms to 4 ms a page.
        "CREATE INDEX orders_by_booked ON orders(booked_on, id, customer_key)",
        // The customer sort is the natural one while searching names: it carries customer_key too.
        "CREATE INDEX orders_by_customer ON orders(customer_name, id, customer_key)",
        "CREATE INDEX orders_by_state ON orders(state, id)",
        // A rare state among recent orders (billed orders booked this month) pages from here, one
        // state at a time, instead of walking every recent order of the booked index.
        "CREATE INDEX orders_by_state_booked ON orders(state, booked_on, id)",
        "CREATE INDEX orders_by_owner ON orders(owner_key, id)",
        "CREATE INDEX orders_by_mrr ON orders(mrr_cents, id)",
        "CREATE INDEX orders_by_state_since ON orders(state_since, id)",
        "CREATE INDEX orders_by_install ON orders(install_key, id)",
        "CREATE INDEX orders_by_owner_id ON orders(owner_id, state)",
    ]
    /// Saved reconciliation runs, their differences (with what people decided about them) and the rows
    /// the engine could not read.
    static let v2Reconcile: [String] = [
        // One row a run. The counters are written once by the save (recurring_differences never changes:
        // earlier runs are never edited), except open_differences, which a trigger keeps in step with
        // resolutions, so the runs list reads counts without scanning differences.
        """
        CREATE TABLE reconcile_runs(
          id INTEGER PRIMARY KEY,
          ran_at INTEGER NOT NULL,
          ran_by INTEGER NOT NULL REFERENCES users(id),
          ida_name TEXT NOT NULL,
          ida_size INTEGER NOT NULL CHECK (ida_size >= 0),
          ida_sha256 TEXT NOT NULL CHECK (length(ida_sha256) = 64 AND ida_sha256 NOT GLOB '*[^0-9a-f]*'),
          sfdc_name TEXT NOT NULL,
          sfdc_size INTEGER NOT NULL CHECK (sfdc_size >= 0),
          sfdc_sha256 TEXT NOT NULL CHECK (length(sfdc_sha256) = 64 AND sfdc_sha256 NOT GLOB '*[^0-9a-f]*'),
          money_tolerance_cents INTEGER NOT NULL CHECK (money_tolerance_cents >= 0),
          date_tolerance_days INTEGER NOT NULL CHECK (date_tolerance_days >= 0),
          ida_rows INTEGER NOT NULL CHECK (ida_rows >= 0),
          sfdc_rows INTEGER NOT NULL CHECK (sfdc_rows >= 0),
          matched INTEGER NOT NULL CHECK (matched >= 0),
          differences INTEGER NOT NULL CHECK (differences >= 0),
          rejected_rows INTEGER NOT NULL CHECK (rejected_rows >= 0),
          open_differences INTEGER NOT NULL CHECK (open_differences BETWEEN 0 AND differences),
          recurring_differences INTEGER NOT NULL CHECK (recurring_differences BETWEEN 0 AND differences))
        """,
        "CREATE INDEX reconcile_runs_newest ON reconcile_runs(ran_at, id)",
        // Differences per kind, one row for each kind the run found (absent = 0). Report order sorts by
        // kind first, so a kind's differences are the positions first_position ..< first_position + differences:
        // filtering a run by kind reads that range of the position index (no index by kind to maintain).
        """
        CREATE TABLE reconcile_run_kinds(
          run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
          kind TEXT NOT NULL CHECK (\(oneOf("kind", differenceKinds))),
          differences INTEGER NOT NULL CHECK (differences > 0),
          first_position INTEGER NOT NULL CHECK (first_position >= 0),
          PRIMARY KEY (run_id, kind)) WITHOUT ROWID
        """,
        // position is the report order (FORMATS.md), 0-based. recurrence_key is Difference.recurrenceKey.
        // first_seen_at: when an earlier run first reported the same recurrence_key (NULL: new in this run).
        // earlier_resolution_id: the latest earlier occurrence that was resolved, read live so a later
        // re-resolution shows; the store keeps it pointing at the latest one when older runs are resolved.
        """
        CREATE TABLE reconcile_differences(
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
          position INTEGER NOT NULL CHECK (position >= 0),
          kind TEXT NOT NULL CHECK (\(oneOf("kind", differenceKinds))),
          ida_order TEXT,
          sfdc_id TEXT,
          field TEXT CHECK (field IS NULL OR \(oneOf("field", differenceFields))),
          ida_value TEXT,
          sfdc_value TEXT,
          matched_by TEXT CHECK (matched_by IS NULL OR \(oneOf("matched_by", ["cross_reference", "heuristic"]))),
          recurrence_key TEXT NOT NULL,
          order_id INTEGER REFERENCES orders(id),
          first_seen_at INTEGER,
          earlier_resolution_id INTEGER REFERENCES reconcile_differences(id),
          resolution TEXT CHECK (resolution IS NULL OR \(oneOf("resolution", ["fix_in_sfdc", "fix_in_ida", "accepted", "ignored"]))),
          resolution_note TEXT,
          resolved_by INTEGER REFERENCES users(id),
          resolved_at INTEGER,
          -- A field exactly for the mismatch kinds, and the one the kind names.
          CHECK (CASE WHEN field IS NULL THEN kind NOT GLOB '*_mismatch' ELSE kind = field || '_mismatch' END),
          -- Resolved means all four: what, why, who, when.
          CHECK ((resolution IS NULL) = (resolution_note IS NULL) AND (resolution IS NULL) = (resolved_by IS NULL)
                 AND (resolution IS NULL) = (resolved_at IS NULL)))
        """,
        // Paging a run in report order, and one kind of it (a range of positions, see reconcile_run_kinds).
        "CREATE UNIQUE INDEX reconcile_differences_position ON reconcile_differences(run_id, position)",
        // The earlier occurrences of a difference, latest run last.
        "CREATE INDEX reconcile_differences_recurrence ON reconcile_differences(recurrence_key, run_id)",
        // Open differences only: paging and counting "hide resolved" without reading resolved rows.
        "CREATE INDEX reconcile_differences_open ON reconcile_differences(run_id, position) WHERE resolution IS NULL",
        """
        CREATE TRIGGER reconcile_differences_open_count AFTER UPDATE OF resolution ON reconcile_differences
        WHEN (OLD.resolution IS NULL) != (NEW.resolution IS NULL)
        BEGIN
          UPDATE reconcile_runs SET open_differences = open_differences + (CASE WHEN NEW.resolution IS NULL THEN 1 ELSE -1 END)
            WHERE id = NEW.run_id;
        END
        """,
        // Rows the engine could not read, in the order it reported them (id order).
        """
        CREATE TABLE reconcile_rejected_rows(
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
          file TEXT NOT NULL CHECK (\(oneOf("file", ["ida", "sfdc"]))),
          line INTEGER NOT NULL CHECK (line >= 1),
          error TEXT NOT NULL)
        """,
        "CREATE INDEX reconcile_rejected_rows_run ON reconcile_rejected_rows(run_id)",
    ]

    /// The customer screen: versions on customers and locations, serviceability and surveys, the plant
    /// table, contacts, porting documents, customer notes, contracts, the customers list's search, and
    /// the new location of a move order.
    static let v3Customers: [String] = [
        // Optimistic locking and "who changed it" for the customer form, as orders have.
        "ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE customers ADD COLUMN updated_by INTEGER REFERENCES users(id)",
        "ALTER TABLE customers ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0",
        // The customers list, written by the store (CustomerSearchIndex) with every change to a customer
        // or its locations. sort_name is the folded name the list sorts by (then id). list_position is
        // the customer's place in that order as a number with gaps (a new name takes a number between
        // its neighbours'), and it is the rowid of the customer's full-text row: a search then reads its
        // matches already in list order from the index, `rowid > ?` pages on, and no search has to fetch
        // and sort its matches or walk the list testing rows (measured on 250,000 customers: a few
        // milliseconds a keystroke for any search, against tens for those plans).
        "ALTER TABLE customers ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE customers ADD COLUMN list_position INTEGER",
        listPositionIndex,
        customersByNameIndex,
        "CREATE INDEX customers_owner ON customers(owner_id)",
        // Every search token by column (name words, the account number with and without its leading
        // zeros, the phone as written, as ten digits and as the seven-digit local number, the words of
        // every location's address); rowid is the customer's list_position. It keeps its own copy of
        // the text (SQLite 3.40 cannot delete from a contentless table without the old values).
        """
        CREATE VIRTUAL TABLE customer_directory USING fts5(
          name, account, phone, address, customer_id UNINDEXED,
          tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')
        """,
        // Serviceability as the last check found it, and the site survey.
        "ALTER TABLE locations ADD COLUMN serviceability TEXT NOT NULL DEFAULT 'unknown' CHECK (\(oneOf("serviceability", ["on_net", "near_net", "off_net", "unknown"])))",
        "ALTER TABLE locations ADD COLUMN distance_feet INTEGER CHECK (distance_feet IS NULL OR distance_feet >= 0)",
        "ALTER TABLE locations ADD COLUMN construction_estimate_cents INTEGER CHECK (construction_estimate_cents IS NULL OR construction_estimate_cents >= 0)",
        "ALTER TABLE locations ADD COLUMN checked_by INTEGER REFERENCES users(id)",
        "ALTER TABLE locations ADD COLUMN checked_at INTEGER",
        "ALTER TABLE locations ADD COLUMN survey_status TEXT NOT NULL DEFAULT 'not_needed' CHECK (\(oneOf("survey_status", ["not_needed", "requested", "scheduled", "completed"])))",
        "ALTER TABLE locations ADD COLUMN survey_on TEXT",
        "ALTER TABLE locations ADD COLUMN survey_result TEXT CHECK (survey_result IS NULL OR \(oneOf("survey_result", ["feasible", "feasible_with_construction", "not_feasible"])))",
        "ALTER TABLE locations ADD COLUMN survey_note TEXT",
        "ALTER TABLE locations ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE locations ADD COLUMN updated_by INTEGER REFERENCES users(id)",
        "ALTER TABLE locations ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0",
        // Where the network runs: a served street of a ZIP code (distance 0), a street near plant (its
        // distance in feet), or street '' for the rest of the ZIP code. street is StreetName.streetOnly.
        """
        CREATE TABLE plant(
          id INTEGER PRIMARY KEY,
          zip TEXT NOT NULL CHECK (length(zip) = 5 AND zip NOT GLOB '*[^0-9]*'),
          street TEXT NOT NULL,
          distance_feet INTEGER NOT NULL CHECK (distance_feet >= 0),
          UNIQUE (zip, street))
        """,
        // People at the customer. A removed contact keeps its row (removed_at) so the timeline and the
        // audit log still name it.
        """
        CREATE TABLE contacts(
          id INTEGER PRIMARY KEY,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          name TEXT NOT NULL CHECK (length(trim(name)) > 0),
          role TEXT NOT NULL CHECK (\(oneOf("role", ["billing", "technical", "signer", "site_access"]))),
          phone TEXT,
          email TEXT,
          version INTEGER NOT NULL DEFAULT 1,
          created_at INTEGER NOT NULL,
          updated_by INTEGER REFERENCES users(id),
          updated_at INTEGER NOT NULL,
          removed_at INTEGER,
          CHECK (phone IS NOT NULL OR email IS NOT NULL))
        """,
        "CREATE INDEX contacts_customer ON contacts(customer_id)",
        // CSR and LOA for number porting: received (received_on) or missing (NULL); an LOA's fields as written.
        """
        CREATE TABLE porting_documents(
          id INTEGER PRIMARY KEY,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          kind TEXT NOT NULL CHECK (\(oneOf("kind", ["csr", "loa"]))),
          received_on TEXT,
          authorized_name TEXT,
          service_address TEXT,
          zip TEXT,
          btn TEXT,
          note TEXT,
          version INTEGER NOT NULL DEFAULT 1,
          created_at INTEGER NOT NULL,
          updated_by INTEGER REFERENCES users(id),
          updated_at INTEGER NOT NULL,
          CHECK (kind = 'loa' OR (authorized_name IS NULL AND service_address IS NULL AND zip IS NULL AND btn IS NULL)))
        """,
        "CREATE INDEX porting_documents_customer ON porting_documents(customer_id)",
        """
        CREATE TABLE customer_notes(
          id INTEGER PRIMARY KEY,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          author_id INTEGER REFERENCES users(id),
          at INTEGER NOT NULL,
          text TEXT NOT NULL CHECK (length(trim(text)) > 0))
        """,
        "CREATE INDEX customer_notes_customer ON customer_notes(customer_id, at)",
        // Commercial Service Agreements. The contract editor (lines, pricing, approvals) extends this table.
        // A renewal or an addendum names the contract it renews or amends.
        """
        CREATE TABLE contracts(
          id INTEGER PRIMARY KEY,
          number TEXT NOT NULL UNIQUE,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          kind TEXT NOT NULL CHECK (\(oneOf("kind", ["new", "renewal", "addendum", "reclamation"]))),
          parent_id INTEGER REFERENCES contracts(id),
          status TEXT NOT NULL CHECK (\(oneOf("status", ["draft", "pending_approval", "approved", "sent", "active", "expired", "terminated"]))),
          term_months INTEGER NOT NULL CHECK (\(oneOf("term_months", ["12", "24", "36", "60"]).replacingOccurrences(of: "'", with: ""))),
          start_on TEXT,
          end_on TEXT,
          mrr_cents INTEGER NOT NULL DEFAULT 0 CHECK (mrr_cents >= 0),
          owner_id INTEGER REFERENCES users(id),
          version INTEGER NOT NULL DEFAULT 1,
          created_at INTEGER NOT NULL,
          updated_by INTEGER REFERENCES users(id),
          updated_at INTEGER NOT NULL,
          CHECK ((parent_id IS NOT NULL) = (kind = 'renewal' OR kind = 'addendum')),
          CHECK ((start_on IS NULL) = (end_on IS NULL)))
        """,
        "CREATE INDEX contracts_customer ON contracts(customer_id)",
        "CREATE INDEX contracts_ending ON contracts(status, end_on)",
        // A move order's destination (location_id is where service is now).
        "ALTER TABLE orders ADD COLUMN new_location_id INTEGER REFERENCES locations(id)",
        // A customer's orders with what the customers list adds up (open orders, MRR in service) on the
        // index entry: a page of 50 customers reads 50 index ranges instead of ~200 order rows scattered
        // over the table (measured on 1M orders: a page 3.3 ms → 2.2 ms). It replaces v1's orders(customer_id).
        "DROP INDEX orders_customer",
        ordersCustomerTotalsIndex,
    ]

    /// The customers list's order (folded name, id), with each customer's list position: where a new or
    /// renamed customer goes, and where a page shown by name continues. The demo builder drops it (and
    /// `listPositionIndex`) during its bulk insert and recreates both from this same text.
    static let customersByNameIndex = "CREATE INDEX customers_by_name ON customers(sort_name, id, list_position)"
    /// Orders by customer, with the columns of the customers list's figures. The demo builder drops and
    /// recreates it like the paging indexes.
    static let ordersCustomerTotalsIndex = "CREATE INDEX orders_customer_totals ON orders(customer_id, state, type, mrr_cents)"
    /// The whole list, page by page, when nothing is searched; one customer a position.
    static let listPositionIndex = "CREATE UNIQUE INDEX customers_by_position ON customers(list_position)"

    /// Frozen with v2-reconcile (not read from `DifferenceKind`, so a new kind cannot silently change a landed migration).
    static let differenceKinds = [
        "missing_in_sfdc", "missing_in_ida", "status_mismatch", "mrr_mismatch", "nrc_mismatch", "term_mismatch",
        "install_date_mismatch", "account_mismatch", "duplicate_in_ida", "duplicate_in_sfdc", "missing_cross_reference",
    ]
    static let differenceFields = ["status", "mrr", "nrc", "term", "install_date", "account"]

    /// The names of `v1OrderIndexes`, read from their SQL so the two lists cannot drift apart.
    static let v1OrderIndexNames: [String] = v1OrderIndexes.map { sql in
        String(sql.split(separator: " ")[2])
    }

    /// The contract editor: the director role, a contract's priced lines, its stored totals and costs, its
    /// approval (route, submission, decision) and its lifecycle dates, and the indexes of the contracts list
    /// and the approvals inbox.
    static let v4Contracts: [String] = [
        // SQLite cannot change a CHECK: `users` is rebuilt with `director` in its role list (the 12 steps
        // of sqlite.org/lang_altertable.html; GRDB runs this with foreign keys off and checks them before
        // commit). Same columns, same order, same ids.
        """
        CREATE TABLE users_new(
          id INTEGER PRIMARY KEY,
          login TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (\(oneOf("role", ["account_manager", "supervisor", "admin", "viewer", "director"]))),
          created_at INTEGER NOT NULL)
        """,
        "INSERT INTO users_new(id, login, name, role, created_at) SELECT id, login, name, role, created_at FROM users",
        "DROP TABLE users",
        "ALTER TABLE users_new RENAME TO users",
        // Where the service runs, and the stored totals of the lines (ContractFigures): list and net MRR
        // (mrr_cents, from v3, is the net), the NRC charged and waived. Then the costs the ROI weighs.
        "ALTER TABLE contracts ADD COLUMN location_id INTEGER REFERENCES locations(id)",
        "ALTER TABLE contracts ADD COLUMN list_mrr_cents INTEGER NOT NULL DEFAULT 0 CHECK (list_mrr_cents >= 0)",
        "ALTER TABLE contracts ADD COLUMN nrc_cents INTEGER NOT NULL DEFAULT 0 CHECK (nrc_cents >= 0)",
        "ALTER TABLE contracts ADD COLUMN nrc_waived_cents INTEGER NOT NULL DEFAULT 0 CHECK (nrc_waived_cents >= 0)",
        "ALTER TABLE contracts ADD COLUMN construction_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (construction_cost_cents >= 0)",
        "ALTER TABLE contracts ADD COLUMN monthly_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (monthly_cost_cents >= 0)",
        "ALTER TABLE contracts ADD COLUMN commission_cents INTEGER NOT NULL DEFAULT 0 CHECK (commission_cents >= 0)",
        // The approval: the level the route asked for when submitted ('none' otherwise), whether the
        // approver must comment (a negative NPV), who submitted it when, and the route's words then.
        "ALTER TABLE contracts ADD COLUMN required_level TEXT NOT NULL DEFAULT 'none' CHECK (\(oneOf("required_level", ["none", "supervisor", "director"])))",
        "ALTER TABLE contracts ADD COLUMN needs_comment INTEGER NOT NULL DEFAULT 0 CHECK (needs_comment IN (0, 1))",
        "ALTER TABLE contracts ADD COLUMN submitted_by INTEGER REFERENCES users(id)",
        "ALTER TABLE contracts ADD COLUMN submitted_at INTEGER",
        "ALTER TABLE contracts ADD COLUMN route_summary TEXT",
        // The latest decision: an approval, or a rejection that sent it back to draft with the comment.
        "ALTER TABLE contracts ADD COLUMN decided_by INTEGER REFERENCES users(id)",
        "ALTER TABLE contracts ADD COLUMN decided_at INTEGER",
        "ALTER TABLE contracts ADD COLUMN decision TEXT CHECK (decision IS NULL OR \(oneOf("decision", ["approved", "rejected"])))",
        "ALTER TABLE contracts ADD COLUMN decision_comment TEXT",
        "ALTER TABLE contracts ADD COLUMN sent_on TEXT",
        "ALTER TABLE contracts ADD COLUMN terminated_on TEXT",
        // A contract's lines in the editor's order. list, floor and list NRC are the product's prices when
        // the line was priced: a later change of the price book does not rewrite an agreement.
        """
        CREATE TABLE contract_lines(
          id INTEGER PRIMARY KEY,
          contract_id INTEGER NOT NULL REFERENCES contracts(id),
          position INTEGER NOT NULL CHECK (position >= 0),
          product_id INTEGER NOT NULL REFERENCES products(id),
          quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
          list_mrr_cents INTEGER NOT NULL CHECK (list_mrr_cents >= 0),
          floor_mrr_cents INTEGER NOT NULL CHECK (floor_mrr_cents >= 0),
          list_nrc_cents INTEGER NOT NULL CHECK (list_nrc_cents >= 0),
          unit_mrr_cents INTEGER NOT NULL CHECK (unit_mrr_cents >= 0),
          unit_nrc_cents INTEGER NOT NULL CHECK (unit_nrc_cents >= 0),
          nrc_waived INTEGER NOT NULL DEFAULT 0 CHECK (nrc_waived IN (0, 1)),
          UNIQUE (contract_id, position))
        """,
        // Contracts per (status, kind, owner), kept by triggers: the list's counts without a scan, and the
        // size of each index range a page could walk, so the page walks the smallest (SQLite's statistics
        // know averages only: "pending approval" and "expired" look the same size to it). owner_id 0 is
        // "no owner". Filled here for the contracts of v3.
        """
        CREATE TABLE contract_counts(
          status TEXT NOT NULL, kind TEXT NOT NULL, owner_id INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (status, kind, owner_id)) WITHOUT ROWID
        """,
        contractCountsFill,
        contractsCountInsertTrigger,
        "DROP INDEX contracts_ending",
        """
        CREATE TRIGGER contracts_count_delete AFTER DELETE ON contracts BEGIN
          UPDATE contract_counts SET n = n - 1
            WHERE status = OLD.status AND kind = OLD.kind AND owner_id = COALESCE(OLD.owner_id, 0);
        END
        """,
        """
        CREATE TRIGGER contracts_count_update AFTER UPDATE OF status, kind, owner_id ON contracts
        WHEN OLD.status IS NOT NEW.status OR OLD.kind IS NOT NEW.kind OR OLD.owner_id IS NOT NEW.owner_id
        BEGIN
          UPDATE contract_counts SET n = n - 1
            WHERE status = OLD.status AND kind = OLD.kind AND owner_id = COALESCE(OLD.owner_id, 0);
          INSERT INTO contract_counts(status, kind, owner_id, n) VALUES (NEW.status, NEW.kind, COALESCE(NEW.owner_id, 0), 1)
            ON CONFLICT(status, kind, owner_id) DO UPDATE SET n = n + 1;
        END
        """,
    ] + v4ContractIndexes

    /// Counts a new contract in `contract_counts`. The demo builder drops it during its bulk insert, fills
    /// the summary with `contractCountsFill` and recreates the trigger from this same text.
    static let contractsCountInsertTrigger = """
        CREATE TRIGGER contracts_count_insert AFTER INSERT ON contracts BEGIN
          INSERT INTO contract_counts(status, kind, owner_id, n) VALUES (NEW.status, NEW.kind, COALESCE(NEW.owner_id, 0), 1)
            ON CONFLICT(status, kind, owner_id) DO UPDATE SET n = n + 1;
        END
        """

    /// `contract_counts` from the contracts, in one pass.
    static let contractCountsFill = """
        INSERT INTO contract_counts(status, kind, owner_id, n)
        SELECT status, kind, COALESCE(owner_id, 0), count(*) FROM contracts GROUP BY 1, 2, 3
        """

    /// The contracts list pages newest first (id descending) by keyset: one index per filter that narrows
    /// it (status, kind, owner), each ending in id so a page is one index range read backwards, and each
    /// carrying the other filters' columns, so a combination (pending renewals of one owner, the approvals
    /// inbox, due for renewal) is tested on the index entry before any row is read and a count reads the
    /// index alone (on the 1M-order demo a combination that matches nothing went from ~150 ms to a few).
    /// The demo builder drops and recreates exactly these around its bulk insert.
    static let v4ContractIndexes: [String] = [
        // The approvals inbox is this index's `pending_approval` range: required level and submitter ride along.
        "CREATE INDEX contracts_by_status ON contracts(status, id, kind, owner_id, required_level, submitted_by, end_on)",
        "CREATE INDEX contracts_by_owner ON contracts(owner_id, id, status, kind)",
        "CREATE INDEX contracts_by_kind ON contracts(kind, id, status, owner_id)",
        // Due for renewal: v3's contracts_ending(status, end_on) with the other filters' columns, so a count of
        // "renewals due" reads the index alone (dropped and recreated by v4-contracts).
        "CREATE INDEX contracts_ending ON contracts(status, end_on, kind, owner_id)",
        // A parent's renewals and addenda.
        "CREATE INDEX contracts_parent ON contracts(parent_id) WHERE parent_id IS NOT NULL",
    ]

    /// The names of `v4ContractIndexes` (the demo builder drops and recreates them around its bulk insert).
    static let v4ContractIndexNames: [String] = v4ContractIndexes.map { sql in
        String(sql.split(separator: " ")[2])
    }

    /// Escalations of orders (issue 6): who raised them and why, the owning supervisor, the SLA's due time,
    /// the status with who acknowledged and resolved them, a thread of notes, and the cause of an automatic
    /// one (unique per order, so running the rules twice never raises it twice). `orders.escalated` (v1)
    /// follows the escalations by triggers: 1 while the order has one open or acknowledged.
    static let v5Escalations: [String] = [
        """
        CREATE TABLE escalations(
          id INTEGER PRIMARY KEY,
          order_id INTEGER NOT NULL REFERENCES orders(id),
          reason TEXT NOT NULL CHECK (\(oneOf("reason", [
            "install_date_missed", "not_done_too_long", "held_too_long", "waiting_on_customer_too_long",
            "customer_complaint", "billing_dispute", "construction_delay", "other",
          ]))),
          severity TEXT NOT NULL CHECK (\(oneOf("severity", ["p1", "p2", "p3"]))),
          status TEXT NOT NULL CHECK (\(oneOf("status", ["open", "acknowledged", "resolved"]))),
          -- NULL when the automatic rules raised it.
          raised_by INTEGER REFERENCES users(id),
          raised_at INTEGER NOT NULL,
          -- The supervisor who owns it.
          owner_id INTEGER REFERENCES users(id),
          due_at INTEGER NOT NULL,
          acknowledged_by INTEGER REFERENCES users(id),
          acknowledged_at INTEGER,
          resolved_by INTEGER REFERENCES users(id),
          resolved_at INTEGER,
          resolution TEXT,
          -- The stuck episode an automatic rule saw (`not_done@1764400000`); NULL when a person raised it.
          cause TEXT,
          version INTEGER NOT NULL DEFAULT 1,
          updated_by INTEGER REFERENCES users(id),
          updated_at INTEGER NOT NULL,
          CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
          CHECK (status != 'resolved' OR length(trim(resolution)) > 0))
        """,
        "CREATE UNIQUE INDEX escalations_cause ON escalations(order_id, cause) WHERE cause IS NOT NULL",
        "CREATE INDEX escalations_order ON escalations(order_id, status)",
        // The status view's list: what is still open, by due time.
        "CREATE INDEX escalations_by_due ON escalations(status, due_at, severity)",
        "CREATE INDEX escalations_by_owner ON escalations(owner_id, status)",
        """
        CREATE TABLE escalation_notes(
          id INTEGER PRIMARY KEY,
          escalation_id INTEGER NOT NULL REFERENCES escalations(id),
          author_id INTEGER REFERENCES users(id),
          at INTEGER NOT NULL,
          text TEXT NOT NULL CHECK (length(trim(text)) > 0))
        """,
        "CREATE INDEX escalation_notes_escalation ON escalation_notes(escalation_id, at)",
        """
        CREATE TRIGGER escalations_flag_insert AFTER INSERT ON escalations BEGIN
          UPDATE orders SET escalated = 1 WHERE id = NEW.order_id AND NEW.status != 'resolved' AND escalated = 0;
        END
        """,
        """
        CREATE TRIGGER escalations_flag_update AFTER UPDATE OF status ON escalations BEGIN
          UPDATE orders SET escalated = EXISTS(
            SELECT 1 FROM escalations e WHERE e.order_id = NEW.order_id AND e.status != 'resolved')
          WHERE id = NEW.order_id;
        END
        """,
    ]

    /// Open orders (not billed, cancelled or rejected: `OrderState.isOpen`) as a CASE, frozen with
    /// v6-status-view. A query that should use `orders_open_since` repeats this exact text.
    static let openOrderSQL = "CASE state WHEN 'billed' THEN 0 WHEN 'cancelled' THEN 0 WHEN 'rejected' THEN 0 ELSE 1 END"
    /// The states the automatic rules look at, as a CASE; queries on `orders_stuck` repeat this exact text.
    static let stuckOrderSQL = "CASE state WHEN 'not_done' THEN 1 WHEN 'held' THEN 1 WHEN 'pending' THEN 1 WHEN 'scheduled' THEN 1 ELSE 0 END"

    /// The supervisors' status view (issue 6): the team board's figures, the escalations list, its
    /// counts and history, and the automatic rules' scan, each from an index range or a small summary.
    static let v6StatusView: [String] = [
        // The order's owner on its escalations, kept by triggers, so "an account manager's own" (orders they
        // own or escalations they raised) is tested on an index entry without reading the order.
        "ALTER TABLE escalations ADD COLUMN order_owner_id INTEGER REFERENCES users(id)",
        "UPDATE escalations SET order_owner_id = (SELECT owner_id FROM orders WHERE id = escalations.order_id)",
        """
        CREATE TRIGGER escalations_order_owner_insert AFTER INSERT ON escalations BEGIN
          UPDATE escalations SET order_owner_id = (SELECT owner_id FROM orders WHERE id = NEW.order_id) WHERE id = NEW.id;
        END
        """,
        """
        CREATE TRIGGER orders_owner_escalations AFTER UPDATE OF owner_id ON orders
        WHEN OLD.owner_id IS NOT NEW.owner_id
        BEGIN
          UPDATE escalations SET order_owner_id = NEW.owner_id WHERE order_id = NEW.id;
        END
        """,
        // The list in its order (severity, age, id) for active and for resolved escalations, with every
        // filter's column on the entry; breached or not is tested on due_at at the time asked.
        """
        CREATE INDEX escalations_active_list ON escalations(severity, raised_at, id, due_at, status, owner_id, reason,
          raised_by, order_owner_id) WHERE status != 'resolved'
        """,
        """
        CREATE INDEX escalations_resolved_list ON escalations(severity, raised_at, id, owner_id, reason, raised_by,
          order_owner_id) WHERE status = 'resolved'
        """,
        // The history: escalations resolved within the last days. `status` is on the entry although the index
        // holds only resolved ones: without it SQLite reads each row to test the WHERE again.
        "CREATE INDEX escalations_resolved_at ON escalations(resolved_at, raised_at, status) WHERE status = 'resolved'",
        // Open orders by owner and the UTC day they entered their state (state_since / 86 400), kept by
        // triggers: the team board's aging buckets add up whole days from here and count only the orders of
        // each boundary day exactly (orders_open_since). owner_id 0 is "no owner".
        """
        CREATE TABLE order_aging(
          since_day INTEGER NOT NULL, owner_id INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (since_day, owner_id)) WITHOUT ROWID
        """,
        orderAgingFill,
        orderAgingInsertTrigger,
        """
        CREATE TRIGGER orders_aging_delete AFTER DELETE ON orders
        WHEN \(openOrderSQL.replacingOccurrences(of: "CASE state", with: "CASE OLD.state"))
        BEGIN
          UPDATE order_aging SET n = n - 1 WHERE since_day = OLD.state_since / 86400 AND owner_id = COALESCE(OLD.owner_id, 0);
        END
        """,
        """
        CREATE TRIGGER orders_aging_update AFTER UPDATE OF state, state_since, owner_id ON orders
        WHEN OLD.state IS NOT NEW.state OR OLD.state_since IS NOT NEW.state_since OR OLD.owner_id IS NOT NEW.owner_id
        BEGIN
          UPDATE order_aging SET n = n - 1
            WHERE since_day = OLD.state_since / 86400 AND owner_id = COALESCE(OLD.owner_id, 0)
              AND \(openOrderSQL.replacingOccurrences(of: "CASE state", with: "CASE OLD.state"));
          INSERT INTO order_aging(since_day, owner_id, n)
            SELECT NEW.state_since / 86400, COALESCE(NEW.owner_id, 0), 1
            WHERE \(openOrderSQL.replacingOccurrences(of: "CASE state", with: "CASE NEW.state"))
            ON CONFLICT(since_day, owner_id) DO UPDATE SET n = n + 1;
        END
        """,
    ] + v6OrderIndexes

    /// Counts a new open order in `order_aging`. The demo builder drops it during its bulk insert, fills the
    /// summary with `orderAgingFill` and recreates the trigger from this same text.
    static let orderAgingInsertTrigger = """
        CREATE TRIGGER orders_aging_insert AFTER INSERT ON orders
        WHEN \(openOrderSQL.replacingOccurrences(of: "CASE state", with: "CASE NEW.state"))
        BEGIN
          INSERT INTO order_aging(since_day, owner_id, n) VALUES (NEW.state_since / 86400, COALESCE(NEW.owner_id, 0), 1)
            ON CONFLICT(since_day, owner_id) DO UPDATE SET n = n + 1;
        END
        """

    /// `order_aging` from the orders, in one pass.
    static let orderAgingFill = """
        INSERT INTO order_aging(since_day, owner_id, n)
        SELECT state_since / 86400, COALESCE(owner_id, 0), count(*) FROM orders WHERE \(openOrderSQL) GROUP BY 1, 2
        """

    /// The orders' indexes of the status view. The demo builder drops and recreates exactly these around its bulk insert.
    static let v6OrderIndexes: [String] = [
        // Open orders by the moment they entered their state: the aging buckets' boundary days.
        "CREATE INDEX orders_open_since ON orders(state_since, owner_id) WHERE \(openOrderSQL)",
        // An owner's installs of the week (installed or billed is tested on the entry).
        "CREATE INDEX orders_by_owner_install ON orders(owner_id, install_on, state) WHERE install_on IS NOT NULL",
        // An owner's MRR booked in the week, drafts excluded.
        "CREATE INDEX orders_by_owner_booked ON orders(owner_id, booked_on, mrr_cents) WHERE state != 'draft'",
        // The automatic rules' scan: the stuck states by how long they have been in them, with the install date.
        "CREATE INDEX orders_stuck ON orders(state, state_since, install_on) WHERE \(stuckOrderSQL)",
    ]

    /// The names of `v6OrderIndexes`.
    static let v6OrderIndexNames: [String] = v6OrderIndexes.map { sql in
        String(sql.split(separator: " ")[2])
    }
}
