import Testing
@testable import OrderDeskCore

struct ServiceabilityTests {
    let rules = ServiceabilityRules(nearNetMaxFeet: 200, constructionFixed: Money(cents: 250_000),
                                    constructionPerFoot: Money(cents: 3_500))

    @Test func aServedStreetIsOnNetWithoutConstruction() {
        let result = rules.assess(distanceFeet: 0)
        #expect(result == ServiceabilityAssessment(serviceability: .onNet, distanceFeet: 0, constructionEstimate: nil))
    }

    @Test(arguments: [(1, 253_500), (120, 670_000), (200, 950_000)])
    func withinTheNearNetDistanceComesWithAnEstimate(feet: Int, estimateCents: Int64) {
        let result = rules.assess(distanceFeet: feet)
        #expect(result.serviceability == .nearNet)
        #expect(result.distanceFeet == feet)
        #expect(result.constructionEstimate == Money(cents: estimateCents))
    }

    @Test(arguments: [201, 5_000])
    func pastTheNearNetDistanceIsOffNet(feet: Int) {
        let result = rules.assess(distanceFeet: feet)
        #expect(result == ServiceabilityAssessment(serviceability: .offNet, distanceFeet: feet, constructionEstimate: nil))
    }

    @Test func noPlantKnownIsOffNetWithoutADistance() {
        #expect(rules.assess(distanceFeet: nil) == ServiceabilityAssessment(serviceability: .offNet, distanceFeet: nil, constructionEstimate: nil))
    }

    @Test func theBoundaryFollowsTheConfiguredDistance() {
        let wide = ServiceabilityRules(nearNetMaxFeet: 500, constructionFixed: .zero, constructionPerFoot: Money(cents: 100))
        #expect(wide.assess(distanceFeet: 500).serviceability == .nearNet)
        #expect(wide.assess(distanceFeet: 500).constructionEstimate == Money(cents: 50_000))
        #expect(wide.assess(distanceFeet: 501).serviceability == .offNet)
    }

    @Test func theDefaultsAreTwoHundredFeet() {
        #expect(ServiceabilityRules.defaults.nearNetMaxFeet == 200)
        #expect(ServiceabilityRules.defaults.assess(distanceFeet: 200).serviceability == .nearNet)
        #expect(ServiceabilityRules.defaults.assess(distanceFeet: 201).serviceability == .offNet)
    }

    @Test func streetsCompareWithoutHouseNumbersCaseOrSuffixSpelling() {
        #expect(StreetName.streetOnly("1200 Old Country Road") == "old country rd")
        #expect(StreetName.streetOnly("1200 OLD COUNTRY RD., Suite 4") == "old country rd")
        #expect(StreetName.streetOnly("12-14 West Main Street") == "w main st")
        #expect(StreetName.normalized("12 Avenida de la Constitución") == "12 avenida de la constitucion")
        #expect(StreetName.normalized("1200 Old Country Road") == StreetName.normalized("1200 old country rd"))
        #expect(StreetName.normalized("1200 Old Country Road") != StreetName.normalized("1220 Old Country Road"))
    }

    @Test func surveyStatusesRoundTripThroughTheirStoredColumns() {
        let day = Day(year: 2026, month: 12, day: 3)!
        let all: [SurveyStatus] = [.notNeeded, .requested, .scheduled(day)] + SurveyResult.allCases.map { .completed($0) }
        for status in all {
            #expect(SurveyStatus(name: status.name, on: status.day, result: status.result) == status)
        }
        #expect(SurveyStatus(name: "scheduled", on: nil, result: nil) == nil)
        #expect(SurveyStatus(name: "completed", on: day, result: nil) == nil)
        #expect(SurveyStatus.scheduled(day).label == "scheduled 2026-12-03")
        #expect(SurveyStatus.completed(.notFeasible).label == "completed: not feasible")
    }
}
