/// The AMA/ACCME learning format of an activity (DOMAIN.md §1.5), with its ACCME PARS activity-type code.
public enum ActivityFormat: String, Sendable, Hashable, CaseIterable {
    case course = "course"
    case regularlyScheduledSeries = "regularly-scheduled-series"
    case internetLiveCourse = "internet-live-course"
    case enduringMaterial = "enduring-material"
    case internetEnduringMaterial = "internet-enduring-material"
    case journalBased = "journal-based"
    case manuscriptReview = "manuscript-review"
    case testItemWriting = "test-item-writing"
    case committeeLearning = "committee-learning"
    case performanceImprovement = "performance-improvement"
    case internetSearchingLearning = "internet-searching-learning"
    case learningFromTeaching = "learning-from-teaching"

    /// The ACCME PARS activity-type code (`C`, `RSS`, `IL`, `EM`, `IEM`, `JN`, `MR`, `TIW`, `CML`, `PI`, `ISL`, `LFT`).
    public var parsCode: String {
        switch self {
        case .course: "C"
        case .regularlyScheduledSeries: "RSS"
        case .internetLiveCourse: "IL"
        case .enduringMaterial: "EM"
        case .internetEnduringMaterial: "IEM"
        case .journalBased: "JN"
        case .manuscriptReview: "MR"
        case .testItemWriting: "TIW"
        case .committeeLearning: "CML"
        case .performanceImprovement: "PI"
        case .internetSearchingLearning: "ISL"
        case .learningFromTeaching: "LFT"
        }
    }

    /// The format with this PARS code.
    public init?(parsCode: String) {
        guard let format = Self.allCases.first(where: { $0.parsCode == parsCode }) else { return nil }
        self = format
    }

    /// The learning format as the AMA credit designation statement names it ("designates this live activity").
    ///
    /// The AMA's seven formats are live activity, enduring material, journal-based CME activity, test-item
    /// writing activity, manuscript review activity, PI CME activity and internet point-of-care activity
    /// (format-specific wording required since July 2011). Committee learning and learning from teaching have
    /// no AMA format of their own and are written "other activity" (low confidence; see DOMAIN.md §1.5).
    public var designationWording: String {
        switch self {
        case .course, .regularlyScheduledSeries, .internetLiveCourse: "live activity"
        case .enduringMaterial, .internetEnduringMaterial: "enduring material"
        case .journalBased: "journal-based CME activity"
        case .manuscriptReview: "manuscript review activity"
        case .testItemWriting: "test-item writing activity"
        case .performanceImprovement: "performance improvement CME activity"
        case .internetSearchingLearning: "internet point-of-care activity"
        case .committeeLearning, .learningFromTeaching: "other activity"
        }
    }

    /// Whether learners take part at a set time (the formats whose credit is 60 minutes of participation).
    public var isLive: Bool {
        switch self {
        case .course, .regularlyScheduledSeries, .internetLiveCourse: true
        default: false
        }
    }
}
