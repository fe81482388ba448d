package pdf

import (
	"bytes"
	"context"
	"io"
	"time"

	"kontor/app"
)

// StatementRenderer prints customer statements:
// each in its customer's language (Statement.Lang, Czech when it names
// none), with the company's logo and base currency.
type StatementRenderer struct {
	// Created is the creation date written into the PDF; the zero time
	// means now. Tests fix it for byte-identical output.
	Created time.Time
}

func (s StatementRenderer) options(c app.Company) Options {
	created := s.Created
	if created.IsZero() {
		created = time.Now()
	}
	return Options{Lang: app.Czech, Logo: c.Logo, BaseCurrency: c.BaseCurrency, Created: created}
}

// statementLang is the language a statement is printed in.
func statementLang(st app.Statement) app.Lang {
	if st.Lang.Valid() {
		return st.Lang
	}
	return app.Czech
}

// Statement writes one statement as a PDF.
func (s StatementRenderer) Statement(w io.Writer, st app.Statement, c app.Company) error {
	opt := s.options(c)
	opt.Lang = statementLang(st)
	return RenderStatement(w, st, c, opt)
}

// Combined writes many statements into one PDF, pulling them one at a time
// from next until io.EOF. Like RenderBatch it draws a few statements at a
// time and streams them to w, so memory stays bounded whatever the number;
// each statement starts on a new page and counts its own pages; progress is
// called after each statement and ctx cancels between them. When it fails
// w holds a partial PDF: write to a temporary file and rename it on success.
// ErrNoDocuments when next yields none.
func (s StatementRenderer) Combined(ctx context.Context, w io.Writer, next func() (app.Statement, error), c app.Company, progress func(done int)) error {
	opt := s.options(c)
	weigh := func(st app.Statement) int {
		n := 0
		for _, sec := range st.Sections {
			n += len(sec.Lines) + len(sec.Open) + statementRows
		}
		return n
	}
	draw := func(ctx context.Context, sts []app.Statement) chunkResult {
		r := newRenderer(opt)
		setInfo(r.f, "Kontor", c.Name, "")
		for _, st := range sts {
			if err := ctx.Err(); err != nil {
				return chunkResult{err: cancelled(err)}
			}
			r.drawStatement(st, c, statementLang(st))
			if err := r.f.Error(); err != nil {
				return chunkResult{err: app.Internal("rendering the statement of "+st.Customer.Name, err)}
			}
		}
		var b bytes.Buffer
		if err := r.output(&b); err != nil {
			return chunkResult{err: err}
		}
		return chunkResult{pdf: b.Bytes(), n: len(sts)}
	}
	return streamChunks(ctx, w, next, weigh, draw, progress)
}

// statementRows is what a statement section's header, parties, aging and
// bank details weigh in table rows.
const statementRows = 30
