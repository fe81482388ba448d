package mock

import (
	"context"
	"io"

	"kontor/app"
)

var _ app.Printer = (*Printer)(nil)

// Printer is an app.Printer.
type Printer struct {
	PrintFn    func(w io.Writer, doc app.Printable, c app.Company) error
	PrintAllFn func(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(done int)) error
}

// Print calls PrintFn.
func (p *Printer) Print(w io.Writer, doc app.Printable, c app.Company) error {
	return p.PrintFn(w, doc, c)
}

// PrintAll calls PrintAllFn.
func (p *Printer) PrintAll(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(done int)) error {
	return p.PrintAllFn(ctx, w, next, c, progress)
}
