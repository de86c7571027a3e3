import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` (curl sends it with bodies over 1 MB, .NET and
/// PowerShell with every POST) with `100 Continue`, so such clients send the file at once
/// instead of waiting a second first. An upload whose declared size is over the limit, or
/// that would find every place in the queue taken, gets no `100`: the route answers 413 or
/// 503 before the client sends the body.
final class ExpectContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let maxBodyBytes: Int
    private let hasRoom: @Sendable () -> Bool

    init(maxBodyBytes: Int, hasRoom: @escaping @Sendable () -> Bool = { true }) {
        self.maxBodyBytes = maxBodyBytes
        self.hasRoom = hasRoom
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let request) = unwrapInboundIn(data),
           request.headerFields[.expect]?.lowercased() == "100-continue",
           (request.headerFields[.contentLength].flatMap(Int.init) ?? 0) <= maxBodyBytes, hasRoom() {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
