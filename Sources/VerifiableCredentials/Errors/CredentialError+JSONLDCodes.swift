extension CredentialError.Code {
    /// Safe mode: a property or type would be dropped because the context does not define it.
    public static let undefinedTerm = Self("undefinedTerm")
    /// Safe mode: an IRI stayed relative or is not a valid IRI.
    public static let relativeIRI = Self("relativeIRI")
}

/// The error codes of the JSON-LD 1.1 API (§9.6.2), with the spec's spelling as raw value.
///
/// A `CredentialError` raised by the JSON-LD processor has a code whose name is the case name
/// (`invalidTermDefinition`); ``CredentialError/jsonLDErrorCode`` gives back the spec string.
public enum JSONLDErrorCode: String, CaseIterable, Sendable {
    case collidingKeywords = "colliding keywords"
    case conflictingIndexes = "conflicting indexes"
    case contextOverflow = "context overflow"
    case cyclicIRIMapping = "cyclic IRI mapping"
    case invalidIdValue = "invalid @id value"
    case invalidImportValue = "invalid @import value"
    case invalidIncludedValue = "invalid @included value"
    case invalidIndexValue = "invalid @index value"
    case invalidNestValue = "invalid @nest value"
    case invalidPrefixValue = "invalid @prefix value"
    case invalidPropagateValue = "invalid @propagate value"
    case invalidProtectedValue = "invalid @protected value"
    case invalidReverseValue = "invalid @reverse value"
    case invalidVersionValue = "invalid @version value"
    case invalidBaseDirection = "invalid base direction"
    case invalidBaseIRI = "invalid base IRI"
    case invalidContainerMapping = "invalid container mapping"
    case invalidContextEntry = "invalid context entry"
    case invalidContextNullification = "invalid context nullification"
    case invalidDefaultLanguage = "invalid default language"
    case invalidIRIMapping = "invalid IRI mapping"
    case invalidJSONLiteral = "invalid JSON literal"
    case invalidKeywordAlias = "invalid keyword alias"
    case invalidLanguageMapValue = "invalid language map value"
    case invalidLanguageMapping = "invalid language mapping"
    case invalidLanguageTaggedString = "invalid language-tagged string"
    case invalidLanguageTaggedValue = "invalid language-tagged value"
    case invalidLocalContext = "invalid local context"
    case invalidRemoteContext = "invalid remote context"
    case invalidReverseProperty = "invalid reverse property"
    case invalidReversePropertyMap = "invalid reverse property map"
    case invalidReversePropertyValue = "invalid reverse property value"
    case invalidScopedContext = "invalid scoped context"
    case invalidSetOrListObject = "invalid set or list object"
    case invalidTermDefinition = "invalid term definition"
    case invalidTypeMapping = "invalid type mapping"
    case invalidTypeValue = "invalid type value"
    case invalidTypedValue = "invalid typed value"
    case invalidValueObject = "invalid value object"
    case invalidValueObjectValue = "invalid value object value"
    case invalidVocabMapping = "invalid vocab mapping"
    case iriConfusedWithPrefix = "IRI confused with prefix"
    case keywordRedefinition = "keyword redefinition"
    case loadingDocumentFailed = "loading document failed"
    case loadingRemoteContextFailed = "loading remote context failed"
    case processingModeConflict = "processing mode conflict"
    case protectedTermRedefinition = "protected term redefinition"

    /// The `CredentialError` code for this JSON-LD error.
    public var code: CredentialError.Code { CredentialError.Code(String(describing: self)) }

    static let byCodeName: [String: JSONLDErrorCode] = Dictionary(
        uniqueKeysWithValues: allCases.map { (String(describing: $0), $0) })
}

extension CredentialError {
    /// The JSON-LD API error code string (for example `"invalid term definition"`) when this error came from
    /// the JSON-LD processor; a document loader's `unknownContext` maps to `"loading remote context failed"`.
    public var jsonLDErrorCode: String? {
        if code == .unknownContext { return JSONLDErrorCode.loadingRemoteContextFailed.rawValue }
        return JSONLDErrorCode.byCodeName[code.name]?.rawValue
    }

    /// A JSON-LD processing error with the spec's code.
    static func jsonLD(
        _ kind: JSONLDErrorCode, _ message: String, location: String? = nil, fileID: String = #fileID, line: Int = #line
    ) -> CredentialError {
        CredentialError(
            kind.code, "JSON-LD \(kind.rawValue): \(message)", location: location, fileID: fileID, line: line)
    }
}
