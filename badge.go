//go:build !nogui

package main

import (
	"io"

	"kontor/app"
)

// renderBadge prints a visitor badge for the screens (screens.Deps.Badge,
// until they take app.Printer): Czech with the English word beside it, the
// company's logo, the PDF dated now.
func renderBadge(w io.Writer, v app.Visit, c app.Company) error {
	return printer.Print(w, app.Badge{Visit: v}, c)
}
