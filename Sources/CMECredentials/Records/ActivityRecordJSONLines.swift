import VerifiableCredentials

/// Turns JSON Lines into record drafts: one JSON object per line in the nested form of
/// `activity-record.schema.json`; wrong JSON types and unknown members are reported by JSON Pointer.
struct ActivityRecordJSONLines: Sendable {
    let fileName: String
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var recordCount = 0

    private static let groups = ["learner", "activity", "credits", "maxCredits", "topics"]
    private static let learnerFields = members([.givenName, .familyName, .npi, .email, .did, .dateOfBirth])
    private static let learnerLists: [String: RecordField] = ["licenses": .licenses, "boardIds": .boardIDs]
    private static let activityFields = members([
        .activityID, .title, .format, .completionDate, .description, .startDate, .endDate, .parsActivityID,
        .jointProvider,
    ])

    /// Member name → field, for the text fields of one group.
    private static func members(_ fields: [RecordField]) -> [String: RecordField] {
        var map: [String: RecordField] = [:]
        for field in fields {
            if let member = field.jsonMember?.member { map[member] = field }
        }
        return map
    }

    init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
        index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The draft of the next non-blank line, or `nil` at the end.
    mutating func nextDraft() -> RecordDraft? {
        while index < bytes.count {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            var lineBytes = bytes[start..<index]
            index += 1  // past the line feed
            let number = line
            line += 1
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            recordCount += 1
            return draft(lineBytes, line: number)
        }
        return nil
    }

    /// Problems found at the end of the file (no records at all).
    var endDiagnostics: [RecordDiagnostic] {
        guard recordCount == 0 else { return [] }
        return [
            RecordDiagnostic(
                file: fileName, line: 1, field: "file", expected: "at least one JSON record", found: "none")
        ]
    }

    private func draft(_ bytes: ArraySlice<UInt8>, line: Int) -> RecordDraft {
        var draft = RecordDraft(location: RecordLocation(file: fileName, line: line), format: .jsonLines)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            draft.report(.record, expected: "a JSON object", found: "invalid JSON (\(error.description))")
            draft.unreadable = true
            return draft
        }
        guard let object = value.objectValue else {
            draft.report(.record, expected: "a JSON object", found: value.kindDescription)
            draft.unreadable = true
            return draft
        }
        for key in object.keys where !Self.groups.contains(key) {
            draft.report(
                JSONPointer.appending(key, to: ""), expected: "only " + Self.groups.joined(separator: ", "),
                found: "an unknown member")
        }
        if let learner = group(object, "learner", &draft) {
            readStrings(learner, group: "learner", fields: Self.learnerFields, lists: Self.learnerLists, &draft)
        }
        if let activity = group(object, "activity", &draft) {
            readStrings(activity, group: "activity", fields: Self.activityFields, lists: [:], &draft)
        }
        if let credits = group(object, "credits", &draft) {
            for member in credits.members {
                if let amount = number(member.value, at: JSONPointer.appending(member.key, to: "/credits"), &draft) {
                    draft.credits.append((member.key, amount))
                }
            }
        }
        if let maxCredits = group(object, "maxCredits", &draft) {
            for member in maxCredits.members {
                if member.key == CreditType.amaCategory1 {
                    draft.maxCredits = number(member.value, at: RecordField.maxCredits.jsonPointer, &draft)
                } else {
                    draft.report("/maxCredits/" + member.key, expected: "only AMA_PRA_CAT1", found: "an unknown member")
                }
            }
        }
        readTopics(object["topics"], &draft)
        return draft
    }

    private func group(_ object: JSONObject, _ key: String, _ draft: inout RecordDraft) -> JSONObject? {
        guard let value = object[key] else { return nil }
        guard let group = value.objectValue else {
            draft.report("/" + key, expected: "an object", found: value.kindDescription)
            return nil
        }
        return group
    }

    private func readStrings(
        _ object: JSONObject, group: String, fields: [String: RecordField], lists: [String: RecordField],
        _ draft: inout RecordDraft
    ) {
        for member in object.members {
            if let field = fields[member.key] {
                guard let text = member.value.stringValue else {
                    draft.report(field, expected: "a string", found: member.value.kindDescription)
                    continue
                }
                let trimmed = text.trimmingSpaces()
                if !trimmed.isEmpty { draft.text[field] = trimmed }
            } else if let field = lists[member.key] {
                guard let array = member.value.arrayValue else {
                    draft.report(field, expected: "an array of strings", found: member.value.kindDescription)
                    continue
                }
                var items: [String] = []
                for (index, item) in array.enumerated() {
                    if let text = item.stringValue {
                        items.append(text.trimmingSpaces())
                    } else {
                        draft.report("\(field.jsonPointer)/\(index)", expected: "a string", found: item.kindDescription)
                    }
                }
                if field == .licenses { draft.licenses = items } else { draft.boardIDs = items }
            } else {
                let names = fields.keys.sorted() + lists.keys.sorted()
                let pointer = JSONPointer.appending(member.key, to: "/" + group)
                draft.report(pointer, expected: "only " + names.joined(separator: ", "), found: "an unknown member")
            }
        }
    }

    private func number(_ value: JSONValue, at pointer: String, _ draft: inout RecordDraft) -> String? {
        guard let number = value.numberValue else {
            draft.report(pointer, expected: "a number", found: value.kindDescription)
            return nil
        }
        return number.ecmaScriptString
    }

    private func readTopics(_ value: JSONValue?, _ draft: inout RecordDraft) {
        guard let value else { return }
        guard let array = value.arrayValue else {
            draft.report(.topics, expected: "an array of {code, hours}", found: value.kindDescription)
            return
        }
        for (index, item) in array.enumerated() {
            let pointer = "/topics/\(index)"
            guard let entry = item.objectValue else {
                draft.report(pointer, expected: "an object {code, hours}", found: item.kindDescription)
                continue
            }
            for key in entry.keys where key != "code" && key != "hours" {
                draft.report(
                    JSONPointer.appending(key, to: pointer), expected: "only code, hours", found: "an unknown member")
            }
            guard let code = entry["code"]?.stringValue else {
                draft.report(
                    pointer + "/code", expected: "a topic code", found: entry["code"]?.kindDescription ?? "nothing")
                continue
            }
            var hours: String?
            if let hoursValue = entry["hours"] {
                guard let text = number(hoursValue, at: pointer + "/hours", &draft) else { continue }
                hours = text
            }
            draft.topics.append(RecordDraft.TopicEntry(code: code, hours: hours, field: pointer))
        }
    }
}
