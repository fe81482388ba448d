package kit

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pageLoader fetches limit rows from offset off the UI thread, with the
// number of rows of the whole list; a negative count leaves the count as it
// was, for lists that count in a call of their own.
type pageLoader[T any] func(ctx context.Context, offset, limit int) ([]T, int, error)

// PagedRows is the row cache behind a virtualised table over a paged service
// call: a page is asked for once, when a shown row needs it, and a page that
// arrives after a reload is dropped.
type PagedRows[T any] struct {
	size     int
	Count    int  // rows the table shows
	Updating bool // inside a table cell update, where Refresh must not recurse
	Gen      int  // bumps on every reset; stale pages are dropped
	Pages    map[int][]T
	pending  map[int]bool
	load     pageLoader[T] // of the current generation

	deps   Deps
	win    fyne.Window   // where a failed fetch is shown
	Table  *widget.Table // refreshed when a page lands
	OnPage func()        // optional, on the UI thread after a page landed
}

// NewPagedRows caches pages of size rows, fetched as d's signed-in user;
// a failed fetch is shown on win.
func NewPagedRows[T any](size int, d Deps, win fyne.Window) *PagedRows[T] {
	return &PagedRows[T]{size: size, deps: d, win: win, Pages: map[int][]T{}, pending: map[int]bool{}}
}

// Reset drops the cached pages and makes load, built on the UI thread with
// the filter it captures, the loader of a new generation, which it returns.
func (p *PagedRows[T]) Reset(load pageLoader[T]) int {
	p.Gen++
	p.Pages = map[int][]T{}
	p.pending = map[int]bool{}
	p.load = load
	return p.Gen
}

// Row returns the row at i, asking for its page when it is not cached.
func (p *PagedRows[T]) Row(i int) (T, bool) {
	pg := i / p.size
	if _, ok := p.Pages[pg]; !ok {
		p.Fetch(pg)
	}
	if rows, ok := p.Pages[pg]; ok && i-pg*p.size < len(rows) {
		return rows[i-pg*p.size], true
	}
	var zero T
	return zero, false
}

// Fetch loads page pg off the UI thread unless it is on its way already.
func (p *PagedRows[T]) Fetch(pg int) {
	if p.pending[pg] || p.load == nil {
		return
	}
	p.pending[pg] = true
	gen, load := p.Gen, p.load
	type page struct {
		rows []T
		n    int
	}
	stale := func() bool {
		if gen != p.Gen {
			return true
		}
		delete(p.pending, pg)
		return false
	}
	Call(p.deps, To{Win: p.win, Stale: stale}, func(ctx context.Context) (page, error) {
		rows, n, err := load(ctx, pg*p.size, p.size)
		return page{rows, n}, err
	}, func(r page) {
		p.Pages[pg] = r.rows
		if r.n >= 0 {
			p.Count = r.n
		}
		if p.OnPage != nil {
			p.OnPage()
		}
		if !p.Updating && p.Table != nil {
			p.Table.Refresh()
		}
	})
}
