package kit

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// To says where a call's outcome goes: an error that names a field of Fields
// is marked at that field, any other error is shown in a dialog on Win; Busy
// is marked while the call runs. Err, when set, gets every error instead
// (a screen that shows errors its own way). Stale, when set, is asked on the
// UI thread as the outcome arrives: true drops it (a newer search has
// started). Every part may be left out (a nil Win drops the error).
type To struct {
	Win    fyne.Window
	Fields *FieldSet
	Busy   Busy
	Err    func(error)
	Stale  func() bool
	// Stop, for a Job, is the handle a Cancel button stops it with: made
	// before the job starts, so it works however soon it is pressed.
	Stop *Stop
}

// Stop cancels the Job it is handed to (in To.Stop). Stop may be called
// before the job starts, while it runs or after it ended, from any
// goroutine, any number of times.
type Stop struct {
	mu      sync.Mutex
	stopped bool
	cancel  context.CancelFunc
}

// Stop cancels the job.
func (s *Stop) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped = true
	if s.cancel != nil {
		s.cancel()
	}
}

// Stopped reports whether Stop was called.
func (s *Stop) Stopped() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopped
}

func (s *Stop) attach(cancel context.CancelFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cancel = cancel
	if s.stopped {
		cancel()
	}
}

// Busy is something that shows work in progress: a form dialog disables its
// confirm button, ButtonsBusy disables buttons.
type Busy interface{ SetBusy(on bool) }

// spawn starts work off the UI thread; onUI hands a function back to it.
// SetInline replaces both for widget tests; the race test in call_test.go
// replaces onUI with a queue it drains itself.
var (
	spawn = func(f func()) { go f() }
	onUI  = fyne.Do
)

// SetInline makes Call, Run and Job run their work at once on the calling
// goroutine and hand the result back inline: Fyne's test driver runs fyne.Do
// inline, so a widget test sees the outcome as soon as the call returns.
// Only tests call it (kittest.Setup).
func SetInline() {
	spawn = func(f func()) { f() }
	onUI = func(f func()) { f() }
}

// Call runs work off the UI thread and hands its result back. It must be
// called on the UI thread: it takes d.Ctx() now (so a sign-out or another
// user's sign-in right after Call returns does not change whom the work runs
// as), marks to.Busy, runs work on a goroutine, and then, on the UI thread,
// clears Busy and calls done(v) on success, or routes the error to its field
// or to the window. done never runs after an error; it may be nil.
func Call[T any](d Deps, to To, work func(ctx context.Context) (T, error), done func(T)) {
	ctx := d.Ctx()
	to.busy(true)
	spawn(func() {
		v, err := work(ctx)
		onUI(func() {
			to.busy(false)
			if to.Stale != nil && to.Stale() {
				return
			}
			if err != nil {
				to.Fail(err)
				return
			}
			if done != nil {
				done(v)
			}
		})
	})
}

// Run is Call for work without a result.
func Run(d Deps, to To, work func(ctx context.Context) error, done func()) {
	Call(d, to, func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) }, func(struct{}) {
		if done != nil {
			done()
		}
	})
}

// Job is Call for long work that reports progress and can be cancelled.
// progress (may be nil) and done run on the UI thread; done gets the result
// and the error (context.Canceled after cancel) exactly once, and decides
// itself where the error goes. cancel stops the work's context; it may be
// called any number of times, from any goroutine. A Cancel button that may
// be pressed while the job runs uses to.Stop instead (made before the job,
// it also works when the job runs inline in a test).
func Job[T any](d Deps, to To, work func(ctx context.Context, progress func(done, total int)) (T, error),
	progress func(done, total int), done func(T, error)) (cancel func()) {
	ctx, stop := context.WithCancel(d.Ctx())
	if to.Stop != nil {
		to.Stop.attach(stop)
	}
	to.busy(true)
	report := func(n, total int) {
		if progress != nil {
			onUI(func() { progress(n, total) })
		}
	}
	spawn(func() {
		v, err := work(ctx, report)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		stop()
		onUI(func() {
			to.busy(false)
			if done != nil {
				done(v, err)
			}
		})
	})
	return stop
}

// Fail routes err as a call does: to Err if set, to its field when Fields
// has it, otherwise to a dialog on Win. A nil err does nothing.
func (to To) Fail(err error) {
	if err == nil {
		return
	}
	if to.Err != nil {
		to.Err(err)
		return
	}
	if to.Fields != nil {
		err = to.Fields.MarkAll(err)
	}
	if err != nil && to.Win != nil {
		ShowError(err, to.Win)
	}
}

func (to To) busy(on bool) {
	if to.Busy != nil {
		to.Busy.SetBusy(on)
	}
}

// ButtonsBusy disables buttons while a call runs and enables them again after
// it (only the ones that were enabled when it started).
func ButtonsBusy(buttons ...*widget.Button) Busy { return &buttonsBusy{buttons: buttons} }

type buttonsBusy struct {
	buttons  []*widget.Button
	disabled []*widget.Button
}

func (b *buttonsBusy) SetBusy(on bool) {
	if on {
		b.disabled = b.disabled[:0]
		for _, btn := range b.buttons {
			if btn != nil && !btn.Disabled() {
				btn.Disable()
				b.disabled = append(b.disabled, btn)
			}
		}
		return
	}
	for _, btn := range b.disabled {
		btn.Enable()
	}
	b.disabled = b.disabled[:0]
}

// BusyFunc adapts a function to Busy.
type BusyFunc func(on bool)

// SetBusy calls f.
func (f BusyFunc) SetBusy(on bool) { f(on) }

// DialogBusy shows d (a "please wait" dialog) while a call runs and hides it
// when the call is over.
func DialogBusy(d dialog.Dialog) Busy {
	return BusyFunc(func(on bool) {
		if on {
			d.Show()
		} else {
			d.Hide()
		}
	})
}
