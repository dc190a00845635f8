import FineprintShare
import FineprintStore
import Hummingbird

// How a refused bundle, key or adoption is shown: the check's code and its one-line message.

extension ShareError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        WebError(
            .unprocessableContent,
            title: "Refused (\(code))",
            message: description,
            hint: "Nothing was written. Check the file and the trust list (Admin › Sharing), then try again."
        )
    }
}

extension ShareLedgerError: WebErrorConvertible {
    func webError(uploadLimit: Int) -> WebError {
        WebError(.conflict, title: "Not changed", message: description, hint: "Nothing was written.")
    }
}
