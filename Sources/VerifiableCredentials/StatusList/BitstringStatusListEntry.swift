/// A `credentialStatus` entry of type `BitstringStatusListEntry` (Bitstring Status List §2.1).
public struct BitstringStatusListEntry: Sendable, Hashable {
    /// One element of `statusMessage`: a status value and the message a developer sees for it.
    public struct StatusMessage: Sendable, Hashable {
        /// The status value, written `0x…` in JSON.
        public var status: UInt32
        /// The message for that value (for debugging, not for end users).
        public var message: String

        public init(status: UInt32, message: String) {
            self.status = status
            self.message = message
        }
    }

    /// The JSON `type` of an entry.
    public static let typeName = "BitstringStatusListEntry"

    /// An optional URL naming this entry; it must not be the status list's URL.
    public var id: String?
    /// What a set status means: revocation, suspension, refresh, message, or another purpose.
    public var statusPurpose: StatusPurpose
    /// The entry's position in the list (written as a base-10 string in JSON).
    public var statusListIndex: Int
    /// The URL of the `BitstringStatusListCredential` that holds the list.
    public var statusListCredential: String
    /// The bits per status (1 unless stated).
    public var statusSize: Int
    /// The messages of the possible status values; required when ``statusSize`` is above 1.
    public var statusMessage: [StatusMessage]?
    /// URLs of material that explains the statuses.
    public var statusReference: [String]?

    /// Creates an entry; ``json`` writes it.
    public init(
        id: String? = nil, statusPurpose: StatusPurpose, statusListIndex: Int, statusListCredential: String,
        statusSize: Int = 1, statusMessage: [StatusMessage]? = nil, statusReference: [String]? = nil
    ) {
        self.id = id
        self.statusPurpose = statusPurpose
        self.statusListIndex = statusListIndex
        self.statusListCredential = statusListCredential
        self.statusSize = statusSize
        self.statusMessage = statusMessage
        self.statusReference = statusReference
    }

    /// Reads and checks an entry: the type, a base-10 `statusListIndex` string, a `statusSize` above zero,
    /// and, when `statusSize` is above 1 (or `statusMessage` is present), exactly 2^statusSize messages.
    ///
    /// - Parameter pointer: the JSON Pointer of `json` in its document, used in error locations.
    /// - Throws: ``CredentialError`` `invalidStatusEntry` naming the JSON Pointer of the bad member.
    public init(json: JSONValue, at pointer: String = "/credentialStatus") throws(CredentialError) {
        guard let object = json.objectValue else {
            throw Self.malformed("a status entry must be an object, found \(json.kindDescription)", pointer)
        }
        let types = object["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains(Self.typeName) else {
            throw Self.malformed("type must be \"\(Self.typeName)\"", pointer + "/type")
        }
        if let idValue = object["id"] {
            guard let id = idValue.stringValue else {
                throw Self.malformed("id must be a string URL", pointer + "/id")
            }
            self.id = id
        } else {
            self.id = nil
        }
        guard let purpose = object["statusPurpose"]?.stringValue, !purpose.isEmpty else {
            throw Self.malformed("statusPurpose must be a non-empty string", pointer + "/statusPurpose")
        }
        statusPurpose = StatusPurpose(purpose)
        guard let indexText = object["statusListIndex"]?.stringValue else {
            throw Self.malformed(
                "statusListIndex must be a string holding a base-10 integer", pointer + "/statusListIndex")
        }
        guard !indexText.isEmpty, indexText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let index = Int(indexText)
        else {
            throw Self.malformed(
                "statusListIndex must be a base-10 integer of at most 18 digits, found \"\(indexText)\"",
                pointer + "/statusListIndex")
        }
        statusListIndex = index
        guard let listURL = object["statusListCredential"]?.stringValue, !listURL.isEmpty else {
            throw Self.malformed("statusListCredential must be a URL string", pointer + "/statusListCredential")
        }
        statusListCredential = listURL
        if let sizeValue = object["statusSize"] {
            guard let size = sizeValue.numberValue, size.rounded() == size, size >= 1,
                size <= Double(BitstringStatusList.maximumStatusSize)
            else {
                throw Self.malformed(
                    "statusSize must be an integer from 1 to \(BitstringStatusList.maximumStatusSize)",
                    pointer + "/statusSize")
            }
            statusSize = Int(size)
        } else {
            statusSize = 1
        }
        statusMessage = try Self.readMessages(object["statusMessage"], statusSize: statusSize, pointer: pointer)
        statusReference = try Self.readReference(object["statusReference"], pointer: pointer + "/statusReference")
    }

    /// The entry as JSON, in the member order of the specification's examples; `statusSize` is written
    /// only when it is not 1.
    public var json: JSONValue {
        var object = JSONObject()
        if let id { object["id"] = .string(id) }
        object["type"] = .string(Self.typeName)
        object["statusPurpose"] = .string(statusPurpose.rawValue)
        object["statusListIndex"] = .string(String(statusListIndex))
        if statusSize != 1 { object["statusSize"] = .number(Double(statusSize)) }
        object["statusListCredential"] = .string(statusListCredential)
        if let statusMessage {
            object["statusMessage"] = .array(
                statusMessage.map { message in
                    ["status": .string("0x" + String(message.status, radix: 16)), "message": .string(message.message)]
                })
        }
        if let statusReference {
            object["statusReference"] =
                statusReference.count == 1 ? .string(statusReference[0]) : .array(statusReference.map(JSONValue.string))
        }
        return .object(object)
    }

    private static func readMessages(
        _ value: JSONValue?, statusSize: Int, pointer: String
    ) throws(CredentialError) -> [StatusMessage]? {
        let location = pointer + "/statusMessage"
        guard let value else {
            if statusSize > 1 {
                throw malformed("statusMessage is required when statusSize is \(statusSize)", location)
            }
            return nil
        }
        guard let array = value.arrayValue else { throw malformed("statusMessage must be an array", location) }
        let expected = 1 << statusSize
        guard array.count == expected else {
            throw malformed(
                "statusMessage must have \(expected) elements for statusSize \(statusSize), found \(array.count)",
                location)
        }
        var messages: [StatusMessage] = []
        for (offset, element) in array.enumerated() {
            let here = "\(location)/\(offset)"
            guard let statusText = element["status"]?.stringValue, statusText.hasPrefix("0x"),
                let status = UInt32(statusText.dropFirst(2), radix: 16)
            else {
                throw malformed("status must be a hexadecimal string such as \"0x1\"", here + "/status")
            }
            guard let message = element["message"]?.stringValue else {
                throw malformed("message must be a string", here + "/message")
            }
            messages.append(StatusMessage(status: status, message: message))
        }
        return messages
    }

    private static func readReference(_ value: JSONValue?, pointer: String) throws(CredentialError) -> [String]? {
        guard let value else { return nil }
        let urls = value.asArray.compactMap(\.stringValue)
        guard !urls.isEmpty, urls.count == value.asArray.count else {
            throw malformed("statusReference must be a URL or an array of URLs", pointer)
        }
        return urls
    }

    private static func malformed(_ message: String, _ pointer: String) -> CredentialError {
        CredentialError(.invalidStatusEntry, message, location: pointer)
    }
}
