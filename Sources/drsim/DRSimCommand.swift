@main struct DRSim { static func main() { print("drsim") } }
