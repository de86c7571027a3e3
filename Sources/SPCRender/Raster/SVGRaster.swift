import CRsvg

/// SVG drawn by librsvg onto cairo surfaces: PNG (an image surface) and PDF (a vector
/// surface, text kept as text). The one place this module calls C; each call owns its
/// handle and surface, so charts can be drawn on several threads at once.
public enum SVGRaster {
    /// Why a drawing failed, in words (librsvg's or cairo's own message).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The SVG's own size in user units (CSS pixels), from its `width`/`height` or `viewBox`.
    public static func size(_ svg: [UInt8]) throws -> (width: Double, height: Double) {
        let handle = try rsvgHandle(of: svg)
        defer { g_object_unref(handle) }
        return intrinsicSize(handle)
    }

    /// The SVG as PNG bytes: `scale` pixels per user unit (a 480-unit chart at 3.34 is
    /// 1,603 px wide), on white, 8-bit RGBA.
    public static func png(_ svg: [UInt8], scale: Double) throws -> [UInt8] {
        let image = try draw(svg, scale: scale)
        defer { cairo_surface_destroy(image) }
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(image, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().append(data, Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw Failure(cairo: status) }
        return sink.bytes
    }

    /// The SVG's pixels as `png(_:scale:)` would encode them (tests read colours here).
    public static func pixels(_ svg: [UInt8], scale: Double) throws -> RasterImage {
        let image = try draw(svg, scale: scale)
        defer { cairo_surface_destroy(image) }
        return RasterImage(surface: image)
    }

    /// A one-page PDF of the SVG at its own size (1 user unit = 1 pt, as a 480 × 300
    /// chart prints 169 × 106 mm), vector throughout, text selectable.
    public static func pdf(_ svg: [UInt8]) throws -> [UInt8] {
        let size = try size(svg)
        return try pdf(pages: [svg], width: size.width, height: size.height)
    }

    /// A PDF of one page per SVG, each page `width` × `height` points (A4 is 595.28 ×
    /// 841.89), every SVG drawn to fill its page. `title` goes into the document's metadata.
    public static func pdf(pages: [[UInt8]], width: Double, height: Double, title: String? = nil) throws -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().append(data, Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        guard let surface else { throw Failure(description: "cairo could not start a PDF") }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "WardSPC")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        let context = cairo_create(surface)
        var failure: Failure?
        for page in pages {
            do {
                let handle = try rsvgHandle(of: page)
                defer { g_object_unref(handle) }
                try render(handle, context: context, width: width, height: height)
            } catch let error as Failure {
                failure = error
                break
            }
            cairo_show_page(context)
        }
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        if let failure { throw failure }
        guard status == CAIRO_STATUS_SUCCESS else { throw Failure(cairo: status) }
        return sink.bytes
    }

    // MARK: librsvg and cairo

    /// An image surface with the SVG drawn on white at `scale` pixels per unit.
    private static func draw(_ svg: [UInt8], scale: Double) throws -> OpaquePointer {
        guard scale > 0, scale.isFinite else { throw Failure(description: "the scale must be a positive number") }
        let handle = try rsvgHandle(of: svg)
        defer { g_object_unref(handle) }
        let size = intrinsicSize(handle)
        let width = Int((size.width * scale).rounded()), height = Int((size.height * scale).rounded())
        guard width > 0, height > 0, width <= 32_767, height <= 32_767 else {
            throw Failure(description: "a picture of \(width) × \(height) pixels is outside what cairo can draw (1 to 32,767 each way)")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw Failure(description: "cairo could not make a \(width) × \(height) picture")
        }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        do {
            try render(handle, context: context, width: Double(width), height: Double(height))
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_surface_flush(surface)
        return surface
    }

    private static func rsvgHandle(of svg: [UInt8]) throws -> UnsafeMutablePointer<RsvgHandle> {
        var error: UnsafeMutablePointer<GError>?
        let handle = svg.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else { throw Failure(error, doing: "read the SVG") }
        rsvg_handle_set_dpi(handle, 96)
        return handle
    }

    private static func render(_ handle: UnsafeMutablePointer<RsvgHandle>, context: OpaquePointer?,
                               width: Double, height: Double) throws {
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            throw Failure(error, doing: "draw the SVG")
        }
    }

    private static func intrinsicSize(_ handle: UnsafeMutablePointer<RsvgHandle>) -> (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 {
            return (width, height)
        }
        // No width/height: the viewBox's size.
        var hasWidth: gboolean = 0, hasHeight: gboolean = 0, hasViewBox: gboolean = 0
        var box = RsvgRectangle()
        var unitWidth = RsvgLength(), unitHeight = RsvgLength()
        rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, &unitWidth, &hasHeight, &unitHeight, &hasViewBox, &box)
        return hasViewBox != 0 ? (box.width, box.height) : (100, 100)
    }
}

/// Bytes a cairo stream writes, collected in order.
private final class ByteSink {
    var bytes: [UInt8] = []

    func append(_ data: UnsafePointer<UInt8>, _ length: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
    }
}

extension SVGRaster.Failure {
    init(_ error: UnsafeMutablePointer<GError>?, doing what: String) {
        if let error {
            description = "could not \(what): " + String(cString: error.pointee.message)
            g_error_free(error)
        } else {
            description = "could not \(what)"
        }
    }

    init(cairo status: cairo_status_t) {
        description = "cairo: " + String(cString: cairo_status_to_string(status))
    }
}
