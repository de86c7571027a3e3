import CRsvg

/// A drawn picture's pixels, row by row from the top, as 8-bit RGBA without
/// premultiplication (what a PNG holds). For checking colours at known points.
public struct RasterImage: Sendable {
    public var width: Int
    public var height: Int
    /// `width × height × 4` bytes: red, green, blue, alpha.
    public var rgba: [UInt8]

    /// The colour at pixel (x, y) as "#rrggbb" (alpha left out; the charts are opaque).
    public func hex(x: Int, y: Int) -> String {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel inside the picture")
        let at = (y * width + x) * 4
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in rgba[at..<at + 3] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 15)])
        }
        return text
    }

    /// The pixels of a PNG file (decoded by cairo), e.g. one `SVGRaster.png` wrote.
    public init(png: [UInt8]) throws {
        let source = PNGSource(png)
        let surface = cairo_image_surface_create_from_png_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            return Unmanaged<PNGSource>.fromOpaque(closure).takeUnretainedValue().read(into: data, Int(length))
                ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
        }, Unmanaged.passUnretained(source).toOpaque())
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw SVGRaster.Failure(cairo: status) }
        self.init(surface: surface!)
    }

    /// Copies an image surface's ARGB32 pixels (premultiplied, native-endian words).
    init(surface: OpaquePointer) {
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        if let data = cairo_image_surface_get_data(surface) {
            for row in 0..<height {
                let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<width {
                    let word = line[column]
                    let alpha = UInt32(word >> 24)
                    func channel(_ shift: UInt32) -> UInt8 {
                        let value = (word >> shift) & 0xFF
                        return alpha == 0 ? 0 : UInt8(min(255, (value * 255 + alpha / 2) / alpha))
                    }
                    let at = (row * width + column) * 4
                    pixels[at] = channel(16)
                    pixels[at + 1] = channel(8)
                    pixels[at + 2] = channel(0)
                    pixels[at + 3] = UInt8(alpha)
                }
            }
        }
        rgba = pixels
    }
}

/// A PNG's bytes handed to cairo's reader in the pieces it asks for.
private final class PNGSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into destination: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bool {
        guard offset + length <= bytes.count else { return false }
        bytes.withUnsafeBufferPointer { buffer in
            destination.update(from: buffer.baseAddress! + offset, count: length)
        }
        offset += length
        return true
    }
}
