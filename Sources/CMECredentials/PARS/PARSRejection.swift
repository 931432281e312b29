/// Why PARS would reject a row.
public struct PARSRejection: Sendable, Hashable, CustomStringConvertible {
    /// A stable name for the rule a row broke.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// No ACCME activity id (the record had no `pars_activity_id`).
        public static let missingActivityID = Code("missingActivityID")
        /// No first or no last name.
        public static let missingName = Code("missingName")
        /// Neither a state license id nor an NPI identifies the learner.
        public static let missingLicenseAndNPI = Code("missingLicenseAndNPI")
        /// MOC points or a board id without the month and day of birth.
        public static let missingBirthDate = Code("missingBirthDate")
        /// MOC points without the learner's id at that board.
        public static let missingBoardID = Code("missingBoardID")
        /// AMA PRA Category 1 credit that is not a positive multiple of 0.25.
        public static let invalidAMACredits = Code("invalidAMACredits")
        /// MOC points that are not a positive number.
        public static let invalidMOCPoints = Code("invalidMOCPoints")
        /// A completion date that is not a calendar date.
        public static let invalidCompletionDate = Code("invalidCompletionDate")
        /// Neither AMA PRA Category 1 credit nor MOC points: nothing PARS takes.
        public static let nothingToReport = Code("nothingToReport")
        /// A value holds a tab, a line break or another control character.
        public static let controlCharacter = Code("controlCharacter")
        /// A value starts with `=`, `+`, `-` or `@`, which a spreadsheet would run as a formula.
        public static let formulaText = Code("formulaText")
    }

    /// The rule the row broke; stable, for tests and tools.
    public var code: Code
    /// The reason, for a person: "no state license ID and no NPI".
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
