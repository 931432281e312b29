/// The bitstring of a W3C Bitstring Status List: one status value of ``statusSize`` bits per entry.
///
/// Index 0 is the left-most bit, the most significant bit of byte 0; entry `i` occupies bit positions
/// `i × statusSize … i × statusSize + statusSize − 1`, its value read most significant bit first. A list
/// holds at least ``minimumEntries`` entries (131,072, 16 KiB at one bit each) unless an ecosystem sets a
/// lower bound. See ``encodedList()`` and ``init(encodedList:statusSize:minimumEntries:maximumBytes:)`` for
/// the `encodedList` form.
public struct BitstringStatusList: Sendable, Hashable {
    /// The specification's minimum number of entries, 131,072.
    public static let minimumEntries = 131_072
    /// The largest supported ``statusSize``, in bits.
    public static let maximumStatusSize = 32

    /// The number of bits per entry (1 for revocation and suspension lists).
    public let statusSize: Int
    /// The uncompressed bitstring.
    public private(set) var bytes: [UInt8]

    /// The number of entries the list holds: its bit length divided by ``statusSize``.
    public var entryCount: Int { bytes.count * 8 / statusSize }

    /// A list of `entryCount` entries, all 0.
    ///
    /// The byte length is rounded up, so the list may hold a few more entries than asked for.
    /// - Throws: ``CredentialError`` `invalidStatusList` when `statusSize` is not 1 to 32, and
    ///   `statusListTooShort` when `entryCount` is below `minimumEntries`.
    public init(
        entryCount: Int = minimumEntries, statusSize: Int = 1, minimumEntries: Int = minimumEntries
    ) throws(CredentialError) {
        try Self.checkStatusSize(statusSize)
        guard entryCount >= minimumEntries, entryCount >= 1 else {
            throw CredentialError(
                .statusListTooShort,
                "a status list needs at least \(max(minimumEntries, 1)) entries, asked for \(entryCount)")
        }
        let (bits, overflow) = entryCount.multipliedReportingOverflow(by: statusSize)
        guard !overflow, bits / 8 <= GZip.defaultMaximumOutputBytes else {
            throw CredentialError(.invalidStatusList, "a status list of \(entryCount) entries is too large")
        }
        self.statusSize = statusSize
        self.bytes = [UInt8](repeating: 0, count: (bits + 7) / 8)
    }

    /// A list over an uncompressed bitstring.
    ///
    /// - Throws: ``CredentialError`` `invalidStatusList` for a bad `statusSize`, and `statusListTooShort`
    ///   when the bitstring holds fewer than `minimumEntries` entries.
    public init(
        bytes: [UInt8], statusSize: Int = 1, minimumEntries: Int = minimumEntries
    ) throws(CredentialError) {
        try Self.checkStatusSize(statusSize)
        let entries = bytes.count * 8 / statusSize
        guard entries >= minimumEntries, entries >= 1 else {
            throw CredentialError(
                .statusListTooShort,
                "the status list has \(entries) entries of \(statusSize) bit(s); at least \(max(minimumEntries, 1)) are required"
            )
        }
        self.statusSize = statusSize
        self.bytes = bytes
    }

    /// The status value of entry `index` (0 means "unset": valid, not revoked, not suspended).
    ///
    /// - Throws: ``CredentialError`` `statusIndexOutOfRange` when the entry lies outside the list.
    public func status(at index: Int) throws(CredentialError) -> UInt32 {
        let first = try firstBit(of: index)
        var value: UInt32 = 0
        for bit in first..<(first + statusSize) {
            value = (value << 1) | UInt32((bytes[bit >> 3] >> (7 - UInt8(bit & 7))) & 1)
        }
        return value
    }

    /// Whether entry `index` has a non-zero status.
    public func isSet(at index: Int) throws(CredentialError) -> Bool {
        try status(at: index) != 0
    }

    /// Sets the status value of entry `index`.
    ///
    /// - Throws: ``CredentialError`` `statusIndexOutOfRange` when the entry lies outside the list, and
    ///   `invalidStatusList` when `value` does not fit in ``statusSize`` bits.
    public mutating func setStatus(_ value: UInt32, at index: Int) throws(CredentialError) {
        let first = try firstBit(of: index)
        guard statusSize == 32 || value < (UInt32(1) << UInt32(statusSize)) else {
            throw CredentialError(
                .invalidStatusList, "status value \(value) does not fit in \(statusSize) bit(s)")
        }
        for offset in 0..<statusSize {
            let bit = first + offset
            let mask = UInt8(0x80) >> UInt8(bit & 7)
            let isOne = (value >> UInt32(statusSize - 1 - offset)) & 1 == 1
            if isOne { bytes[bit >> 3] |= mask } else { bytes[bit >> 3] &= ~mask }
        }
    }

    /// Sets (`true`, status 1) or clears (`false`, status 0) entry `index`.
    public mutating func set(_ isSet: Bool, at index: Int) throws(CredentialError) {
        try setStatus(isSet ? 1 : 0, at: index)
    }

    /// The indexes of all entries with a non-zero status, in ascending order.
    public var setIndexes: [Int] {
        var result: [Int] = []
        for (byteIndex, byte) in bytes.enumerated() where byte != 0 {
            let firstEntry = byteIndex * 8 / statusSize
            let lastEntry = min((byteIndex * 8 + 7) / statusSize, entryCount - 1)
            guard firstEntry <= lastEntry else { continue }
            for entry in firstEntry...lastEntry where result.last != entry {
                if (try? isSet(at: entry)) == true { result.append(entry) }
            }
        }
        return result
    }

    private func firstBit(of index: Int) throws(CredentialError) -> Int {
        guard index >= 0, index < entryCount else {
            throw CredentialError(
                .statusIndexOutOfRange,
                "status list index \(index) is outside the list of \(entryCount) entries (0…\(entryCount - 1))")
        }
        return index * statusSize
    }

    private static func checkStatusSize(_ statusSize: Int) throws(CredentialError) {
        guard (1...maximumStatusSize).contains(statusSize) else {
            throw CredentialError(
                .invalidStatusList, "statusSize must be 1 to \(maximumStatusSize) bits, found \(statusSize)")
        }
    }
}
