import Crypto
import Foundation
import Hummingbird
import Synchronization

/// Reads the `file` part of a bundle upload (multipart, bounded like every upload).
enum BundleUpload {
    static func read(_ request: Request, maxBytes: Int) async throws -> Data {
        var request = request
        let parts: [FormPart]
        do {
            let boundary = try MultipartForm.boundary(fromContentType: request.headers[.contentType] ?? "")
            let body = try await request.collectBody(upTo: maxBytes + 64 * 1024)
            var limits = MultipartLimits(maxFileBytes: maxBytes)
            limits.fileFieldNames = ["file"]
            parts = try MultipartForm.parse(Data(buffer: body), boundary: boundary, limits: limits)
        } catch let error as MultipartError {
            throw WebError.from(error)
        }
        guard let file = parts.first(where: { $0.name == "file" }), !file.body.isEmpty else {
            throw WebError.badRequest("No bundle was chosen.", hint: "Choose the ally's .fpshare file.")
        }
        return file.body
    }
}

/// Bundles previewed and not yet imported, by the hex SHA-256 of their bytes: the import button
/// names the digest, so exactly the previewed bytes are imported (after every check runs again).
/// A few are kept; the oldest is dropped first.
final class PendingBundles: Sendable {
    private let held = Mutex<[(digest: String, data: Data)]>([])
    static let capacity = 4

    func keep(_ data: Data) -> String {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        held.withLock { list in
            list.removeAll { $0.digest == digest }
            list.append((digest, data))
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
        return digest
    }

    func take(_ digest: String) -> Data? {
        held.withLock { list in
            guard let index = list.firstIndex(where: { $0.digest == digest }) else { return nil }
            return list.remove(at: index).data
        }
    }
}
