import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the loopback server, to speak HTTP by hand.
final class RawConnection: @unchecked Sendable {  // one thread at a time
    private let socketDescriptor: Int32

    init(port: Int) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw HarnessError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socketDescriptor); throw HarnessError("connect() failed") }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socketDescriptor) }

    /// Runs blocking socket calls on a thread of their own: on Swift's cooperative pool they
    /// would starve the in-process server's request handling.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    func send(_ text: String) throws { try send(Data(text.utf8)) }

    func send(_ data: Data) throws {
        var sent = 0
        try data.withUnsafeBytes { bytes in
            while sent < bytes.count {
                let count = Glibc.send(socketDescriptor, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard count > 0 else { throw HarnessError("send() failed") }
                sent += count
            }
        }
    }

    /// What arrives until the peer closes the connection, at most `seconds`; `closed` says
    /// whether it did.
    func receiveUntilClosed(seconds: Double) -> (text: String, closed: Bool) {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let count = recv(socketDescriptor, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 {
                if errno == ECONNRESET { return (String(decoding: received, as: UTF8.self), true) }
                continue  // the one-second receive timeout: look at the clock again
            }
            received += buffer[0..<count]
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// What arrives until `marker` has been seen (or the peer closes), at most `seconds`.
    func receive(until marker: String?, seconds: Double) throws -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let count = recv(socketDescriptor, &buffer, buffer.count, 0)
            if count == 0 { break }
            if count < 0 { continue }  // the one-second receive timeout: look at the clock again
            received += buffer[0..<count]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
