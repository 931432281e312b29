extension CredentialError.Code {
    /// A decoded status list has fewer entries than the minimum (the specification's
    /// `STATUS_LIST_LENGTH_ERROR`).
    public static let statusListTooShort = Self("statusListTooShort")
    /// A status list index lies outside the list (the specification's `RANGE_ERROR`).
    public static let statusIndexOutOfRange = Self("statusIndexOutOfRange")
    /// A `BitstringStatusListEntry` is malformed (the specification's `MALFORMED_VALUE_ERROR`).
    public static let invalidStatusEntry = Self("invalidStatusEntry")
    /// A `BitstringStatusListCredential` is malformed or is not a status list credential.
    public static let invalidStatusListCredential = Self("invalidStatusListCredential")
}
