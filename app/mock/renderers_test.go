package mock_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"kontor/app"
	"kontor/app/mock"
)

// TestRenderersCallTheirFuncs: each renderer method hands its arguments to
// its Fn and returns what the Fn returns.
func TestRenderersCallTheirFuncs(t *testing.T) {
	boom := errors.New("printer on fire")
	co := app.Company{Name: "Truhlářství Novák s.r.o."}
	var got []string
	docs := &mock.DocumentRenderer{
		DocumentFn: func(w io.Writer, d app.SalesDoc, c app.Company) error {
			got = append(got, "doc "+d.Number+" "+c.Name)
			_, err := io.WriteString(w, "%PDF")
			return err
		},
		BatchFn: func(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(int)) error {
			d, err := next()
			got = append(got, "batch "+d.Number)
			progress(1)
			if err != nil {
				return err
			}
			return boom
		},
	}
	var buf bytes.Buffer
	var r app.DocumentRenderer = docs
	if err := r.Document(&buf, app.SalesDoc{Number: "FV2026-0001"}, co); err != nil || buf.String() != "%PDF" {
		t.Errorf("Document: %v %q", err, buf.String())
	}
	done := 0
	if err := r.Batch(context.Background(), &buf, func() (app.SalesDoc, error) { return app.SalesDoc{Number: "FV2026-0002"}, nil }, co, func(n int) { done = n }); err != boom || done != 1 {
		t.Errorf("Batch: %v, progress %d", err, done)
	}

	var s app.StatementRenderer = &mock.StatementRenderer{
		StatementFn: func(_ io.Writer, st app.Statement, _ app.Company) error {
			got = append(got, "statement "+st.Customer.Name)
			return nil
		},
		CombinedFn: func(_ context.Context, _ io.Writer, next func() (app.Statement, error), _ app.Company, _ func(int)) error {
			st, _ := next()
			got = append(got, "combined "+st.Customer.Name)
			return boom
		},
	}
	if err := s.Statement(&buf, app.Statement{Customer: app.Party{Name: "Alfa"}}, co); err != nil {
		t.Error(err)
	}
	if err := s.Combined(context.Background(), &buf, func() (app.Statement, error) { return app.Statement{Customer: app.Party{Name: "Beta"}}, nil }, co, nil); err != boom {
		t.Errorf("Combined: %v", err)
	}

	var rep app.ReportRenderer = &mock.ReportRenderer{ReportFn: func(_ io.Writer, tb app.ReportTable, _ app.Company) error {
		got = append(got, "report "+tb.Title)
		return boom
	}}
	if err := rep.Report(&buf, app.ReportTable{Title: "Rozvaha"}, co); err != boom {
		t.Errorf("Report: %v", err)
	}
	want := "doc FV2026-0001 Truhlářství Novák s.r.o.|batch FV2026-0002|statement Alfa|combined Beta|report Rozvaha"
	if g := join(got); g != want {
		t.Errorf("calls %s\nwant  %s", g, want)
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "|"
		}
		out += s
	}
	return out
}
