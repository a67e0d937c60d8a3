import Foundation

#if FUZZING
/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzHarness.run(data)
    return 0
}

/// libFuzzer's driver (`-sanitize=fuzzer` links it in).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The fuzzing build's `main`: SwiftPM links an executable with `main` aliased to
/// `<module>_main`, so libFuzzer's own `main` never runs; this one hands over to its driver.
@_cdecl("drsim_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzOneInput(start, size) }
}
#else
/// Replay tool of an ordinary build: `drsim-fuzz FILE…` runs each file (a corpus entry or a
/// crash found by `make fuzz`) through ``FuzzHarness`` once, so a finding reproduces without
/// the fuzzing toolchain. Prints one line per file; exits 0 when none crashed.
@main
struct FuzzReplay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            FileHandle.standardError.write(Data("usage: drsim-fuzz FILE…\n".utf8))
            exit(2)
        }
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("drsim-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzHarness.run(data)
            print("ok \(path) (\(data.count) bytes)")
        }
    }
}
#endif
