import Testing
@testable import WardSPCServer

@Suite struct MultipartFormTests {
    @Test func boundary_fromContentType_plainOrQuoted() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc123") == "abc123")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data;boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=") == nil)
    }

    @Test func parse_fieldsAndFiles_keepsBytesExactly() throws {
        let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"chart\"\r\n\r\nu\r\n--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".csv\"\r\nContent-Type: text/csv\r\n\r\ntrust,ward\r\n--Xy\r\n\r\n--XyZ--\r\n".utf8)
        let form = try MultipartForm.parse(body, boundary: "XyZ")
        #expect(form.parts.count == 2)
        #expect(form.part("chart")?.text == "u")
        #expect(form.part("chart")?.filename == nil)
        #expect(form.part("file")?.filename == "a \"b\".csv")
        #expect(form.part("file")?.text == "trust,ward\r\n--Xy\r\n")
    }

    @Test func parse_emptyFilePart_isAnEmptyPart() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--b--".utf8)
        let form = try MultipartForm.parse(body, boundary: "b")
        #expect(form.part("file")?.bytes.isEmpty == true)
        #expect(form.part("file")?.filename == "")
    }

    @Test func parse_truncatedOrBroken_isRefused() {
        let truncated = Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\ntrust,ward\n1,2\n".utf8)
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm.parse(truncated, boundary: "b") }
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm.parse(Array("no boundary here".utf8), boundary: "b") }
        let noName = Array("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--".utf8)
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm.parse(noName, boundary: "b") }
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm.parse([], boundary: "b") }
    }
}
