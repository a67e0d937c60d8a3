import CGSL

/// Process-wide GSL configuration, applied once before the first GSL call.
///
/// GSL's default error handler calls `abort()`; drsim turns it off so that a domain error
/// (for example `gsl_cdf_tdist_Pinv` with zero degrees of freedom) returns GSL's error value
/// (NaN) instead of killing a whole sweep. Callers validate their arguments with preconditions.
enum GSLRuntime {
    /// Initialized exactly once (Swift runs static initializers under `swift_once`).
    static let isConfigured: Bool = {
        drsim_gsl_error_handler_off()
        return true
    }()

    /// Ensures the configuration has been applied; cheap after the first call.
    @inline(__always)
    static func configure() {
        _ = isConfigured
    }
}
