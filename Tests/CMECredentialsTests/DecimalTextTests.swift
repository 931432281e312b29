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

    @Test("multiples of a step: the integer comparison agrees with exact decimal division")
    func multiples() throws {
        let steps = ["0.25", "0.5", "1", "0.1", "0.05", "2", "0.125", "0.3"].compactMap(DecimalText.decimal)
        var amounts: [Decimal] = (0...60).map { Decimal($0) / 20 }
        amounts += ["999999999.75", "0.000000001", "12.", "7.125", "1.50", "100"].compactMap(DecimalText.decimal)
        for step in steps {
            for amount in amounts {
                var quotient = amount / step
                var rounded = Decimal()
                NSDecimalRound(&rounded, &quotient, 0, .plain)
                #expect(DecimalText.isMultiple(amount, of: step) == (rounded == quotient), "\(amount) / \(step)")
            }
        }
        #expect(DecimalText.isMultiple(try #require(DecimalText.decimal("1.75")), of: Decimal(string: "0.25")!))
        #expect(!DecimalText.isMultiple(try #require(DecimalText.decimal("1.3")), of: Decimal(string: "0.25")!))
        let parts = try #require(DecimalText.parts(Decimal(string: "12.50")!))
        #expect(Decimal(sign: .plus, exponent: parts.exponent, significand: Decimal(parts.significand)) == 12.5)
        #expect(DecimalText.parts(-Decimal(1)) == nil)
    }

    @Test("trailing fractional zeros do not change how an amount is written")
    func trailingZeros() throws {
        #expect(DecimalText.string(try #require(DecimalText.decimal("1.50"))) == "1.5")
        #expect(DecimalText.string(try #require(DecimalText.decimal("20.00"))) == "20")
    }
}

@Suite("Decimal amounts to text")
struct DecimalTextFormattingTests {
    /// What `NSDecimalString` writes, the reference for the fast path.
    static func foundationText(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }

    @Test("the fast path writes exactly what NSDecimalString writes")
    func agreesWithNSDecimalString() throws {
        var values: [Decimal] = []
        for quarter in 0...400 { values.append(Decimal(quarter) / 4) }
        for text in DecimalTextTests.plain + ["1000000", "0.05", "10.10", "123456789.123456789"] {
            values.append(try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))))
        }
        // Sums and products as totals compute them, with trailing zeros in their exponent.
        values += [Decimal(string: "1.25")! + Decimal(string: "1.75")!, Decimal(string: "2.50")! * 4, -Decimal(3) / 4]
        for value in values {
            #expect(DecimalText.string(value) == Self.foundationText(value), "\(value)")
        }
        // The amounts credits use take the fast path.
        #expect(DecimalText.plainString(Decimal(9) / 4) == "2.25")
        #expect(DecimalText.plainString(Decimal(string: "20.00")!) == "20")
        #expect(DecimalText.plainString(Decimal(sign: .plus, exponent: 3, significand: 12)) == "12000")
    }

    @Test("an amount as a JSON number is the double its text parses to, on and off the fast path")
    func doublesAgreeWithParsing() throws {
        var texts =
            DecimalTextTests.plain + [
                "0.1", "0.2", "0.3", "2.675", "1.005", "123456789.123456789", "999999999.999999999", "0.000000001",
                "9007199254740993", "12345678901234567890123", "0.0000000000000000000001",
            ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let digits = String(UInt64.random(in: 0...999_999_999_999_999_999, using: &generator))
            let point = Int.random(in: 0...digits.count, using: &generator)
            texts.append(String(digits.prefix(point)) + "." + String(digits.dropFirst(point)) + "0")
        }
        for text in texts {
            let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(text)")
            let expected = try #require(Double(Self.foundationText(value)), "\(text)")
            #expect(DecimalText.double(value) == expected, "\(text)")
        }
        #expect(DecimalText.double(Decimal(sign: .plus, exponent: 3, significand: 12)) == 12_000)
    }

    @Test("values outside the fast path still format through Foundation")
    func fallsBack() {
        let large = Decimal(string: "12345678901234567890123")!
        #expect(DecimalText.plainString(large) == nil)
        #expect(DecimalText.string(large) == Self.foundationText(large))
        let tiny = Decimal(string: "0.0000000000000000000001")!
        #expect(DecimalText.string(tiny) == Self.foundationText(tiny))
    }
}
