import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Every user, ordered by login.
    public func users() throws -> [UserAccount] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, login, name, role FROM users ORDER BY login").map(Self.user(from:))
        }
    }

    /// The user with this login, or nil.
    public func user(login: String) throws -> UserAccount? {
        try writer.read { db in try Self.fetchUser(db, login: login) }
    }

    /// Throws OrderDeskError.unknownUser(login:) when absent.
    public func resolveUser(login: String) throws -> UserAccount {
        guard let user = try user(login: login) else { throw OrderDeskError.unknownUser(login: login) }
        return user
    }

    /// actor == nil is allowed only while the users table is empty (bootstrap by `orderdesk init`); otherwise the actor must be an admin (OrderDeskError.forbidden). Validates login (lowercase letters, digits, . _ -, 1–32 chars), non-empty name; duplicate → StoreError.duplicateLogin.
    public func addUser(login: String, name: String, role: Role, actor: UserAccount?, now: Int64) throws -> UserAccount {
        guard Self.isValidLogin(login) else { throw StoreError.invalidLogin(login) }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedName.isEmpty, trimmedName.count <= 100 else { throw StoreError.invalidName(name) }
        return try writer.write { db in
            if let actor {
                // The role stored in the database decides, not the one the caller holds in memory.
                guard let current = try Self.fetchUser(db, id: actor.id) else {
                    throw OrderDeskError.unknownUser(login: actor.login)
                }
                guard current.role.canManageUsers else {
                    throw OrderDeskError.forbidden(login: current.login, role: current.role, action: "add users")
                }
            } else if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 > 0 {
                throw StoreError.actorRequired
            }
            if try Self.fetchUser(db, login: login) != nil { throw StoreError.duplicateLogin(login) }
            try db.execute(
                sql: "INSERT INTO users(login, name, role, created_at) VALUES (?, ?, ?, ?)",
                arguments: [login, trimmedName, role.rawValue, now])
            let id = db.lastInsertedRowID
            try Audit.append(db, at: now, actorID: actor?.id, entity: "user", entityID: id, action: "create",
                             field: "role", old: nil, new: role.rawValue)
            return UserAccount(id: id, login: login, name: trimmedName, role: role)
        }
    }

    /// Lowercase letters, digits, `.`, `_` and `-`; 1 to 32 characters.
    static func isValidLogin(_ login: String) -> Bool {
        guard (1...32).contains(login.utf8.count) else { return false }
        return login.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 46 || byte == 95 || byte == 45
        }
    }

    static func fetchUser(_ db: Database, login: String) throws -> UserAccount? {
        try Row.fetchOne(db, sql: "SELECT id, login, name, role FROM users WHERE login = ?", arguments: [login])
            .map(user(from:))
    }

    static func fetchUser(_ db: Database, id: Int64) throws -> UserAccount? {
        try Row.fetchOne(db, sql: "SELECT id, login, name, role FROM users WHERE id = ?", arguments: [id])
            .map(user(from:))
    }

    static func user(from row: Row) throws -> UserAccount {
        let raw: String = row["role"]
        guard let role = Role(rawValue: raw) else { throw StoreError.corruptValue(column: "users.role", value: raw) }
        return UserAccount(id: row["id"], login: row["login"], name: row["name"], role: role)
    }
}

/// Appends rows to the audit log; nothing ever updates or deletes them (triggers refuse it).
enum Audit {
    static func append(
        _ db: Database, at: Int64, actorID: Int64?, entity: String, entityID: Int64, action: String,
        field: String?, old: String?, new: String?
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_log(at, actor_id, entity, entity_id, action, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [at, actorID, entity, entityID, action, field, old, new])
    }
}
