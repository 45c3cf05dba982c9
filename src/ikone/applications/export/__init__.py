"""The draft as a document: PDF (WeasyPrint) and DOCX (python-docx).

`content.build_export` reads a draft into an `ExportDocument` (plain data,
already formatted the German way); `pdf.render_pdf` and `word.render_docx`
turn that into bytes. The renderers never touch the database.
"""
