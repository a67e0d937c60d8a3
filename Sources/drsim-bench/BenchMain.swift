import Foundation

/// `make bench`: every case runs in its own child process (so peak RSS is per case) and prints
/// one machine-readable line: `bench case=NAME key=value ...`. Targets come from the issues and
/// docs/performance.md; `pass=true|false` says whether the figure meets its target.
@main
struct BenchMain {
    static func main() throws {
        let args = CommandLine.arguments
        if let i = args.firstIndex(of: "--case"), i + 1 < args.count {
            try BenchCases.run(args[i + 1], extra: Array(args[(i + 2)...]))
            return
        }
        let only = args.dropFirst().first
        for c in BenchCases.all where only.map({ c.hasPrefix($0) }) ?? true {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            p.arguments = ["--case", c]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            if p.terminationStatus != 0 { print("bench case=\(c) status=failed exit=\(p.terminationStatus)") }
        }
    }
}
