import Testing
@testable import Inventory

@Suite struct CPUModelCatalogTests {
    @Test(arguments: [
        ("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "intel", "icelake"),
        ("Intel(R) Xeon(R) Platinum 8380H CPU @ 2.90GHz", "intel", "cascadelake"),
        ("Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz", "intel", "cascadelake"),
        ("Intel(R) Xeon(R) Silver 4114 CPU @ 2.20GHz", "intel", "skylake"),
        ("Intel(R) Xeon(R) Platinum 8480+", "intel", "sapphirerapids"),
        ("Intel(R) Xeon(R) CPU Max 9480", "intel", "sapphirerapids"),
        ("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", "intel", "broadwell"),
        ("Intel(R) Xeon(R) CPU E5-2670 v3 @ 2.30GHz", "intel", "haswell"),
        ("Intel(R) Xeon(R) CPU E5-2650 v2 @ 2.60GHz", "intel", "ivybridge"),
        ("Intel(R) Xeon(R) CPU E5-2650 0 @ 2.00GHz", "intel", "sandybridge"),
        ("Intel(R) Xeon(R) CPU E7- 4870  @ 2.40GHz", "intel", "westmere"),
        ("Intel(R) Xeon(R) CPU E3-1230 v6 @ 3.50GHz", "intel", "skylake"),
        ("Intel(R) Xeon(R) CPU           X5670  @ 2.93GHz", "intel", "westmere"),
        ("Intel(R) Xeon(R) CPU           X5570  @ 2.93GHz", "intel", "nehalem"),
        ("Intel(R) Xeon(R) CPU           E5440  @ 2.83GHz", "intel", "penryn"),
        ("Intel(R) Xeon(R) CPU            3040  @ 1.86GHz", "intel", "merom"),
        ("Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz", "intel", "skylake"),
        ("Intel Core Processor (Haswell, no TSX)", "intel", "haswell"),
        ("AMD EPYC 7543 32-Core Processor", "amd", "zen3"),
        ("AMD EPYC 7742 64-Core Processor", "amd", "zen2"),
        ("AMD EPYC 7551P 32-Core Processor", "amd", "zen"),
        ("AMD EPYC 9654 96-Core Processor", "amd", "zen4"),
        ("AMD EPYC-Rome Processor", "amd", "zen2"),
        ("AMD Ryzen 9 5950X 16-Core Processor", "amd", "zen3"),
        ("AMD Opteron(tm) Processor 6174", "amd", "greyhound"),
        ("AMD Opteron(tm) Processor 6276", "amd", "bulldozer"),
        ("AMD Opteron(tm) Processor 6380", "amd", "piledriver"),
        ("Quad-Core AMD Opteron(tm) Processor 2216", "amd", "rev_f"),
        ("Dual Core AMD Opteron(tm) Processor 275", "amd", "rev_e"),
    ])
    func knownModels(model: String, vendor: String, generation: String) {
        let cpu = CPUModelCatalog.classify(model)
        #expect(cpu == CPUModelCatalog.Classification(vendor: vendor, generation: generation, note: nil))
    }

    @Test func approximationsAndUnknownsCarryANote() {
        #expect(CPUModelCatalog.classify("AMD EPYC 9755 128-Core Processor").generation == "zen4")
        #expect(CPUModelCatalog.classify("AMD EPYC 9755 128-Core Processor").note != nil)
        #expect(CPUModelCatalog.classify("Intel(R) Xeon(R) Platinum 8580").generation == "sapphirerapids")
        let intel = CPUModelCatalog.classify("Intel(R) Xeon(R) CPU @ 2.20GHz")
        #expect(intel.vendor == "intel" && intel.generation == "merom" && intel.note?.contains("unrecognized Intel") == true)
        let amd = CPUModelCatalog.classify("AMD Athlon 64")
        #expect(amd.vendor == "amd" && amd.generation == "rev_e" && amd.note != nil)
        let other = CPUModelCatalog.classify("Ampere Altra Q80-30")
        #expect(other.vendor == "intel" && other.note?.contains("unknown CPU vendor") == true)
    }

    @Test func evcModes() {
        #expect(CPUModelCatalog.generation(forEVCMode: "intel-cascadelake") == "cascadelake")
        #expect(CPUModelCatalog.generation(forEVCMode: "amd-rev-e") == "rev_e")
        #expect(CPUModelCatalog.generation(forEVCMode: "amd-greyhound-no3dnow") == "greyhound")
        #expect(CPUModelCatalog.generation(forEVCMode: "intel-unknownlake") == nil)
        #expect(CPUModelCatalog.generation(forEVCMode: "Disabled") == nil)
    }

    @Test func powerEstimates() {
        #expect(PowerEstimate.linear(totalCores: 48, generation: "icelake") == (176, 532))
        #expect(PowerEstimate.linear(totalCores: 2, generation: "merom") == (83, 118))
    }
}
