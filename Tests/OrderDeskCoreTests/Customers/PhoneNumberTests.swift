@testable import OrderDeskCore
import Testing

@Suite struct PhoneNumberTests {
    /// The definition, Character by Character: ASCII digits and ` ()-.+` only, ten digits after an optional
    /// leading 1, area code and exchange not starting with 0 or 1.
    func reference(_ text: String) -> String? {
        var digits = text.filter { $0.isASCII && $0.isNumber }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || " ()-.+".contains($0) }) else { return nil }
        if digits.count == 11, digits.first == "1" { digits.removeFirst() }
        guard digits.count == 10 else { return nil }
        let area = digits.first!, exchange = digits[digits.index(digits.startIndex, offsetBy: 3)]
        guard area != "0", area != "1", exchange != "0", exchange != "1" else { return nil }
        return digits
    }

    @Test func parsesLikeTheDefinition() {
        let samples = ["(516) 555-0142", "516.555.0142", "+1 516 555 0142", "15165550142", "5165550142", "0165550142",
                       "5161550142", "555-0142", "", "(516) 555-O142", "516 555 0142 x12", "５１６５５５０１４２", "516\r\n5550142",
                       "1 (1) 516 555 0142", "11 516 555 0142"]
        var random = SeededRandom(seed: 3)
        let alphabet = Array("0123456789 ()-.+1x٣")
        let generated = (0..<3_000).map { _ in String((0..<random.int(8...14)).map { _ in random.pick(alphabet) }) }
        for text in samples + generated {
            #expect(PhoneNumber(text)?.digits == reference(text), "\(text.debugDescription)")
        }
        #expect(PhoneNumber("+1 (516) 555-0142")?.formatted == "(516) 555-0142")
    }
}
