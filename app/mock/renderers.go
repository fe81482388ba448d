package mock

import (
	"context"
	"io"

	"kontor/app"
)

var (
	_ app.DocumentRenderer  = (*DocumentRenderer)(nil)
	_ app.StatementRenderer = (*StatementRenderer)(nil)
	_ app.ReportRenderer    = (*ReportRenderer)(nil)
)

// DocumentRenderer is an app.DocumentRenderer (until app.Printer replaces
// the renderers).
type DocumentRenderer struct {
	DocumentFn func(w io.Writer, d app.SalesDoc, c app.Company) error
	BatchFn    func(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(done int)) error
}

// Document calls DocumentFn.
func (r *DocumentRenderer) Document(w io.Writer, d app.SalesDoc, c app.Company) error {
	return r.DocumentFn(w, d, c)
}

// Batch calls BatchFn.
func (r *DocumentRenderer) Batch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(done int)) error {
	return r.BatchFn(ctx, w, next, c, progress)
}

// StatementRenderer is an app.StatementRenderer.
type StatementRenderer struct {
	StatementFn func(w io.Writer, st app.Statement, c app.Company) error
	CombinedFn  func(ctx context.Context, w io.Writer, next func() (app.Statement, error), c app.Company, progress func(done int)) error
}

// Statement calls StatementFn.
func (r *StatementRenderer) Statement(w io.Writer, st app.Statement, c app.Company) error {
	return r.StatementFn(w, st, c)
}

// Combined calls CombinedFn.
func (r *StatementRenderer) Combined(ctx context.Context, w io.Writer, next func() (app.Statement, error), c app.Company, progress func(done int)) error {
	return r.CombinedFn(ctx, w, next, c, progress)
}

// ReportRenderer is an app.ReportRenderer.
type ReportRenderer struct {
	ReportFn func(w io.Writer, r app.ReportTable, c app.Company) error
}

// Report calls ReportFn.
func (r *ReportRenderer) Report(w io.Writer, t app.ReportTable, c app.Company) error {
	return r.ReportFn(w, t, c)
}
