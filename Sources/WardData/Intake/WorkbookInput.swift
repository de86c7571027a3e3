/// Excel workbooks (.xlsx) are recognised but not read yet: they are refused with a
/// message that names them and says how to save them.
enum WorkbookInput {
    static func prepare(_ file: InputFile, options: ReadOptions) throws(InputRejected) -> PreparedInput {
        throw InputPreparation.refusal(file, "this is an Excel workbook (.xlsx), which WardSPC does not read yet",
                                       hint: "in Excel use Save As and choose CSV UTF-8")
    }
}
