import Foundation
import Testing

@testable import CMECredentials

@Suite("Decimal amounts from text")
struct DecimalTextTests {
    static let plain = [
        "3", "1.5", ".25", "0.25", "1.50", "0", "0.0", "00.75", "12.", "999999999.999999999", "0.000000001",
        "100", "20.00", "7.125",
    ]

    @Test("plain decimals parse to the value Foundation's parser gives", arguments: plain)
    func agreesWithFoundation(text: String) throws {
        let expected = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        let parsed = try #require(DecimalText.decimal(text))
        #expect(parsed == expected)
        #expect(DecimalText.string(parsed) == DecimalText.string(expected))
    }

    @Test(
        "anything but a plain decimal is refused",
        arguments: ["", ".", "-1", "+1", "1e2", "1,5", "1.2.3", " 1", "1 ", "1234567890", "0.1234567890", "NaN"])
    func refusesOtherText(text: String) {
        #expect(DecimalText.decimal(text) == nil)
    }

    @Test("trailing fractional zeros do not change how an amount is written")
    func trailingZeros() throws {
        #expect(DecimalText.string(try #require(DecimalText.decimal("1.50"))) == "1.5")
        #expect(DecimalText.string(try #require(DecimalText.decimal("20.00"))) == "20")
    }
}
