/// The URLs, types and extension terms of cmevc's CME credentials, in one place for the builder and the view.
public enum CMEVocabulary {
    /// The VC Data Model 2.0 context (always first).
    public static let credentialsContext = "https://www.w3.org/ns/credentials/v2"
    /// The Open Badges 3.0 context (always second).
    public static let openBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// cmevc's CME extension context, bundled as `Schemas/contexts/cme-v1.jsonld`.
    public static let cmeContext = "https://w3id.org/cmevc/cme/v1"
    /// The namespace of every CME extension term.
    public static let namespace = "https://w3id.org/cmevc/cme#"
    /// The OB 3.0 AchievementCredential JSON Schema that credentials name in `credentialSchema`.
    public static let openBadgesSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
    /// The `credentialSchema` type OB 3.0 uses.
    public static let openBadgesSchemaType = "1EdTechJsonSchemaValidator2019"
    /// The extra achievement type of a CME activity.
    public static let achievementType = "CMEAchievement"
    /// The `resultType` of a credit amount.
    public static let creditAmountResultType = "ext:CreditAmount"
    /// The framework name of credit types in alignments.
    public static let creditTypesFramework = "cmevc-credit-types/1"
    /// The base URL of credit types in alignments (the code is appended).
    public static let creditTypesBaseURL = "https://w3id.org/cmevc/credit-types#"

    /// `otherIdentifier` types of an achievement.
    public enum ActivityIdentifier {
        /// The provider's own activity id.
        public static let provider = "ext:ProviderActivityId"
        /// The ACCME PARS activity id.
        public static let pars = "ext:PARSActivityId"
    }

    /// `identityType`s of the learner's hashed identifiers.
    public enum IdentityType {
        /// The National Provider Identifier.
        public static let npi = "ext:NPI"
        /// An e-mail address (OB 3.0's own type).
        public static let email = "emailAddress"
        /// A state license, hashed as `CA:A123456`.
        public static let stateLicense = "ext:StateLicense"
        /// Month and day of birth, hashed as `MM-DD`.
        public static let birthMonthDay = "ext:BirthMonthDay"
        /// A certifying-board id, hashed as `ABIM:123456`; the type names the board (`ext:ABIMId`).
        public static func board(_ board: String) -> String { "ext:\(board)Id" }
    }

    /// The extension terms the CME context defines (each maps to ``namespace`` + term).
    public static let terms = [
        achievementType, "activityFormat", "parsActivityType", "providership", "jointProviders",
        "creditDesignationStatement", "accreditationStatement", "topicCredits", "topic", "credits", "creditType",
    ]
}
