/// Whether the network reaches an address, as the last serviceability check found it.
public enum Serviceability: String, CaseIterable, Sendable, Codable, Hashable {
    /// The address is on a served street: service can be installed without construction.
    case onNet = "on_net"
    /// Plant runs within the near-net distance: service needs a short build (a construction estimate).
    case nearNet = "near_net"
    /// No plant close enough to build to at a near-net cost.
    case offNet = "off_net"
    /// Never checked.
    case unknown

    /// Words for people: `on net`, `near net`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// A marker that tells the result apart without colour.
    public var symbol: Character {
        switch self {
        case .onNet: return "●"
        case .nearNet: return "◐"
        case .offNet: return "○"
        case .unknown: return "?"
        }
    }
}

/// The settings a serviceability check applies (stored in the settings table, with these defaults).
public struct ServiceabilityRules: Hashable, Sendable {
    /// The farthest an address may be from plant, in feet, and still be near-net.
    public var nearNetMaxFeet: Int
    /// The fixed part of a construction estimate (permits, splicing, design).
    public var constructionFixed: Money
    /// The cost of each foot of construction.
    public var constructionPerFoot: Money

    public init(nearNetMaxFeet: Int = 200, constructionFixed: Money = Money(cents: 250_000),
                constructionPerFoot: Money = Money(cents: 3_500)) {
        self.nearNetMaxFeet = nearNetMaxFeet; self.constructionFixed = constructionFixed
        self.constructionPerFoot = constructionPerFoot
    }

    public static let defaults = ServiceabilityRules()

    /// Settings keys of the three rules.
    public static let nearNetMaxFeetKey = "serviceability.near_net_max_feet"
    public static let constructionFixedKey = "serviceability.construction_fixed_cents"
    public static let constructionPerFootKey = "serviceability.construction_per_foot_cents"

    /// Judges an address from the plant table's distance to it: 0 ft (a served street) is on-net,
    /// up to `nearNetMaxFeet` inclusive is near-net with a construction estimate, anything farther
    /// (or no plant known in the ZIP code, `nil`) is off-net.
    public func assess(distanceFeet: Int?) -> ServiceabilityAssessment {
        guard let feet = distanceFeet, feet >= 0 else {
            return ServiceabilityAssessment(serviceability: .offNet, distanceFeet: nil, constructionEstimate: nil)
        }
        if feet == 0 {
            return ServiceabilityAssessment(serviceability: .onNet, distanceFeet: 0, constructionEstimate: nil)
        }
        if feet <= nearNetMaxFeet {
            return ServiceabilityAssessment(
                serviceability: .nearNet, distanceFeet: feet, constructionEstimate: constructionFixed + constructionPerFoot * feet)
        }
        return ServiceabilityAssessment(serviceability: .offNet, distanceFeet: feet, constructionEstimate: nil)
    }
}

/// What a serviceability check concludes for one address.
public struct ServiceabilityAssessment: Hashable, Sendable {
    public var serviceability: Serviceability
    /// Feet to the nearest plant; nil when the plant table knows nothing near the address.
    public var distanceFeet: Int?
    /// For near-net only: what building the last feet would cost.
    public var constructionEstimate: Money?

    public init(serviceability: Serviceability, distanceFeet: Int?, constructionEstimate: Money?) {
        self.serviceability = serviceability; self.distanceFeet = distanceFeet
        self.constructionEstimate = constructionEstimate
    }
}
