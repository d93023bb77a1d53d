import Testing
@testable import OrderDeskCore

struct ContractLifecycleTests {
    let manager = UserAccount(id: 1, login: "dana.ruiz", name: "Dana Ruiz", role: .accountManager)
    let supervisor = UserAccount(id: 2, login: "renee.dubois", name: "Renée Dubois", role: .supervisor)
    let director = UserAccount(id: 3, login: "nadia.haddad", name: "Nadia Haddad", role: .director)
    let viewer = UserAccount(id: 4, login: "sam.patel", name: "Sam Patel", role: .viewer)

    func facts(_ status: ContractStatus, level: ApprovalLevel = .supervisor, submittedBy: Int64? = 1, start: Day? = nil) -> ContractFacts {
        ContractFacts(number: "CSA-000042", status: status, submittedBy: submittedBy, requiredLevel: level, startOn: start)
    }

    func refusal(_ action: ContractAction, _ facts: ContractFacts, _ user: UserAccount) -> String? {
        do { try ContractLifecycle.check(action, facts, by: user); return nil } catch {
            return (error as? OrderDeskError)?.errorDescription ?? "\(error)"
        }
    }

    @Test func theHappyPathRunsDraftToActive() {
        #expect(ContractLifecycle.target(of: .submit, from: .draft) == .pendingApproval)
        #expect(ContractLifecycle.target(of: .approve, from: .pendingApproval) == .approved)
        #expect(ContractLifecycle.target(of: .send, from: .approved) == .sent)
        #expect(ContractLifecycle.target(of: .activate, from: .sent) == .active)
        #expect(ContractLifecycle.target(of: .expire, from: .active) == .expired)
        #expect(ContractLifecycle.target(of: .terminate, from: .active) == .terminated)
        #expect(ContractLifecycle.target(of: .reject, from: .pendingApproval) == .draft)
        #expect(ContractLifecycle.actions(from: .expired).isEmpty)
        #expect(ContractLifecycle.actions(from: .terminated).isEmpty)
    }

    @Test func anActiveContractIsReadOnly() {
        #expect(refusal(.edit, facts(.active), manager)
            == "CSA-000042 is active, so it is read-only: make an addendum (A) to change it.")
        #expect(refusal(.edit, facts(.pendingApproval), manager)
            == "CSA-000042 is pending approval: withdraw it (w) to edit it; it will need approval again.")
        #expect(refusal(.edit, facts(.draft), manager) == nil)
    }

    @Test func theApproverIsNeverTheSubmitter() {
        #expect(refusal(.approve, facts(.pendingApproval, submittedBy: 2), supervisor)
            == "You submitted CSA-000042: someone else must approve it (the approver is never the submitter).")
        #expect(refusal(.approve, facts(.pendingApproval, submittedBy: 1), supervisor) == nil)
    }

    @Test func onlyApproversOfTheRightLevelApprove() {
        #expect(refusal(.approve, facts(.pendingApproval), manager)
            == "dana.ruiz has the role account_manager, which may not approve contracts. Ask an admin to change the role.")
        #expect(refusal(.approve, facts(.pendingApproval), viewer)
            == "sam.patel has the role viewer, which may not approve contracts. Ask an admin to change the role.")
        #expect(refusal(.reject, facts(.pendingApproval, level: .director), supervisor)
            == "CSA-000042 needs a director's approval; renee.dubois is a supervisor.")
        #expect(refusal(.approve, facts(.pendingApproval, level: .director), director) == nil)
        #expect(refusal(.approve, facts(.pendingApproval, level: .supervisor), director) == nil)
    }

    @Test func stepsThatDoNotApplySayWhatCanBeDone() {
        #expect(refusal(.send, facts(.draft), manager)
            == "CSA-000042 is a draft: it cannot be marked sent. What can be done now: submit.")
        #expect(refusal(.approve, facts(.expired), director)
            == "CSA-000042 is expired: it cannot be approved. What can be done now: nothing: it is closed.")
    }

    @Test func activationNeedsAStartDateAndTerminationAnApprover() {
        #expect(refusal(.activate, facts(.sent), manager)
            == "CSA-000042 has no start date: give the day service starts to activate it.")
        #expect(refusal(.activate, facts(.sent, start: Day(year: 2027, month: 1, day: 1)), manager) == nil)
        #expect(refusal(.terminate, facts(.active), manager)?.contains("may not terminate contracts") == true)
        #expect(refusal(.terminate, facts(.active), supervisor) == nil)
    }

    @Test func viewersChangeNothing() {
        for action in ContractAction.allCases {
            #expect(refusal(action, facts(.draft), viewer)?.contains("sam.patel has the role viewer") == true)
        }
    }

    @Test func aDraftNamesItsParentOnlyForARenewalOrAnAddendum() {
        var draft = ContractFixtures.draft()
        draft.kind = .renewal
        #expect(draft.validate().map(\.field) == ["parent"])
        draft.parentID = 7
        #expect(draft.validate().isEmpty)
        draft.kind = .reclamation
        #expect(draft.validate().map(\.field) == ["parent"])
        draft.parentID = nil
        draft.termMonths = 18
        draft.lines[0].quantity = 0
        draft.commission = Money(cents: -1)
        #expect(draft.validate().map(\.field) == ["term", "line.0.quantity", "commission"])
        draft.lines = []
        #expect(draft.validate().map(\.field).contains("lines"))
    }
}
