public import Foundation
public import VerifiableCredentials

/// One status list position held by one credential.
public struct StatusAllocation: Sendable, Hashable {
    /// The purpose of the list.
    public var purpose: StatusPurpose
    /// The list's number among the lists of that purpose (1, 2, …).
    public var listNumber: Int
    /// The credential's index in the list (the entry's `statusListIndex`).
    public var index: Int

    public init(purpose: StatusPurpose, listNumber: Int, index: Int) {
        self.purpose = purpose
        self.listNumber = listNumber
        self.index = index
    }
}

/// The status positions allocated to a credential that is being issued, handed to the closure that
/// builds and signs it.
public struct StatusAssignment: Sendable, Hashable {
    /// The id of the credential being issued.
    public var credentialID: String
    /// One allocation per requested purpose, in the order requested.
    public var allocations: [StatusAllocation]

    public init(credentialID: String, allocations: [StatusAllocation]) {
        self.credentialID = credentialID
        self.allocations = allocations
    }

    /// The allocation for `purpose`, if one was requested.
    public func allocation(for purpose: StatusPurpose) -> StatusAllocation? {
        allocations.first { $0.purpose == purpose }
    }
}

/// A status list the ledger has opened.
public struct StatusListInfo: Sendable, Hashable {
    /// The list's number among lists of its purpose.
    public var number: Int
    public var purpose: StatusPurpose
    /// How many indexes the list hands out before the next list starts.
    public var size: Int
    /// How many indexes have been handed out (never returned, even after revocation).
    public var allocated: Int
    public var createdAt: Date

    /// Whether every index has been handed out.
    public var isFull: Bool { allocated >= size }
}
