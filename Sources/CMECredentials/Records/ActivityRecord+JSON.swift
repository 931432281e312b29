public import VerifiableCredentials

extension ActivityRecord {
    /// The record in the nested JSON Lines form of `activity-record.schema.json` (members in schema order,
    /// absent fields left out). Reading this back gives an equal record, apart from ``location``.
    public var json: JSONValue {
        var learnerObject = JSONObject()
        learnerObject["givenName"] = .string(learner.givenName)
        learnerObject["familyName"] = .string(learner.familyName)
        learnerObject["npi"] = learner.npi.map { .string($0.digits) }
        learnerObject["email"] = learner.email.map { .string($0) }
        learnerObject["did"] = learner.did.map { .string($0) }
        if !learner.licenses.isEmpty { learnerObject["licenses"] = .array(learner.licenses.map { .string("\($0)") }) }
        if !learner.boardIDs.isEmpty { learnerObject["boardIds"] = .array(learner.boardIDs.map { .string("\($0)") }) }
        learnerObject["dateOfBirth"] = learner.dateOfBirth.map { .string("\($0)") }

        var activityObject = JSONObject()
        activityObject["id"] = .string(activity.id)
        activityObject["title"] = .string(activity.title)
        activityObject["format"] = .string(activity.format.rawValue)
        activityObject["completionDate"] = .string(activity.completionDate)
        activityObject["description"] = activity.description.map { .string($0) }
        activityObject["startDate"] = activity.startDate.map { .string($0) }
        activityObject["endDate"] = activity.endDate.map { .string($0) }
        activityObject["parsActivityId"] = activity.parsActivityID.map { .string($0) }
        activityObject["jointProvider"] = activity.jointProvider.map { .string($0) }

        var creditsObject = JSONObject()
        for credit in credits { creditsObject[credit.code] = .number(DecimalText.double(credit.amount)) }

        var object = JSONObject()
        object["learner"] = .object(learnerObject)
        object["activity"] = .object(activityObject)
        object["credits"] = .object(creditsObject)
        if let maxAMACredits {
            object["maxCredits"] = [CreditType.amaCategory1: .number(DecimalText.double(maxAMACredits))]
        }
        if !topics.isEmpty {
            object["topics"] = .array(
                topics.map { topic in
                    var entry = JSONObject()
                    entry["code"] = .string(topic.code)
                    entry["hours"] = topic.hours.map { .number(DecimalText.double($0)) }
                    return .object(entry)
                })
        }
        return .object(object)
    }
}
