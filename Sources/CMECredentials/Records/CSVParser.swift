/// An RFC 4180 CSV parser that never fails: it returns every row with the physical line where the row starts
/// and the problems found in it (a quote inside an unquoted field, text after a closing quote, a quote left
/// open at the end of the file).
///
/// Accepts CRLF, LF and lone CR line breaks and a leading UTF-8 byte order mark. Quoted fields may hold commas,
/// doubled quotes and line breaks. Completely empty lines are skipped.
struct CSVParser: Sendable {
    /// One row of fields.
    struct Row: Sendable {
        /// The physical line (from 1) where the row starts.
        var line: Int
        /// The raw bytes of each field, quotes removed and doubled quotes undoubled.
        var fields: [[UInt8]]
        /// Problems with the row's syntax: the 0-based field index and a description of what was found.
        var problems: [(field: Int, expected: String, found: String)] = []
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// The field count of the last row, to size the next one's list (rows of a file are alike).
    private var lastFieldCount = 0

    /// A parser positioned at the start of `bytes` (after a byte order mark, if any).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// Splits `bytes` into rows.
    static func rows(_ bytes: [UInt8]) -> [Row] {
        var parser = CSVParser(bytes)
        var rows: [Row] = []
        while let row = parser.next() { rows.append(row) }
        return rows
    }

    /// The next non-blank row, or `nil` at the end of the input.
    mutating func next() -> Row? {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")

        while index < bytes.count {
            var row = Row(line: line, fields: [])
            row.fields.reserveCapacity(lastFieldCount)
            var field: [UInt8] = []
            var quotedRow = false
            rowLoop: while true {
                // At the start of a field.
                if index < bytes.count, bytes[index] == quote {
                    quotedRow = true
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == lf || (byte == cr && !(index + 1 < bytes.count && bytes[index + 1] == lf)) {
                            line += 1
                        }
                        field.append(byte)
                        index += 1
                    }
                    if !closed {
                        row.problems.append((row.fields.count, "a closing quote", "the end of the file"))
                    }
                    // After the closing quote only a delimiter or line break may follow.
                    var stray = false
                    while index < bytes.count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                        stray = true
                        field.append(bytes[index])
                        index += 1
                    }
                    if stray {
                        row.problems.append(
                            (row.fields.count, "a comma or line break after a closing quote", "more text"))
                    }
                } else {
                    // An unquoted field is copied once, at its final size.
                    var strayQuote = false
                    let start = index
                    while index < bytes.count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                        if bytes[index] == quote { strayQuote = true }
                        index += 1
                    }
                    if index > start { field = Array(bytes[start..<index]) }
                    if strayQuote {
                        row.problems.append(
                            (row.fields.count, "a field with quotes to be quoted (\"a \"\"b\"\"\")", "a bare quote"))
                    }
                }
                row.fields.append(field)
                field = []
                guard index < bytes.count else { break rowLoop }
                switch bytes[index] {
                case comma:
                    index += 1
                    if index == bytes.count {
                        row.fields.append([])
                        break rowLoop
                    }
                case cr:
                    index += 1
                    if index < bytes.count, bytes[index] == lf { index += 1 }
                    line += 1
                    break rowLoop
                default:  // LF
                    index += 1
                    line += 1
                    break rowLoop
                }
            }
            let blank = row.fields.count == 1 && row.fields[0].isEmpty && !quotedRow && row.problems.isEmpty
            if !blank {
                lastFieldCount = row.fields.count
                return row
            }
        }
        return nil
    }
}
