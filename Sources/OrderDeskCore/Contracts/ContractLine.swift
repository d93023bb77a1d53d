/// One line of a contract: a product of the price book, how many, and the agreed prices of one unit.
///
/// The product carries the list and floor prices as they were when the line was priced, so a later change
/// of the price book does not rewrite what was agreed.
public struct ContractLine: Hashable, Sendable {
    public var product: PriceBookProduct
    public var quantity: Int
    /// The agreed monthly price of one unit (the net MRR).
    public var unitMRR: Money
    /// The one-time charge of one unit before any waiver.
    public var unitNRC: Money
    /// The customer does not pay this line's NRC.
    public var nrcWaived: Bool

    public init(product: PriceBookProduct, quantity: Int, unitMRR: Money, unitNRC: Money, nrcWaived: Bool = false) {
        self.product = product; self.quantity = quantity; self.unitMRR = unitMRR; self.unitNRC = unitNRC
        self.nrcWaived = nrcWaived
    }

    /// A line at list price.
    public init(product: PriceBookProduct, quantity: Int = 1) {
        self.init(product: product, quantity: quantity, unitMRR: product.listMRR, unitNRC: product.nrc)
    }

    /// The whole line's monthly charge at list price.
    public var listMRR: Money { product.listMRR * quantity }
    /// The whole line's agreed monthly charge.
    public var netMRR: Money { unitMRR * quantity }
    /// The whole line's one-time charge before any waiver.
    public var nrc: Money { unitNRC * quantity }
    /// What the customer pays once: nothing when waived.
    public var nrcCharged: Money { nrcWaived ? .zero : nrc }
    /// What the waiver gives away.
    public var nrcWaivedAmount: Money { nrcWaived ? nrc : .zero }

    /// How far the agreed price is under list, rounded to a basis point; zero at or above list.
    public var discount: Percentage { Self.discount(list: product.listMRR, net: unitMRR) }

    /// Sets the net price from a discount off list (rounded to the cent).
    public mutating func setDiscount(_ discount: Percentage) {
        unitMRR = product.listMRR - discount.of(product.listMRR)
    }

    /// The agreed price is under the product's floor.
    public var isBelowFloor: Bool { unitMRR < product.floorMRR }

    /// `(list − net) / list` in basis points, rounded half up; zero when the list price is zero or net ≥ list.
    public static func discount(list: Money, net: Money) -> Percentage {
        guard list.cents > 0, net < list else { return .zero }
        return Percentage(basisPoints: Int(Percentage.divideRounded((list.cents - net.cents) * 10_000, by: list.cents)))
    }
}
