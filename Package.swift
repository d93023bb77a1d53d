// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "OrderDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "orderdesk", targets: ["orderdesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        /// ncursesw plus a small C shim for the macros Swift cannot import.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        /// The domain: values and rules, no I/O, no clock, no terminal.
        .target(name: "OrderDeskCore"),
        /// SQLite through GRDB: migrations, records, queries, audit, demo data.
        .target(
            name: "OrderDeskStore",
            dependencies: [
                "OrderDeskCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The demo builder binds through the raw statement handle: twice as fast as GRDB's arguments.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        /// The Terminal protocol with its ncurses and in-memory implementations, display width, themes.
        .target(name: "OrderDeskTerminal", dependencies: ["CNcurses"]),
        /// Screens, widgets, the command table and the run loop, drawn through `Terminal`.
        .target(name: "OrderDeskTUI", dependencies: ["OrderDeskCore", "OrderDeskTerminal"]),
        /// The command line: argument parsing, wiring, the run loop.
        .executableTarget(
            name: "orderdesk",
            dependencies: [
                "OrderDeskCore", "OrderDeskStore", "OrderDeskTerminal", "OrderDeskTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OrderDeskCoreTests", dependencies: ["OrderDeskCore"]),
        .testTarget(name: "OrderDeskStoreTests", dependencies: ["OrderDeskStore", "OrderDeskCore"]),
        .testTarget(name: "OrderDeskTerminalTests", dependencies: ["OrderDeskTerminal"]),
        .testTarget(
            name: "OrderDeskTUITests",
            dependencies: ["OrderDeskTUI", "OrderDeskTerminal", "OrderDeskCore"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["OrderDeskStore", "OrderDeskCore"]),
    ],
    swiftLanguageModes: [.v6]
)
