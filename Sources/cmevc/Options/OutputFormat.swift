import ArgumentParser

/// How a command prints its report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
