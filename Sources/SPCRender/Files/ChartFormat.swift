import Threads
import SPCCore
import WardSPC

/// The file formats a chart is written in: the SVG as drawn, a PNG of it for slides and
/// documents, a one-page vector PDF for print. PNG and PDF come from the same SVG through
/// librsvg (`SVGRaster`), so every format shows the same picture.
public enum ChartFormat: String, CaseIterable, Sendable, Comparable {
    case svg, png, pdf

    public static func < (lhs: ChartFormat, rhs: ChartFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How large a PNG is drawn: every PNG `width` pixels wide (its height from the chart's
/// own proportions), or `scale` pixels per SVG unit.
public enum PNGSize: Sendable, Equatable {
    case width(Int)
    case scale(Double)

    /// 1,600 px: a full-width chart on a 16:9 slide or an A4 page at print resolution.
    public static let slideWidth = 1_600
    public static let standard = PNGSize.width(slideWidth)

    /// Pixels per SVG unit for a drawing `svgWidth` units wide.
    public func scale(forWidth svgWidth: Double) -> Double {
        switch self {
        case .width(let pixels): return svgWidth > 0 ? Double(pixels) / svgWidth : 1
        case .scale(let scale): return scale
        }
    }
}

extension ChartFiles {
    /// Every chart in every one of `formats` (SVG as drawn, PNG at `png`, PDF at the
    /// SVG's size in points), named by the chart's stem (`RX1_Alder_restraint.png`), drawn
    /// on every core. In chart order, formats in `ChartFormat` order for each chart.
    public static func files(_ charts: [Chart], formats: Set<ChartFormat>, png: PNGSize = .standard)
        throws -> [AtomicDirectory.File] {
        let ordered = formats.sorted()
        let results: [Result<[AtomicDirectory.File], SVGRaster.Failure>] =
            ParallelBlocks.map(count: charts.count, blockSize: 4) { range in
                range.map { index in
                    let chart = charts[index]
                    do {
                        return .success(try ordered.map { format in
                            AtomicDirectory.File(name: chart.stem + "." + format.rawValue,
                                                 bytes: try chart.bytes(format, png: png), durable: false)
                        })
                    } catch let failure as SVGRaster.Failure {
                        return .failure(SVGRaster.Failure(description: "\(chart.name): \(failure.description)"))
                    } catch {
                        return .failure(SVGRaster.Failure(description: "\(chart.name): \(error)"))
                    }
                }
            }
        return try results.flatMap { try $0.get() }
    }
}

extension ChartFiles.Chart {
    /// The chart's file in `format`.
    public func bytes(_ format: ChartFormat, png: PNGSize = .standard) throws -> [UInt8] {
        switch format {
        case .svg: return markup.bytes
        case .png:
            let size = try SVGRaster.size(markup.bytes)
            return try SVGRaster.png(markup.bytes, scale: png.scale(forWidth: size.width))
        case .pdf: return try SVGRaster.pdf(markup.bytes)
        }
    }
}
