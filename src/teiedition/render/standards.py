"""The PDF standards teiedition produces (a module of its own so that the command line can
offer them without loading Typst and the PDF code)."""

#: PDF/A-3b embeds the TEI source, PDF/A-2b cannot; "none" is a plain PDF.
PDF_STANDARDS = ("a-3b", "a-2b", "none")
