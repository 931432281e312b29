import Foundation
import Testing
import VerifiableCredentials

/// JWT `NumericDate` claims outside the years a `dateTimeStamp` can write are no dates, and formatting never traps.
@Suite("NumericDate range")
struct NumericDateTests {
    @Test("seconds within the years 1 to 9999 are dates; 1e300, -1e300 and one second past 9999 are not")
    func range() {
        #expect(NumericDate.date(1_772_409_600) == Date(timeIntervalSince1970: 1_772_409_600))
        #expect(NumericDate.date(253_402_300_799) != nil)
        #expect(NumericDate.date(-62_135_596_800) != nil)
        for absurd: JSONValue in [1e300, -1e300, 253_402_300_800, -62_135_596_801, "1772409600"] {
            #expect(NumericDate.date(absurd) == nil, "\(absurd)")
        }
    }

    @Test("a date beyond the year 9999 (or before year 1) is written as that end of the range, never a trap")
    func formatClamps() {
        #expect(DateTimeStamp.format(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
        #expect(DateTimeStamp.format(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00Z")
        #expect(DateTimeStamp.format(Date(timeIntervalSince1970: 1_772_409_600)) == "2026-03-02T00:00:00Z")
    }
}
