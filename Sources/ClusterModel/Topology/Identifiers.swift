/// Index of a host within its cluster's ``HostTable`` (0-based, dense).
public typealias HostIndex = Int32

/// Index of a VM within its cluster's ``VMTable`` (0-based, dense).
public typealias VMIndex = Int32

/// Sentinel for "no host" (a VM that is down) and similar absent indices.
public let noIndex: Int32 = -1
