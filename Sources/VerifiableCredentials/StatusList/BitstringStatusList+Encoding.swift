extension BitstringStatusList {
    /// The `encodedList` form: `u` followed by base64url without padding (RFC 4648 §5) of the GZIP
    /// (RFC 1952) compressed bitstring, as the specification's Bitstring Generation Algorithm says.
    ///
    /// - Throws: ``CredentialError`` `compression` only if zlib itself fails.
    public func encodedList() throws(CredentialError) -> String {
        "u" + Base64URL.encode(try GZip.compress(bytes))
    }

    /// Decodes an `encodedList` (the specification's Bitstring Expansion Algorithm) and checks its length.
    ///
    /// - Parameters:
    ///   - encodedList: the multibase base64url text, starting with `u`.
    ///   - statusSize: the bits per entry from the status entry or list (1 by default).
    ///   - minimumEntries: the least number of entries accepted (131,072 unless an ecosystem says less).
    ///   - maximumBytes: the largest uncompressed bitstring accepted, a bound against zip bombs.
    /// - Throws: ``CredentialError`` `invalidStatusList` when the text is not multibase base64url or not
    ///   GZIP (the `underlying` text says which), and `statusListTooShort` when the bitstring holds fewer
    ///   than `minimumEntries` entries.
    public init(
        encodedList: String, statusSize: Int = 1, minimumEntries: Int = minimumEntries,
        maximumBytes: Int = GZip.defaultMaximumOutputBytes
    ) throws(CredentialError) {
        guard encodedList.hasPrefix("u") else {
            let prefix = encodedList.first.map { "\"\($0)\"" } ?? "nothing"
            throw CredentialError(
                .invalidStatusList,
                "encodedList must be multibase base64url (prefix \"u\"), found prefix \(prefix)")
        }
        guard let compressed = Base64URL.decode(utf8: encodedList.utf8.dropFirst()) else {
            throw CredentialError(
                .invalidStatusList, "encodedList is not base64url without padding after its \"u\" prefix")
        }
        let bits: [UInt8]
        do {
            bits = try GZip.decompress(compressed, maximumOutputBytes: maximumBytes)
        } catch {
            throw CredentialError(
                .invalidStatusList, "encodedList does not hold GZIP data", underlying: error.message)
        }
        try self.init(bytes: bits, statusSize: statusSize, minimumEntries: minimumEntries)
    }
}
