/// The software version every output names (`wardspc --version`, the report's footer,
/// the upload server's health check).
public enum WardSPCVersion {
    public static let current = "0.1.0"
}
