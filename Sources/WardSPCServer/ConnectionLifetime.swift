import NIOCore
import NIOHTTP1

/// How long a connection may take over a request, and when it closes. It sits just after
/// the HTTP/1 parser, where the request's version and its `Connection` header are still
/// seen as sent.
///
/// - Waiting: from the moment the connection opens, or the previous answer is sent, a
///   request's headers must arrive within `requestLimit`, else the connection is closed
///   (a slow trickle of headers, or a kept-alive connection left idle).
/// - Receiving: from its headers, the whole body must arrive within `requestLimit`, else
///   the answer is 408 and the connection closes — a body sent a byte a second is cut off
///   at the limit, never kept open past it. The clock stops when the request is in, while
///   its answer is worked out (the job deadline, `WorkQueue`, covers that part).
/// - Closing: after the answer to an HTTP/1.0 request (unless it asked for keep-alive), to
///   a request that said `Connection: close`, to one answered before its body was read
///   (413, or 503 when the queue is full), or an answer that says `Connection: close`. The
///   answer says `Connection: close` too. The connection then closes gently: the sending
///   side first, then, after whatever the client still sends has been read and dropped (at
///   most `lingerLimit`), the rest — closing at once would reset the connection and could
///   destroy the answer before the client has read it.
final class ConnectionLifetime: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let requestLimit: TimeAmount
    private let lingerLimit: TimeAmount

    /// A request not yet answered in full, oldest first.
    private struct Exchange {
        var keepAlive: Bool
        var received = false
        var answering = false
        var closesAfterAnswer = false
    }

    private var exchanges: [Exchange] = []
    private var requestClock: Scheduled<Void>?
    private var lingering = false
    private var lingerClock: Scheduled<Void>?

    init(requestLimit: TimeAmount, lingerLimit: TimeAmount = .seconds(3)) {
        self.requestLimit = requestLimit
        self.lingerLimit = lingerLimit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startClock(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startClock(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClocks()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClocks()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Answered and closing: what the client still sends is read and dropped.
        guard !lingering else { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            let keepAlive = head.isKeepAlive
            if !keepAlive {
                // The server's request loop stops after a request that says `close`: say
                // so for HTTP/1.0 too, and in the one spelling it looks for.
                head.headers.replaceOrAdd(name: "connection", value: "close")
            }
            exchanges.append(Exchange(keepAlive: keepAlive))
            restartClock(context)
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .body:
            context.fireChannelRead(data)
        case .end:
            if let last = exchanges.indices.last { exchanges[last].received = true }
            stopRequestClock()
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !lingering else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200:
            if !exchanges.isEmpty {
                let exchange = exchanges[0]
                let closes = !exchange.keepAlive || !exchange.received || !head.isKeepAlive
                exchanges[0].answering = true
                exchanges[0].closesAfterAnswer = closes
                if closes { head.headers.replaceOrAdd(name: "connection", value: "close") }
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .head, .body:
            context.write(data, promise: promise)
        case .end:
            let exchange = exchanges.isEmpty ? nil : exchanges.removeFirst()
            if exchange?.closesAfterAnswer ?? true {
                context.writeAndFlush(data, promise: promise)
                linger(context)
            } else {
                context.write(data, promise: promise)
                if exchanges.isEmpty { startClock(context) }  // waiting for the next request
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if lingering, case ChannelEvent.inputClosed = event {
            context.close(promise: nil)  // the client has sent everything: nothing to wait for
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: clocks

    private func startClock(_ context: ChannelHandlerContext) {
        guard requestClock == nil, !lingering else { return }
        requestClock = context.eventLoop.assumeIsolated().scheduleTask(in: requestLimit) { [self] in timeUp(context) }
    }

    private func restartClock(_ context: ChannelHandlerContext) {
        stopRequestClock()
        startClock(context)
    }

    private func stopRequestClock() {
        requestClock?.cancel()
        requestClock = nil
    }

    private func stopClocks() {
        stopRequestClock()
        lingerClock?.cancel()
        lingerClock = nil
    }

    /// The request limit passed: a request half received is answered 408; a connection
    /// waiting for headers is closed.
    private func timeUp(_ context: ChannelHandlerContext) {
        requestClock = nil
        guard !lingering else { return }
        if let first = exchanges.first, !first.received, !first.answering {
            let seconds = Double(requestLimit.nanoseconds) / 1e9
            let text = "The request did not arrive within this server's limit of \(UploadPage.number(seconds)) seconds, so it was not read. Check the connection and send it again.\n"
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            headers.add(name: "Content-Length", value: String(text.utf8.count))
            headers.add(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .requestTimeout, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            linger(context)
        } else {
            context.close(promise: nil)
        }
    }

    /// Closes the sending side now and the rest once the client has finished sending, or
    /// after `lingerLimit`.
    private func linger(_ context: ChannelHandlerContext) {
        guard !lingering else { return }
        lingering = true
        stopRequestClock()
        context.close(mode: .output, promise: nil)
        lingerClock = context.eventLoop.assumeIsolated().scheduleTask(in: lingerLimit) { context.close(promise: nil) }
    }
}
