import Foundation
import VerifiableCredentials

extension RuleRequirement {
    static let members = [
        "id", "title", "kind", "amount", "schedule", "percent", "of", "basis", "period", "fact", "credit", "topics",
        "formats", "approvedBy", "providerAccreditedBy", "within", "countsTowardTotal", "excludeCreditsUsedBy",
        "caps", "recurrence", "appliesIf", "exemptIf", "initialLicense", "sources", "note",
    ]

    /// Reads one requirement strictly; cross-references are checked by ``RuleSet``.
    init(json: JSONValue, at path: String) throws(CMEError) {
        let reader = try RuleJSONReader(json, at: path, allowed: Self.members)
        id = try reader.requiredString("id")
        title = try reader.string("title")
        let kindText = try reader.requiredString("kind")
        guard let kind = Kind(rawValue: kindText) else {
            throw .rules(
                "expected kind min, max, perPeriodMax, percentOfTotal or attest, got \"\(kindText)\"",
                at: reader.at("kind"))
        }
        self.kind = kind
        amount = try reader.decimal("amount")
        schedule = []
        for entry in try reader.array("schedule") ?? [] {
            let step = try RuleJSONReader(entry.value, at: entry.path, allowed: ["renewalsFrom", "amount"])
            guard let from = try step.date("renewalsFrom"), let amount = try step.decimal("amount") else {
                throw .rules("a phase-in step needs renewalsFrom and amount", at: entry.path)
            }
            schedule.append(PhaseIn(renewalsFrom: from, amount: amount))
        }
        schedule.sort { $0.renewalsFrom < $1.renewalsFrom }
        percent = try reader.decimal("percent")
        of = try reader.string("of")
        percentBasis = try reader.string("basis") ?? "required"
        period = try reader.string("period")
        fact = try reader.string("fact")
        credit = try reader.string("credit")
        topics = try reader.strings("topics")
        formats = try reader.strings("formats")
        approvedBy = try reader.strings("approvedBy")
        providerAccreditedBy = try reader.strings("providerAccreditedBy")
        within = try reader.string("within")
        countsTowardTotal = try reader.bool("countsTowardTotal") ?? true
        excludeCreditsUsedBy = try reader.strings("excludeCreditsUsedBy") ?? []
        caps = try reader.strings("caps")
        recurrence =
            try reader.object["recurrence"].map { (value) throws(CMEError) in
                try RuleRecurrence(json: value, at: reader.at("recurrence"))
            } ?? .perCycle
        appliesIf = try reader.object["appliesIf"].map { (value) throws(CMEError) in
            try RuleCondition(json: value, at: reader.at("appliesIf"))
        }
        exemptIf = try reader.object["exemptIf"].map { (value) throws(CMEError) in
            try RuleCondition(json: value, at: reader.at("exemptIf"))
        }
        if let value = reader.object["initialLicense"] {
            let inner = try RuleJSONReader(
                value, at: reader.at("initialLicense"),
                allowed: ["amount", "withinMonthsOfLicensure", "ifLicensedMonthsLessThan", "exempt"])
            let initial = InitialLicense(
                amount: try inner.decimal("amount"), withinMonthsOfLicensure: try inner.int("withinMonthsOfLicensure"),
                ifLicensedMonthsLessThan: try inner.int("ifLicensedMonthsLessThan"),
                exempt: try inner.bool("exempt") ?? false)
            guard initial.exempt != (initial.amount != nil) else {
                throw .rules("initialLicense needs either amount or \"exempt\": true", at: inner.path)
            }
            initialLicense = initial
        }
        sources = try RuleSource.list(reader, required: false)
        note = try reader.string("note")
        try checkKindMembers(reader)
    }

    /// Each kind has its own members: an amount (or schedule), a percentage, a period, a fact.
    private func checkKindMembers(_ reader: RuleJSONReader) throws(CMEError) {
        func forbid(_ keys: [String]) throws(CMEError) {
            for key in keys where reader.has(key) {
                throw .rules("\"\(key)\" does not apply to a \(kind.rawValue) requirement", at: reader.at(key))
            }
        }
        switch kind {
        case .min:
            guard (amount != nil) != !schedule.isEmpty else {
                throw .rules("a min requirement needs either amount or schedule", at: reader.path)
            }
            try forbid(["percent", "of", "basis", "period", "fact", "caps"])
        case .max, .perPeriodMax:
            guard amount != nil else { throw .rules("missing member \"amount\"", at: reader.path) }
            try forbid([
                "schedule", "percent", "of", "basis", "fact", "within", "excludeCreditsUsedBy", "initialLicense",
            ])
            if kind == .perPeriodMax, period != "calendarYear" {
                throw .rules("expected \"period\": \"calendarYear\"", at: reader.at("period"))
            }
            if kind == .max { try forbid(["period"]) }
        case .percentOfTotal:
            guard let percent, percent > 0, percent <= 100 else {
                throw .rules("expected a percent above 0 and at most 100", at: reader.at("percent"))
            }
            guard ["required", "counted"].contains(percentBasis) else {
                throw .rules("expected basis required or counted", at: reader.at("basis"))
            }
            try forbid(["amount", "schedule", "period", "fact", "caps", "initialLicense"])
        case .attest:
            guard fact != nil else { throw .rules("an attest requirement needs \"fact\"", at: reader.path) }
            try forbid([
                "amount", "schedule", "percent", "of", "basis", "period", "credit", "topics", "formats",
                "approvedBy", "providerAccreditedBy", "within", "excludeCreditsUsedBy", "caps", "initialLicense",
            ])
        }
    }
}
