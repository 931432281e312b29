/// A presentation's plain credential objects, taken out of its parsed tree so that each is owned here alone:
/// the thread that verifies a credential takes it (``take(_:)``) and frees it as its check ends, instead of the
/// whole tree being freed after every check.
///
/// The presentation keeps its other members, and `null` where each plain credential object was (an enveloped
/// credential stays in place too, for the context walk), so it must not be canonicalized again: take the
/// credentials only when the holder's proof is checked on a digest (``PresentationCanonicalDigest``) and each
/// credential's own check covers its contexts.
///
/// `@unchecked Sendable` is safe: each slot is moved out at most once, by the one thread that verifies that
/// credential; the slots are never resized.
final class PresentedCredentials: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<JSONValue?>

    /// How many credentials the presentation holds.
    var count: Int { slots.count }

    private init(_ elements: [JSONValue]) {
        slots = UnsafeMutableBufferPointer<JSONValue?>.allocate(capacity: elements.count)
        for (index, element) in elements.enumerated() { slots.initializeElement(at: index, to: element) }
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The credential at `index`, moved out (`null` when taken before or out of range).
    func take(_ index: Int) -> JSONValue {
        guard slots.indices.contains(index), let base = slots.baseAddress else { return .null }
        let element = (base + index).move()
        (base + index).initialize(to: nil)
        return element ?? .null
    }

    /// Whether `element` of `verifiableCredential` is a plain credential object (not a string, not an
    /// `EnvelopedVerifiableCredential`): the entries whose own verification checks their contexts.
    static func isPlainCredential(_ element: JSONValue) -> Bool {
        element.objectValue != nil && !EnvelopedCredential.isEnvelope(element)
    }

    /// Splits `presentation` into itself with `null` in place of each plain credential object of its
    /// `verifiableCredential` array, and those credentials (every element, enveloped ones included, at its
    /// index); nil credentials when the member is not an array.
    static func take(from presentation: consuming JSONValue) -> (
        presentation: JSONValue, credentials: PresentedCredentials?
    ) {
        // Consumed, so that `object` below is the presentation's only owner.
        var object: JSONObject
        switch consume presentation {
        case .object(let members): object = members
        case let other: return (other, nil)
        }
        guard case .array(let elements)? = object["verifiableCredential"] else { return (.object(object), nil) }
        object["verifiableCredential"] = .array(elements.map { isPlainCredential($0) ? .null : $0 })
        // `elements` now holds the only references to the plain credential objects; the box takes them over.
        return (.object(object), PresentedCredentials(elements))
    }
}
