import Foundation
import VerifiableCredentials

extension ActivityRecord {
    /// The RFC 8785 canonical form of ``json``, written directly: the bytes of
    /// `JSONCanonicalizer.canonicalize(json)` (a test compares them), without building the JSON value first.
    /// The record hash of every record issued is taken over it.
    ///
    /// Members appear in canonical order (sorted by UTF-16 code units): `activity`, `credits`, `learner`,
    /// `maxCredits`, `topics` at the top, and each nested object's keys likewise; credit codes are sorted at run
    /// time, a code given twice keeping its last amount as in ``json``.
    public var canonicalJSON: [UInt8] {
        var text = CanonicalJSONText(capacity: 512)
        writeActivity(into: &text)
        text.append(",\"credits\":")
        Self.writeCredits(credits.map { ($0.code, $0.amount) }, into: &text)
        writeLearner(into: &text)
        if let maxAMACredits {
            text.append(",\"maxCredits\":")
            Self.writeCredits([(CreditType.amaCategory1, maxAMACredits)], into: &text)
        }
        if !topics.isEmpty {
            text.append(",\"topics\":[")
            for (offset, topic) in topics.enumerated() {
                text.append(offset == 0 ? "{\"code\":" : ",{\"code\":")
                text.append(string: topic.code)
                if let hours = topic.hours {
                    text.append(",\"hours\":")
                    text.append(number: DecimalText.double(hours))
                }
                text.append("}")
            }
            text.append("]")
        }
        text.append("}")
        return text.finish()
    }

    /// `{"activity":{…}`: completionDate, description, endDate, format, id, jointProvider, parsActivityId,
    /// startDate, title.
    private func writeActivity(into text: inout CanonicalJSONText) {
        text.append("{\"activity\":{\"completionDate\":")
        text.append(string: activity.completionDate)
        text.append(",\"description\":", ifPresent: activity.description)
        text.append(",\"endDate\":", ifPresent: activity.endDate)
        text.append(",\"format\":")
        text.append(string: activity.format.rawValue)
        text.append(",\"id\":")
        text.append(string: activity.id)
        text.append(",\"jointProvider\":", ifPresent: activity.jointProvider)
        text.append(",\"parsActivityId\":", ifPresent: activity.parsActivityID)
        text.append(",\"startDate\":", ifPresent: activity.startDate)
        text.append(",\"title\":")
        text.append(string: activity.title)
        text.append("}")
    }

    /// `,"learner":{…}`: boardIds, dateOfBirth, did, email, familyName, givenName, licenses, npi (the optional
    /// members before `familyName` each followed by a comma, the ones after it each preceded by one).
    private func writeLearner(into text: inout CanonicalJSONText) {
        text.append(",\"learner\":{")
        if !learner.boardIDs.isEmpty {
            text.append("\"boardIds\":")
            Self.writeStrings(learner.boardIDs.map(\.description), into: &text)
            text.append(",")
        }
        text.append("\"dateOfBirth\":", ifPresent: learner.dateOfBirth?.description, then: ",")
        text.append("\"did\":", ifPresent: learner.did, then: ",")
        text.append("\"email\":", ifPresent: learner.email, then: ",")
        text.append("\"familyName\":")
        text.append(string: learner.familyName)
        text.append(",\"givenName\":")
        text.append(string: learner.givenName)
        if !learner.licenses.isEmpty {
            text.append(",\"licenses\":")
            Self.writeStrings(learner.licenses.map(\.description), into: &text)
        }
        text.append(",\"npi\":", ifPresent: learner.npi?.digits)
        text.append("}")
    }

    /// `{"CODE":amount,…}` with the codes in canonical order, the last amount of a code given twice.
    private static func writeCredits(_ credits: [(code: String, amount: Decimal)], into text: inout CanonicalJSONText) {
        var unique: [(code: String, amount: Decimal)] = []
        unique.reserveCapacity(credits.count)
        for credit in credits {
            if let index = unique.firstIndex(where: { $0.code == credit.code }) {
                unique[index].amount = credit.amount
            } else {
                unique.append(credit)
            }
        }
        if unique.count > 1 { unique.sort { JSONCanonicalizer.utf16Precedes($0.code, $1.code) } }
        text.append("{")
        for (offset, credit) in unique.enumerated() {
            if offset > 0 { text.append(",") }
            text.append(string: credit.code)
            text.append(":")
            text.append(number: DecimalText.double(credit.amount))
        }
        text.append("}")
    }

    /// `["…",…]`.
    private static func writeStrings(_ strings: [String], into text: inout CanonicalJSONText) {
        text.append("[")
        for (offset, string) in strings.enumerated() {
            if offset > 0 { text.append(",") }
            text.append(string: string)
        }
        text.append("]")
    }
}
