package kittest

import (
	"context"
	"io"

	"kontor/app"
)

// The old renderer shapes of kit.Deps (PDF, Badge, Reports, Statements)
// over the one Printer, as main wires them, until no screen uses them.

type docRenderer struct{ p app.Printer }

func (r docRenderer) Document(w io.Writer, d app.SalesDoc, c app.Company) error {
	return r.p.Print(w, d, c)
}

func (r docRenderer) Batch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(done int)) error {
	return r.p.PrintAll(ctx, w, func() (app.Printable, error) {
		d, err := next()
		if err != nil {
			return nil, err
		}
		return d, nil
	}, c, progress)
}

func badgeRenderer(p app.Printer) func(w io.Writer, v app.Visit, c app.Company) error {
	return func(w io.Writer, v app.Visit, c app.Company) error { return p.Print(w, app.Badge{Visit: v}, c) }
}

type reportRenderer struct{ p app.Printer }

func (r reportRenderer) Report(w io.Writer, t app.ReportTable, c app.Company) error {
	return r.p.Print(w, t, c)
}

type statementRenderer struct{ p app.Printer }

func (r statementRenderer) Statement(w io.Writer, st app.Statement, c app.Company) error {
	return r.p.Print(w, st, c)
}

func (r statementRenderer) Combined(ctx context.Context, w io.Writer, next func() (app.Statement, error), c app.Company, progress func(done int)) error {
	return r.p.PrintAll(ctx, w, func() (app.Printable, error) {
		st, err := next()
		if err != nil {
			return nil, err
		}
		return st, nil
	}, c, progress)
}
