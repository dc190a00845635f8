import Foundation

/// A logistic regression over a handful of dense features, fitted by Newton's method with a ridge
/// penalty (not on the bias). Used for the second stage: few features, a few hundred documents.
enum DenseLogistic {
    /// Returns coefficients for the features followed by the bias.
    static func fit(_ x: [[Double]], _ y: [Bool], ridge: Double = 1, iterations: Int = 30) -> [Double] {
        let d = (x.first?.count ?? 0) + 1
        var beta = [Double](repeating: 0, count: d)
        let positives = y.filter { $0 }.count
        guard positives > 0, positives < y.count else {
            beta[d - 1] = positives > 0 ? 5 : -5
            return beta
        }
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for (row, label) in zip(x, y) {
                let v = row + [1]
                let p = sigmoid(zip(v, beta).reduce(0) { $0 + $1.0 * $1.1 })
                let r = p - (label ? 1 : 0)
                let s = max(p * (1 - p), 1e-9)
                for i in 0..<d {
                    gradient[i] += r * v[i]
                    for j in 0..<d { hessian[i][j] += s * v[i] * v[j] }
                }
            }
            for i in 0..<(d - 1) {
                gradient[i] += ridge * beta[i]
                hessian[i][i] += ridge
            }
            hessian[d - 1][d - 1] += 1e-6
            guard let step = solve(hessian, gradient) else { break }
            var largest = 0.0
            for i in 0..<d {
                beta[i] -= step[i]
                largest = max(largest, abs(step[i]))
            }
            if largest < 1e-7 { break }
        }
        return beta
    }

    static func score(_ beta: [Double], _ row: [Double]) -> Double {
        var z = beta[beta.count - 1]
        for (b, v) in zip(beta, row) { z += b * v }
        return z
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var v = b
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<max(col + 1, n) where abs(m[r][col]) > abs(m[pivot][col]) { pivot = r }
            guard abs(m[pivot][col]) > 1e-12 else { return nil }
            m.swapAt(col, pivot)
            v.swapAt(col, pivot)
            for r in 0..<n where r != col {
                let f = m[r][col] / m[col][col]
                guard f != 0 else { continue }
                for c in col..<n { m[r][c] -= f * m[col][c] }
                v[r] -= f * v[col]
            }
        }
        return (0..<n).map { v[$0] / m[$0][$0] }
    }
}
