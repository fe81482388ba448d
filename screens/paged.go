package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pageLoader fetches limit rows from offset off the UI thread, with the
// number of rows of the whole list; a negative count leaves the count as it
// was, for lists that count in a call of their own.
type pageLoader[T any] func(ctx context.Context, offset, limit int) ([]T, int, error)

// pagedRows is the row cache behind a virtualised table over a paged service
// call: a page is asked for once, when a shown row needs it, and a page that
// arrives after a reload is dropped.
type pagedRows[T any] struct {
	size     int
	count    int  // rows the table shows
	updating bool // inside a table cell update, where Refresh must not recurse
	gen      int  // bumps on every reset; stale pages are dropped
	pages    map[int][]T
	pending  map[int]bool
	load     pageLoader[T] // of the current generation

	ctx    func() context.Context
	win    fyne.Window   // where a failed fetch is shown
	table  *widget.Table // refreshed when a page lands
	onPage func()        // optional, on the UI thread after a page landed
}

func newPagedRows[T any](size int, ctx func() context.Context, win fyne.Window) *pagedRows[T] {
	return &pagedRows[T]{size: size, ctx: ctx, win: win, pages: map[int][]T{}, pending: map[int]bool{}}
}

// reset drops the cached pages and makes load, built on the UI thread with
// the filter it captures, the loader of a new generation, which it returns.
func (p *pagedRows[T]) reset(load pageLoader[T]) int {
	p.gen++
	p.pages = map[int][]T{}
	p.pending = map[int]bool{}
	p.load = load
	return p.gen
}

// row returns the row at i, asking for its page when it is not cached.
func (p *pagedRows[T]) row(i int) (T, bool) {
	pg := i / p.size
	if _, ok := p.pages[pg]; !ok {
		p.fetch(pg)
	}
	if rows, ok := p.pages[pg]; ok && i-pg*p.size < len(rows) {
		return rows[i-pg*p.size], true
	}
	var zero T
	return zero, false
}

// fetch loads page pg off the UI thread unless it is on its way already.
func (p *pagedRows[T]) fetch(pg int) {
	if p.pending[pg] || p.load == nil {
		return
	}
	p.pending[pg] = true
	gen, load, ctx := p.gen, p.load, p.ctx()
	async(func() {
		rows, n, err := load(ctx, pg*p.size, p.size)
		fyne.Do(func() {
			if gen != p.gen {
				return
			}
			delete(p.pending, pg)
			if err != nil {
				showError(err, p.win)
				return
			}
			p.pages[pg] = rows
			if n >= 0 {
				p.count = n
			}
			if p.onPage != nil {
				p.onPage()
			}
			if !p.updating && p.table != nil {
				p.table.Refresh()
			}
		})
	})
}
