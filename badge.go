package main

import (
	"io"

	"kontor/app"
	"kontor/app/pdf"
)

// renderBadge prints a visitor badge for the screens, which may not import
// app/pdf (main wires it as screens.Deps.Badge): Czech with the English
// word beside it, the company's logo, the PDF dated now.
func renderBadge(w io.Writer, v app.Visit, c app.Company) error {
	return pdf.RenderBadge(w, v, c, pdfOptions(app.Czech, c))
}
