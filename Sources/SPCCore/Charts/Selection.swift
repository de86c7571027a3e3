/// Order statistics by selection (Hoare's quickselect with median-of-three pivots):
/// O(n) on average instead of the O(n log n) of sorting, for medians of run-chart
/// centres, moving ranges and re-basing windows.
enum Selection {
    /// The `k`-th smallest element (0-based) of `values`, which is reordered in place.
    /// Precondition: `0 <= k < values.count`.
    static func select(_ k: Int, in values: inout [Double]) -> Double {
        precondition(k >= 0 && k < values.count, "k out of range")
        return values.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                // Median of three as the pivot, so sorted input stays linear.
                let middle = low + (high - low) / 2
                if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
                if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
                if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
                let pivot = buffer[middle]
                var i = low
                var j = high
                while i <= j {
                    while buffer[i] < pivot { i += 1 }
                    while pivot < buffer[j] { j -= 1 }
                    if i <= j {
                        buffer.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j {
                    high = j
                } else if k >= i {
                    low = i
                } else {
                    return buffer[k]
                }
            }
            return buffer[k]
        }
    }

    /// The median as R's `median()` gives it (the mean of the two middle values for an
    /// even count); `nil` for no values. Values must not be NaN (WardSPC has none).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        var work = values
        let middle = work.count / 2
        let upper = select(middle, in: &work)
        if work.count % 2 == 1 { return upper }
        // After selecting `middle`, everything before it is ≤ it: the lower middle is their maximum.
        var lower = work[0]
        for index in 1..<middle where work[index] > lower { lower = work[index] }
        return (lower + upper) / 2
    }
}
