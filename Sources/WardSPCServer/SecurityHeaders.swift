import NIOCore
import NIOHTTP1

/// The headers every answer carries — pages, reports, JSON, CSV, the script, 404s, 408s and
/// the parser's own 400s alike — added in one place, on the way to the socket
/// (`SecurityHeadersHandler`), so no route can forget them. A route's own
/// Content-Security-Policy (the page's, the report's) is kept; anything else gets the
/// policy that allows nothing.
enum SecurityHeaders {
    /// Loads nothing, runs nothing, may not be framed.
    static let defaultPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    static let fields: [(name: String, value: String)] = [
        // Reports hold patient-safety data: no copy in the browser's or a proxy's cache.
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ("Content-Security-Policy", defaultPolicy),
    ]

    /// Adds each header the answer does not already set.
    static func add(to headers: inout HTTPHeaders) {
        for field in fields where !headers.contains(name: field.name) {
            headers.add(name: field.name, value: field.value)
        }
    }
}

/// Puts `SecurityHeaders` on every final answer (not on `100 Continue`).
final class SecurityHeadersHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200 else {
            context.write(data, promise: promise)
            return
        }
        SecurityHeaders.add(to: &head.headers)
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
