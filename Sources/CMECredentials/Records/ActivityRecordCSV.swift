/// Turns CSV rows into record drafts: maps the header to fields, reports header problems, splits lists.
struct ActivityRecordCSV: Sendable {
    /// What a header column holds.
    enum Column: Equatable, Sendable {
        case field(RecordField)
        case credits(String)
        /// A column the reader does not know; its values are ignored.
        case ignored
        /// A second column with the same name as column `first`.
        case duplicate(of: Int)
    }

    let fileName: String
    let catalog: CMECatalog
    private var parser: CSVParser
    private var header: CSVParser.Row?
    private var columns: [Column] = []
    private var rowCount = 0
    private var finished = false
    /// Problems with the file or its header, found before the first record.
    private(set) var fileDiagnostics: [RecordDiagnostic] = []

    /// Reads the header; ``fileDiagnostics`` then holds its problems.
    init(fileName: String, catalog: CMECatalog, bytes: [UInt8]) {
        self.fileName = fileName
        self.catalog = catalog
        self.parser = CSVParser(bytes)
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            fileDiagnostics = [
                RecordDiagnostic(
                    file: fileName, line: line, field: "file", expected: "CSV text", found: "binary data (a NUL byte)")
            ]
            finished = true
            return
        }
        guard let header = parser.next() else {
            // No record at all: a problem with the file (field `file`), as for a header alone or empty JSON Lines.
            fileDiagnostics = [
                RecordDiagnostic(
                    file: fileName, line: 1, field: "file", expected: "a header row and at least one record",
                    found: "an empty file")
            ]
            finished = true
            return
        }
        self.header = header
        columns = mapHeader(header, diagnostics: &fileDiagnostics)
    }

    /// The next record's draft; at the end, `nil` (and a diagnostic in `endDiagnostics` if there were no rows).
    mutating func nextDraft() -> RecordDraft? {
        guard !finished, let header else { return nil }
        while let row = parser.next() {
            // Rows with nothing but separators and spaces (spreadsheets export them) carry no record.
            let empty =
                row.problems.isEmpty
                && row.fields.allSatisfy { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            if empty { continue }
            rowCount += 1
            return draft(row, header: header, columns: columns)
        }
        finished = true
        return nil
    }

    /// Problems found at the end of the file (a header with no rows below it).
    var endDiagnostics: [RecordDiagnostic] {
        guard let header, rowCount == 0 else { return [] }
        return [
            RecordDiagnostic(
                file: fileName, line: header.line, field: "file", expected: "at least one record after the header",
                found: "none")
        ]
    }

    private func mapHeader(_ header: CSVParser.Row, diagnostics: inout [RecordDiagnostic]) -> [Column] {
        func report(_ field: String, _ expected: String, _ found: String) {
            diagnostics.append(
                RecordDiagnostic(file: fileName, line: header.line, field: field, expected: expected, found: found))
        }
        for problem in header.problems {
            report("header", problem.expected, problem.found)
        }
        var columns: [Column] = []
        var firstIndex: [String: Int] = [:]
        for (index, bytes) in header.fields.enumerated() {
            let name = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
            let lower = name.lowercased()
            var column = Column.ignored
            if let field = RecordField.columns.first(where: { $0.csvName.lowercased() == lower }) {
                column = .field(field)
            } else if lower.hasPrefix("credits_") {
                let code = String(name.dropFirst("credits_".count)).uppercased()
                if catalog.creditType(code) != nil {
                    column = .credits(code)
                } else {
                    report("header", "credits_<CODE> with a code from credit-types.json", RecordDiagnostic.quote(name))
                }
            } else {
                report("header", "a known column name", RecordDiagnostic.quote(name) + " (ignored)")
            }
            let key: String? =
                switch column {
                case .field(let field): field.csvName
                case .credits(let code): "credits_" + code
                default: nil
                }
            if let key {
                if let first = firstIndex[key] {
                    report("header", "each column once", "\(key) in columns \(first + 1) and \(index + 1)")
                    column = .duplicate(of: first)
                } else {
                    firstIndex[key] = index
                }
            }
            columns.append(column)
        }
        let required: [RecordField] = [.givenName, .familyName, .activityID, .title, .format, .completionDate]
        for field in required where firstIndex[field.csvName] == nil {
            report("header", "a column \(field.csvName)", "none")
        }
        if !columns.contains(where: { if case .credits = $0 { true } else { false } }) {
            report("header", "at least one credits_<CODE> column", "none")
        }
        return columns
    }

    private func draft(_ row: CSVParser.Row, header: CSVParser.Row, columns: [Column]) -> RecordDraft {
        var draft = RecordDraft(location: RecordLocation(file: fileName, line: row.line), format: .csv)
        if row.fields.count != header.fields.count {
            draft.report(
                .record, expected: "\(header.fields.count) fields like the header", found: "\(row.fields.count)")
        }
        for problem in row.problems {
            draft.report(columnName(problem.field, header: header), expected: problem.expected, found: problem.found)
        }
        for (index, bytes) in row.fields.enumerated() where index < columns.count {
            guard let text = decode(bytes, column: index, header: header, draft: &draft) else { continue }
            switch columns[index] {
            case .ignored: break
            case .duplicate(let first):
                let other =
                    first < row.fields.count ? String(decoding: row.fields[first], as: UTF8.self).trimmingSpaces() : ""
                if other != text {
                    draft.report(
                        columnName(index, header: header), expected: "the same value in both columns of this name",
                        found: "\(RecordDiagnostic.quote(other)) and \(RecordDiagnostic.quote(text))")
                }
            case .credits(let code): draft.credits.append((code, text))
            case .field(let field): assign(text, to: field, in: &draft)
            }
        }
        return draft
    }

    private func assign(_ text: String, to field: RecordField, in draft: inout RecordDraft) {
        switch field {
        case .licenses: draft.licenses = Self.list(text)
        case .boardIDs: draft.boardIDs = Self.list(text)
        case .maxCredits: draft.maxCredits = text
        case .topics:
            for item in Self.list(text) {
                let parts = item.fields(separatedBy: UInt8(ascii: "="), maxSplits: 1)
                let code = parts[0].trimmingSpaces()
                let hours = parts.count == 2 ? parts[1].trimmingSpaces() : nil
                draft.topics.append(RecordDraft.TopicEntry(code: code, hours: hours, field: RecordField.topics.csvName))
            }
        default: draft.text[field] = text
        }
    }

    /// The trimmed text of a cell, `nil` when empty; invalid UTF-8 is reported and decoded lossily.
    private func decode(_ bytes: [UInt8], column: Int, header: CSVParser.Row, draft: inout RecordDraft) -> String? {
        if let text = Self.asciiTrimmed(bytes) { return text.isEmpty ? nil : text }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            draft.report(columnName(column, header: header), expected: "UTF-8 text", found: "invalid bytes")
            let lossy = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
            return lossy.isEmpty ? nil : lossy
        }
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An ASCII field (nearly every one) without its leading and trailing spaces, tabs and line breaks, as
    /// ``Swift/String/trimmingSpaces()`` trims it; `nil` when a byte is not ASCII. ASCII needs no UTF-8
    /// validation, whose generic entry point cost about 0.7 µs per record.
    static func asciiTrimmed(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            var first = -1
            var last = -1
            for (index, byte) in buffer.enumerated() {
                guard byte < 0x80 else { return nil }
                if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\n"),
                    byte != UInt8(ascii: "\r")
                {
                    if first < 0 { first = index }
                    last = index
                }
            }
            guard first >= 0 else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[first...last]), as: UTF8.self)
        }
    }

    private func columnName(_ index: Int, header: CSVParser.Row) -> String {
        guard index < header.fields.count else { return "column \(index + 1)" }
        let name = String(decoding: header.fields[index], as: UTF8.self).trimmingSpaces()
        return name.isEmpty ? "column \(index + 1)" : name
    }

    /// `a; b;;c` → `["a", "b", "c"]`.
    static func list(_ text: String) -> [String] {
        text.fields(separatedBy: UInt8(ascii: ";")).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
