import Foundation
import Crypto

/// A Content-Security-Policy hash source for an inline script: `sha256-` and the base64 of
/// the SHA-256 of its text's UTF-8 bytes, exactly as between `<script>` and `</script>`
/// (CSP Level 2, §4.2.4). A browser runs that script and no other inline one.
enum ScriptHash {
    static func sha256(_ script: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString()
    }
}
