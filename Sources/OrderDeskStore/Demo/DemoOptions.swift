/// What `buildDemo` makes.
public struct DemoOptions: Sendable {
    public var orders: Int
    public var seed: UInt64
    /// The person running the demo; added as an account manager (owning some orders) unless that login exists.
    public var currentLogin: String
    public var currentName: String

    public init(orders: Int = 50_000, seed: UInt64 = 42, currentLogin: String, currentName: String) {
        self.orders = orders; self.seed = seed; self.currentLogin = currentLogin; self.currentName = currentName
    }
}

/// How far `buildDemo` is: `done` of `total` in a phase such as "customers", "orders" or "indexes".
public struct DemoProgress: Sendable {
    public var phase: String
    public var done: Int
    public var total: Int

    public init(phase: String, done: Int, total: Int) { self.phase = phase; self.done = done; self.total = total }
}
