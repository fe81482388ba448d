package pdf

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"sync"

	"kontor/app"
)

// A batch is drawn in chunks of a few documents, each chunk a PDF of its own
// made by the single-document path, and the chunks are stream-merged into
// the output as they come (merge.go). fpdf keeps every page it has drawn in
// memory until the file is written, and has no way to flush pages early, so
// a chunk bounds what it holds; a chunk rather than a single document
// because adding the fonts costs fpdf more than drawing a short invoice.
// Chunks are drawn on several cores at once and merged in order, so the
// output does not depend on the timing.
const (
	chunkDocs = 16  // documents in a chunk, at most
	chunkRows = 400 // and table rows, roughly two dozen pages
	docRows   = 12  // what a document's header, recap and totals weigh, in rows
)

// chunkResult is a drawn chunk: its PDF and how many documents it holds.
type chunkResult struct {
	pdf  []byte
	more [][]byte // further parts, merged after pdf (Printer.PrintAll)
	n    int
	err  error
}

// RenderBatch renders many documents into ONE PDF, pulling them one at a time
// from next (which returns io.EOF when there are no more); progress(done) is
// called after each, and ctx cancels between documents. Each document starts
// on a new page and counts its own pages ("Page 1 of 2").
//
// The PDF is streamed: the documents are drawn a few at a time and written to
// w as they are done, so memory stays the same whatever the size of the batch.
// It follows that when RenderBatch fails — cancelled, next failing — w has
// received the start of a PDF without its end: write to a temporary file and
// rename it on success. Nothing is written when there are no documents
// (ErrNoDocuments).
func RenderBatch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), opt Options, progress func(done int)) error {
	weigh := func(d app.SalesDoc) int { return len(d.Lines) + docRows }
	draw := func(ctx context.Context, docs []app.SalesDoc) chunkResult { return renderChunk(ctx, docs, opt) }
	return streamChunks(ctx, w, next, weigh, draw, progress)
}

// streamChunks is the pipeline of a batch: it pulls items from next into
// chunks (at most chunkDocs items, about chunkRows rows as weigh counts
// them), has draw make each chunk's PDF on a few cores at once, and merges
// the chunks into w in order as they come, calling progress after each item.
// ErrNoDocuments when next yields nothing.
func streamChunks[T any](ctx context.Context, w io.Writer, next func() (T, error), weigh func(T) int,
	draw func(context.Context, []T) chunkResult, progress func(done int)) error {
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4)
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { stop(); wg.Wait() }()

	m := newMerger(w)
	// At most one chunk per core is drawn or waits to be merged: one more
	// would keep the cores busier while a chunk merges (some 10 % faster)
	// but hold another fpdf with its parsed fonts.
	var pending []chan chunkResult // chunks being drawn, in order
	eof := false
	done := 0
	for {
		for !eof && len(pending) < workers {
			items, last, err := gather(ctx, next, weigh)
			if err != nil {
				return err
			}
			eof = last
			if len(items) == 0 {
				break
			}
			ch := make(chan chunkResult, 1)
			pending = append(pending, ch)
			wg.Add(1)
			go func() {
				defer wg.Done()
				var res chunkResult
				func() {
					// A panic in a goroutine would end the process.
					defer recoverPanic("rendering a batch", &res.err)
					res = draw(wctx, items)
				}()
				ch <- res
			}()
		}
		if len(pending) == 0 {
			break
		}
		var res chunkResult
		select {
		case res = <-pending[0]:
		case <-ctx.Done():
			return cancelled(ctx.Err())
		}
		pending = pending[1:]
		if err := ctx.Err(); err != nil {
			return cancelled(err)
		}
		if res.err != nil {
			return res.err
		}
		for _, part := range append([][]byte{res.pdf}, res.more...) {
			if err := m.add(part); err != nil {
				return app.Internal("writing the PDF", err)
			}
		}
		for range res.n {
			done++
			if progress != nil {
				progress(done)
			}
		}
	}
	if done == 0 {
		return ErrNoDocuments
	}
	if err := m.finish(); err != nil {
		return app.Internal("writing the PDF", err)
	}
	return nil
}

func cancelled(err error) error {
	return &app.Error{Code: app.ECONFLICT, Key: "err.cancelled", Msg: "cancelled", Err: err}
}

// gather pulls the items of the next chunk; last reports that next has no
// more. ctx is checked before each pull.
func gather[T any](ctx context.Context, next func() (T, error), weigh func(T) int) (items []T, last bool, err error) {
	rows := 0
	for len(items) < chunkDocs && rows < chunkRows {
		if err := ctx.Err(); err != nil {
			return nil, false, cancelled(err)
		}
		d, err := next()
		if err == io.EOF {
			return items, true, nil
		}
		if err != nil {
			return nil, false, err
		}
		items = append(items, d)
		rows += weigh(d)
	}
	return items, false, nil
}

// renderChunk draws docs into one PDF.
func renderChunk(ctx context.Context, docs []app.SalesDoc, opt Options) chunkResult {
	r := newRenderer(opt)
	setInfo(r.f, "Kontor", "", "")
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return chunkResult{err: cancelled(err)}
		}
		r.document(d)
		if err := r.f.Error(); err != nil {
			return chunkResult{err: app.Internal("rendering document "+d.Number, err)}
		}
	}
	var b bytes.Buffer
	if err := r.output(&b); err != nil {
		return chunkResult{err: err}
	}
	return chunkResult{pdf: b.Bytes(), n: len(docs)}
}
