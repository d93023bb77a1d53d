import Testing
@testable import OrderDeskCore

struct FieldValidationTests {
    @Test(arguments: ["ana@example.com", "ana.ruiz+port@cafe-roma.co.uk", "  A@B.IO "])
    func goodEmailsPass(_ email: String) {
        #expect(FieldValidation.email(email, required: true) == nil)
    }

    @Test(arguments: ["ana@", "ana.example.com", "ana@example", "ana @example.com", "@example.com", "ana@ex..com",
                      "ana@example.c0m", "a@b@c.com"])
    func badEmailsSayHowToWriteOne(_ email: String) {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        #expect(FieldValidation.email(email, required: true)
                == FieldError(field: "email", message: "'\(trimmed)' is not an email address: write it as name@example.com."))
    }

    @Test func anEmptyOptionalEmailPassesARequiredOneDoesNot() {
        #expect(FieldValidation.email("", required: false) == nil)
        #expect(FieldValidation.email(" ", required: true) == FieldError(field: "email", message: "Email is required."))
    }

    @Test(arguments: ["(516) 555-0142", "516-555-0142", "516.555.0142", "5165550142", "+1 516 555 0142", "1-516-555-0142"])
    func phonesInAnyPunctuationPass(_ phone: String) {
        #expect(FieldValidation.phone(phone, required: true) == nil)
        #expect(PhoneNumber(phone)?.formatted == "(516) 555-0142")
    }

    @Test func badPhonesSayWhy() {
        #expect(FieldValidation.phone("555-0142", required: true)?.message
                == "'555-0142' is not a phone number: it has 7 digits, a number needs 10 (e.g. (516) 555-0142).")
        #expect(FieldValidation.phone("(016) 555-0142", required: true)?.message
                == "'(016) 555-0142' is not a phone number: the area code and exchange cannot start with 0 or 1 (e.g. (516) 555-0142).")
        #expect(FieldValidation.phone("516-555-O142", required: true) != nil)
        #expect(FieldValidation.phone("", required: true) == FieldError(field: "phone", message: "Phone is required."))
        #expect(FieldValidation.phone("", required: false) == nil)
    }

    @Test func zipCodesAreFiveDigitsOrZipPlusFour() {
        #expect(FieldValidation.zip("11714") == nil)
        #expect(FieldValidation.zip("11714-2202") == nil)
        for bad in ["1171", "117145", "11714-22", "1171A", "11714 2202"] {
            #expect(FieldValidation.zip(bad)?.message
                    == "'\(bad)' is not a ZIP code: use 5 digits or ZIP+4 (11714 or 11714-2202).")
        }
        #expect(FieldValidation.zip("")?.message == "ZIP code is required.")
    }

    @Test func stateCodesAreUSPSCodesInAnyCase() {
        #expect(FieldValidation.stateCode("NY") == nil)
        #expect(FieldValidation.stateCode("ny") == nil)
        #expect(FieldValidation.stateCode(" dc ") == nil)
        #expect(FieldValidation.stateCode("XX")?.message
                == "'XX' is not a US state code: use the two-letter USPS code (NY, NJ, CA…).")
        #expect(FieldValidation.stateCode("New York")?.field == "state_code")
        #expect(FieldValidation.stateCode("")?.message == "State is required.")
    }

    @Test func formsListEachBadFieldInOrder() {
        let contact = ContactEdit(name: " ", role: .billing, phone: "555", email: "ana@")
        #expect(contact.validate().map(\.field) == ["name", "phone", "email"])
        #expect(contact.validate().first?.message == "Name is required.")
        let unreachable = ContactEdit(name: "Ana Ruiz", role: .signer, phone: "", email: "")
        #expect(unreachable.validate() == [FieldError(field: "phone", message: "Give a phone number or an email address (or both).")])
        let location = LocationEdit(street: "", city: "Bethpage", stateCode: "NX", zip: "117")
        #expect(location.validate().map(\.field) == ["street", "state_code", "zip"])
        let customer = CustomerEdit(name: "Café Roma LLC", segment: "", channel: .direct, phone: "(516) 555-0142", ownerLogin: "")
        #expect(customer.validate() == [FieldError(field: "segment", message: "Segment is required.")])
    }

    @Test func savedValuesAreNormalized() {
        let contact = ContactEdit(name: "  Ana   Ruiz ", role: .billing, phone: "516.555.0142", email: " Ana@Example.COM ")
        #expect(contact.normalized == ContactEdit(name: "Ana Ruiz", role: .billing, phone: "(516) 555-0142", email: "ana@example.com"))
        let location = LocationEdit(street: " 12  Main St ", city: "Bethpage ", stateCode: "ny", zip: " 11714")
        #expect(location.normalized == LocationEdit(street: "12 Main St", city: "Bethpage", stateCode: "NY", zip: "11714"))
    }

    @Test func tooLongNamesAreRefused() {
        let long = String(repeating: "a", count: 101)
        #expect(FieldValidation.required(long, field: "name", label: "Name")?.message == "Name is too long: at most 100 characters.")
    }
}
