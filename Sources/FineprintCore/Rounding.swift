extension Double {
    /// This number rounded to `places` decimal places (half away from zero), as reports and model files store
    /// confidences and thresholds.
    public func rounded(toPlaces places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { scale, _ in scale * 10 }
        return (self * scale).rounded() / scale
    }
}
