import VerifiableCredentials

/// A CME certificate as cmevc issues it (Open Badges 3.0 shape with the CME context), written by hand because the
/// builder lives in another module; the index varies the ids, the learner hash and the credit amounts.
enum CMESample {
    static func credential(_ index: Int) -> JSONValue {
        let credentialID = "urn:uuid:7b1e4c9a-2f3d-4e5a-9b8c-00000000000\(index % 10)"
        let credits = JSONValue.number(Double(index % 4) + 0.25 * Double(index % 3) + 1)
        return [
            "@context": [
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://w3id.org/cmevc/cme/v1",
            ],
            "id": .string(credentialID),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": "CME certificate: Safe Opioid Prescribing 2026",
            "issuer": [
                "id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "type": ["Profile"],
                "name": "Example Hospital CME Office", "url": "https://cme.example-hospital.org",
            ],
            "validFrom": "2026-03-02T00:00:00Z",
            "credentialSubject": [
                "type": ["AchievementSubject"],
                "identifier": [
                    [
                        "type": "IdentityObject", "identityType": "ext:NPI", "hashed": true,
                        "identityHash": .string(
                            "sha256$5f4dcc3b5aa765d61d8327deb882cf99b0f7d7c1e3f1a2b3c4d5e6f70819\(index)"),
                        "salt": "8f1c2d3e4b5a6978",
                    ]
                ],
                "activityStartDate": "2026-03-01T13:00:00Z", "activityEndDate": "2026-03-01T16:00:00Z",
                "result": [
                    [
                        "type": ["Result"],
                        "resultDescription": "https://cme.example-hospital.org/activities/2026-017#result-ama",
                        "value": "3",
                    ]
                ],
                "achievement": [
                    "id": "https://cme.example-hospital.org/activities/2026-017",
                    "type": ["Achievement", "CMEAchievement"],
                    "name": "Safe Opioid Prescribing 2026",
                    "description": "Evidence-based opioid prescribing, tapering and naloxone co-prescribing.",
                    "criteria": ["narrative": "Attend the live activity and complete the evaluation."],
                    "achievementType": "Course", "creditsAvailable": credits,
                    "alignment": [
                        [
                            "type": ["Alignment"], "targetName": "Opioid prescribing",
                            "targetCode": "opioid-prescribing",
                            "targetUrl": "https://w3id.org/cmevc/topics#opioid-prescribing",
                            "targetType": "ext:CMETopic",
                        ]
                    ],
                    "resultDescription": [
                        [
                            "id": "https://cme.example-hospital.org/activities/2026-017#result-ama",
                            "type": ["ResultDescription"],
                            "name": "AMA PRA Category 1 Credit™", "resultType": "ext:CreditAmount", "valueMin": "0",
                            "valueMax": "3", "creditType": "ama-pra-1",
                        ]
                    ],
                    "activityFormat": "live", "parsActivityType": "C", "providership": "direct",
                    "creditDesignationStatement":
                        "Example Hospital designates this live activity for a maximum of 3 AMA PRA Category 1 Credits™.",
                    "topicCredits": [["topic": "opioid-prescribing", "credits": credits]],
                ],
            ],
        ]
    }
}
