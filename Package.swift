// swift-tools-version:6.0
// drsim — a discrete-event simulator of VMware-style clusters (DRS, DPM, vMotion) for capacity planning.
// Target graph and allowed dependency directions: ../shared/DESIGN.md §1 (mirrored in docs/architecture.md).
import PackageDescription

let package = Package(
    name: "drsim",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DRSim", targets: ["SimKernel", "Stochastics", "ClusterModel", "Scenarios", "Experiments"]),
        .executable(name: "drsim", targets: ["drsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "SimKernel"),
        .target(name: "Stochastics", dependencies: ["CGSL"]),
        .target(name: "Traces"),
        .target(name: "ClusterModel", dependencies: ["SimKernel", "Stochastics", "Traces"]),
        .target(name: "Scenarios", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Inventory", dependencies: ["Scenarios", "Traces", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Experiments", dependencies: ["SimKernel", "Stochastics", "ClusterModel", "Scenarios", "Traces", "Inventory"]),
        .executableTarget(
            name: "drsim",
            dependencies: [
                "Experiments", "Scenarios", "Inventory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "drsim-bench",
            dependencies: ["Experiments", "SimKernel", "Stochastics", "ClusterModel", "Inventory",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // libFuzzer harness over the scenario loader and the trace/RVTools readers. A normal build
        // makes a replay tool (`drsim-fuzz FILE…`); `make fuzz` builds it with -sanitize=fuzzer
        // and -DFUZZING into .build-fuzz, where libFuzzer supplies `main`.
        .executableTarget(name: "drsim-fuzz", dependencies: ["Experiments", "Scenarios", "Traces", "Inventory"]),

        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"]),
        .testTarget(name: "TracesTests", dependencies: ["Traces"], exclude: ["Fixtures"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios"]),
        .testTarget(
            name: "InventoryTests",
            dependencies: ["Inventory", "Scenarios", "Experiments", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        // Experiments: model tests take their default settings through the spec layer (ModelBuilder).
        .testTarget(name: "ClusterModelTests", dependencies: ["ClusterModel", "SimKernel", "Stochastics", "Experiments", "Scenarios"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Scenarios", "ClusterModel"], exclude: ["Golden"]),
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "ClusterModel", "SimKernel", "Stochastics", "Experiments",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Runs the built `drsim` and `drsim-fuzz` binaries (signals, unwritable outputs, examples).
        .testTarget(name: "CLITests", exclude: ["FuzzRegressions"]),
    ]
)
