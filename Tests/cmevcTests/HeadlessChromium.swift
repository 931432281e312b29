import Foundation
import Testing

/// Renders an HTML file to a PNG in headless Chromium (the Debian package `chromium`) and measures the PNG with
/// a small Python script (zlib only), so a test can tell a real render from a blank page.
enum HeadlessChromium {
    struct Measurement {
        var width: Int
        var height: Int
        /// Distinct pixel colours.
        var colours: Int
        /// The share of pixels that are not (nearly) white.
        var inked: Double
    }

    /// The chromium binary, or `nil` when it is not installed.
    static var binary: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Renders `html` to `png` at 1200×1600; fails the test with a clear message when chromium is missing.
    static func screenshot(_ html: URL, to png: URL) throws {
        let chromium = try #require(
            binary, "chromium is not installed: run `make setup` (Debian package chromium) to test the HTML report")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try run(
            "/usr/bin/timeout",
            [
                "120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--user-data-dir=\(profile.path)", "--screenshot=\(png.path)",
                "--window-size=1200,1600", html.absoluteString,
            ])
        try #require(result.status == 0, "chromium exited \(result.status): \(result.output)")
        try #require(FileManager.default.fileExists(atPath: png.path), "chromium wrote no PNG: \(result.output)")
    }

    /// Decodes `png` (8-bit RGB or RGBA, non-interlaced) and measures it.
    static func measure(_ png: URL) throws -> Measurement {
        let result = try run("/usr/bin/env", ["python3", "-c", script, png.path])
        try #require(result.status == 0, "python3 could not decode the PNG: \(result.output)")
        let fields = result.output.split(separator: " ").map(String.init)
        try #require(fields.count == 4, "unexpected output: \(result.output)")
        return Measurement(
            width: Int(fields[0]) ?? 0, height: Int(fields[1]) ?? 0, colours: Int(fields[2]) ?? 0,
            inked: Double(fields[3].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Prints `width height distinctColours inkedShare`.
    static let script = """
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6) and interlace == 0, 'unsupported PNG layout'
        bpp = 3 if colour == 2 else 4
        raw = zlib.decompress(idat)
        stride = width * bpp
        previous = bytearray(stride)
        colours, inked = set(), 0
        for y in range(height):
            start = y * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                if kind == 1: line[i] = (line[i] + a) & 255
                elif kind == 2: line[i] = (line[i] + b) & 255
                elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                pixel = bytes(line[x:x + 3])
                colours.add(pixel)
                if min(pixel) < 235: inked += 1
            previous = line
        print(width, height, len(colours), inked / (width * height))
        """
}
