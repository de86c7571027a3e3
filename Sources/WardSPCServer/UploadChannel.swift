import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The server's HTTP/1.1 connections: Hummingbird's own request loop (`handleHTTP`) on a
/// pipeline that adds this server's rules where each can see what it needs — after the
/// HTTP/1 parser, where the version and `Connection` header are still as sent, the
/// security headers (`SecurityHeadersHandler`) and the request deadline and closing rules
/// (`ConnectionLifetime`); after the conversion to HTTP types, `Expect: 100-continue`
/// (`ExpectContinueHandler`) and Hummingbird's idle timeout.
struct UploadChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let settings: ServerSettings
    /// Whether an upload would find a place now (no `100 Continue` when it would not).
    let hasRoom: @Sendable () -> Bool

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let settings = settings
        let hasRoom = hasRoom
        return channel.eventLoop.makeCompletedFuture {
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = 80 * 1024
            limits.maxHeaderListSize = 80 * 1024
            limits.maxHeaderFieldCount = 1000
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: limits)
            try channel.pipeline.syncOperations.addHandler(SecurityHeadersHandler())
            try channel.pipeline.syncOperations.addHandler(
                ConnectionLifetime(requestLimit: .milliseconds(Int64(settings.requestTimeLimitSeconds * 1000))))
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try channel.pipeline.syncOperations.addHandler(
                ExpectContinueHandler(maxBodyBytes: settings.maxUploadBytes, hasRoom: hasRoom))
            try channel.pipeline.syncOperations.addHandler(
                HTTPConnectionStateHandler(idleTimeout: .milliseconds(Int64(settings.idleTimeoutSeconds * 1000)),
                                           logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel,
                                       configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}
