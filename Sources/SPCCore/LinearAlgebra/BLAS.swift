import CBLAS

/// Thin, checked wrappers over the OpenBLAS/LAPACKE routines WardSPC uses.
///
/// These are the only places that call BLAS or LAPACK directly, so argument checking
/// (dimensions, leading dimensions) lives in one place.
public enum BLAS {
    /// Keeps OpenBLAS to one thread: WardSPC threads over series itself, and nested
    /// threading only oversubscribes the cores.
    /// A no-op when OpenBLAS already has one thread: setting the count again would
    /// restart worker threads that `stopWorkerThreads` stopped.
    public static func useSingleThread() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// One thread, and the worker threads OpenBLAS started when it was loaded stopped:
    /// idle, they spin for a while before sleeping, taking a core from the work. Call
    /// once, early (the CLI does at start); a later multi-threaded call would start them again.
    public static func stopWorkerThreads() {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }

    /// y = A·x (`cblas_dgemv`).
    public static func multiply(_ a: Matrix, _ x: [Double]) -> [Double] {
        precondition(x.count == a.columns, "vector length \(x.count) does not match \(a.columns) columns")
        var y = [Double](repeating: 0, count: a.rows)
        guard a.rows > 0, a.columns > 0 else { return y }
        a.storage.withUnsafeBufferPointer { aBuffer in
            x.withUnsafeBufferPointer { xBuffer in
                y.withUnsafeMutableBufferPointer { yBuffer in
                    cblas_dgemv(CblasColMajor, CblasNoTrans,
                                Int32(a.rows), Int32(a.columns), 1.0,
                                aBuffer.baseAddress, Int32(max(1, a.rows)),
                                xBuffer.baseAddress, 1, 0.0,
                                yBuffer.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// C = A·B (`cblas_dgemm`).
    public static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "inner dimensions differ: \(a.columns) vs \(b.rows)")
        var c = Matrix(rows: a.rows, columns: b.columns)
        guard a.rows > 0, b.columns > 0, a.columns > 0 else { return c }
        a.storage.withUnsafeBufferPointer { aBuffer in
            b.storage.withUnsafeBufferPointer { bBuffer in
                c.storage.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans,
                                Int32(a.rows), Int32(b.columns), Int32(a.columns), 1.0,
                                aBuffer.baseAddress, Int32(max(1, a.rows)),
                                bBuffer.baseAddress, Int32(max(1, b.rows)), 0.0,
                                cBuffer.baseAddress, Int32(max(1, c.rows)))
                }
            }
        }
        return c
    }
}
