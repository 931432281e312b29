import Foundation

/// Checks the meaning of every field of a ``RecordDraft`` and builds the ``ActivityRecord``.
///
/// Every problem is reported; validation never stops at the first one.
struct ActivityRecordValidator: Sendable {
    var catalog: CMECatalog

    /// The record, or `nil` with all its problems added to `draft.diagnostics`.
    func validate(_ draft: inout RecordDraft) -> ActivityRecord? {
        if draft.unreadable { return nil }
        let learner = validateLearner(&draft)
        let activity = validateActivity(&draft)
        let credits = validateCredits(&draft)
        let maxCredits = validateMaxCredits(&draft, credits: credits)
        let hours = credits.first { $0.code == CreditType.amaCategory1 }?.amount ?? credits.map(\.amount).max()
        let topics = validateTopics(&draft, activityHours: hours)
        guard draft.diagnostics.isEmpty, let learner, let activity else { return nil }
        return ActivityRecord(
            location: draft.location, learner: learner, activity: activity, credits: credits,
            maxAMACredits: maxCredits, topics: topics)
    }

    // MARK: Learner

    private func validateLearner(_ draft: inout RecordDraft) -> Learner? {
        let given = requiredText(&draft, .givenName, maxLength: 200, what: "the learner's given name")
        let family = requiredText(&draft, .familyName, maxLength: 200, what: "the learner's family name")
        var npi: NPI?
        if let text = draft.text[.npi] {
            npi = NPI(text)
            if npi == nil {
                let tenDigits = text.utf8.count == 10 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
                draft.report(
                    .npi, expected: tenDigits ? "an NPI with a valid check digit" : "a 10-digit NPI",
                    found: RecordDiagnostic.quote(text))
            }
        }
        var email: String?
        if let text = draft.text[.email] {
            email = IdentifierText.email(text)
            if email == nil {
                draft.report(.email, expected: "an e-mail address", found: RecordDiagnostic.quote(text))
            }
        }
        var did: String?
        if let text = draft.text[.did] {
            did = IdentifierText.did(text)
            if did == nil { draft.report(.did, expected: "a DID (did:method:id)", found: RecordDiagnostic.quote(text)) }
        }
        var licenses: [StateLicense] = []
        for text in draft.licenses {
            if let license = StateLicense(text) {
                if licenses.contains(license) {
                    draft.report(.licenses, expected: "each license once", found: "\(license) twice")
                } else {
                    licenses.append(license)
                }
            } else {
                draft.report(
                    .licenses, expected: "a state license such as CA:A123456", found: RecordDiagnostic.quote(text))
            }
        }
        var boards: [BoardIdentifier] = []
        for text in draft.boardIDs {
            if let board = BoardIdentifier(text) {
                if boards.contains(board) {
                    draft.report(.boardIDs, expected: "each board id once", found: "\(board) twice")
                } else {
                    boards.append(board)
                }
            } else {
                draft.report(.boardIDs, expected: "a board id such as ABIM:123456", found: RecordDiagnostic.quote(text))
            }
        }
        var dob: MonthDay?
        if let text = draft.text[.dateOfBirth] {
            dob = MonthDay(text)
            if dob == nil {
                draft.report(
                    .dateOfBirth, expected: "a month and day of birth MM-DD", found: RecordDiagnostic.quote(text))
            }
        }
        let anyIdentifier =
            [RecordField.npi, .email, .did].contains { draft.text[$0] != nil }
            || !draft.licenses.isEmpty || !draft.boardIDs.isEmpty
        if !anyIdentifier {
            let names = [RecordField.npi, .email, .did, .licenses, .boardIDs].map { $0.name(in: draft.format) }
            draft.report(.anyIdentifier, expected: "at least one of " + names.joined(separator: ", "), found: "none")
        }
        guard let given, let family else { return nil }
        return Learner(
            givenName: given, familyName: family, npi: npi, email: email, did: did, licenses: licenses,
            boardIDs: boards, dateOfBirth: dob)
    }

    // MARK: Activity

    private func validateActivity(_ draft: inout RecordDraft) -> Activity? {
        let id = requiredText(&draft, .activityID, maxLength: 200, what: "an activity id")
        let title = requiredText(&draft, .title, maxLength: 500, what: "an activity title")
        var format: ActivityFormat?
        if let text = draft.text[.format] {
            format = ActivityFormat(rawValue: text)
            if format == nil {
                draft.report(
                    .format, expected: "a learning format such as course or enduring-material",
                    found: RecordDiagnostic.quote(text))
            }
        } else {
            draft.report(.format, expected: "a learning format such as course or enduring-material", found: "nothing")
        }
        var completion: String?
        if let text = draft.text[.completionDate] {
            if DateText.isDate(text) {
                completion = text
            } else {
                draft.report(.completionDate, expected: "a date YYYY-MM-DD", found: RecordDiagnostic.quote(text))
            }
        } else {
            draft.report(.completionDate, expected: "a date YYYY-MM-DD", found: "nothing")
        }
        let description = optionalText(&draft, .description, maxLength: 4000, what: "a description", multiline: true)
        let start = dateOrDateTime(&draft, .startDate)
        let end = dateOrDateTime(&draft, .endDate)
        if let start, let end, let from = DateText.instant(start), let to = DateText.instant(end), to < from {
            draft.report(
                .endDate, expected: "a time not before activity start \(start)", found: RecordDiagnostic.quote(end))
        }
        if let start, let completion, completion < String(start.prefix(10)) {
            draft.report(
                .completionDate, expected: "a date not before activity start \(start.prefix(10))",
                found: RecordDiagnostic.quote(completion))
        }
        var parsID: String?
        if let text = draft.text[.parsActivityID] {
            if (1...12).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                parsID = text
            } else {
                draft.report(
                    .parsActivityID, expected: "a PARS activity id (digits)", found: RecordDiagnostic.quote(text))
            }
        }
        let joint = optionalText(&draft, .jointProvider, maxLength: 300, what: "a joint provider name")
        guard let id, let title, let format, let completion else { return nil }
        return Activity(
            id: id, title: title, format: format, completionDate: completion, description: description,
            startDate: start, endDate: end, parsActivityID: parsID, jointProvider: joint)
    }

    private func dateOrDateTime(_ draft: inout RecordDraft, _ field: RecordField) -> String? {
        guard let text = draft.text[field] else { return nil }
        guard DateText.instant(text) != nil else {
            draft.report(
                field, expected: "a date YYYY-MM-DD or an RFC 3339 date-time", found: RecordDiagnostic.quote(text))
            return nil
        }
        return text
    }

    // MARK: Credits and topics

    private func validateCredits(_ draft: inout RecordDraft) -> [CreditAmount] {
        var amounts: [CreditAmount] = []
        for (code, text) in draft.credits {
            guard let type = catalog.creditType(code) else {
                draft.report(
                    .credits(code), expected: "a credit type code from credit-types.json",
                    found: RecordDiagnostic.quote(code))
                continue
            }
            guard type.providerDesignated else {
                draft.report(
                    .credits(code),
                    expected: "no \(type.name) (learners claim it themselves; providers never designate it)",
                    found: RecordDiagnostic.quote(text))
                continue
            }
            guard let amount = positiveAmount(&draft, .credits(code), text, step: type.step) else { continue }
            amounts.append(CreditAmount(code: code, amount: amount))
        }
        if draft.credits.isEmpty {
            draft.report(.anyCredits, expected: "at least one credit amount", found: "none")
        }
        let order = catalog.creditTypes.map(\.code)
        return amounts.sorted { (order.firstIndex(of: $0.code) ?? 0) < (order.firstIndex(of: $1.code) ?? 0) }
    }

    private func validateMaxCredits(_ draft: inout RecordDraft, credits: [CreditAmount]) -> Decimal? {
        guard let text = draft.maxCredits else { return nil }
        let step = catalog.creditType(CreditType.amaCategory1)?.step
        guard let maximum = positiveAmount(&draft, .maxCredits, text, step: step) else { return nil }
        let claimed = draft.credits.first { $0.code == CreditType.amaCategory1 }
        if claimed == nil {
            draft.report(
                .credits(CreditType.amaCategory1),
                expected: "an amount when \(RecordField.maxCredits.name(in: draft.format)) is given", found: "nothing")
        } else if let amount = credits.first(where: { $0.code == CreditType.amaCategory1 })?.amount, amount > maximum {
            draft.report(
                .credits(CreditType.amaCategory1),
                expected: "at most the designated maximum \(DecimalText.string(maximum))",
                found: DecimalText.string(amount))
        }
        return maximum
    }

    private func validateTopics(_ draft: inout RecordDraft, activityHours: Decimal?) -> [TopicCredit] {
        var topics: [TopicCredit] = []
        for entry in draft.topics {
            guard let topic = catalog.topic(entry.code) else {
                draft.report(
                    entry.field, expected: "a topic code from topics.json", found: RecordDiagnostic.quote(entry.code))
                continue
            }
            if topics.contains(where: { $0.code == topic.code }) {
                draft.report(entry.field, expected: "each topic once", found: "\(topic.code) again")
                continue
            }
            var hours: Decimal?
            if let text = entry.hours {
                guard let value = DecimalText.decimal(text), value > 0 else {
                    draft.report(
                        entry.field, expected: "topic hours greater than zero such as 1.5",
                        found: RecordDiagnostic.quote(text))
                    continue
                }
                if let activityHours, value > activityHours {
                    draft.report(
                        entry.field, expected: "at most the activity's \(DecimalText.string(activityHours)) hours",
                        found: "\(topic.code)=\(DecimalText.string(value))")
                    continue
                }
                hours = value
            }
            topics.append(TopicCredit(code: topic.code, hours: hours))
        }
        return topics
    }

    private func positiveAmount(
        _ draft: inout RecordDraft, _ field: RecordField, _ text: String, step: Decimal?
    ) -> Decimal? {
        guard let amount = DecimalText.decimal(text), amount > 0 else {
            draft.report(field, expected: "a number greater than zero such as 1.5", found: RecordDiagnostic.quote(text))
            return nil
        }
        if let step, !DecimalText.isMultiple(amount, of: step) {
            draft.report(
                field, expected: "a multiple of \(DecimalText.string(step))", found: DecimalText.string(amount))
            return nil
        }
        return amount
    }

    // MARK: Text

    private func requiredText(
        _ draft: inout RecordDraft, _ field: RecordField, maxLength: Int, what: String
    ) -> String? {
        guard draft.text[field] != nil else {
            draft.report(field, expected: what, found: "nothing")
            return nil
        }
        return optionalText(&draft, field, maxLength: maxLength, what: what)
    }

    private func optionalText(
        _ draft: inout RecordDraft, _ field: RecordField, maxLength: Int, what: String, multiline: Bool = false
    ) -> String? {
        guard let text = draft.text[field] else { return nil }
        if text.utf8.count > maxLength, text.unicodeScalars.count > maxLength {
            draft.report(
                field, expected: "\(what) of at most \(maxLength) characters", found: "\(text.count) characters")
            return nil
        }
        if text.containsControlCharacter(allowing: multiline ? [0x0A, 0x0D, 0x09] : []) {
            draft.report(field, expected: "\(what) without control characters", found: RecordDiagnostic.quote(text))
            return nil
        }
        return text
    }
}
