package kit

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// goid is the id of the calling goroutine (tests only: the "UI thread" check).
func goid() uint64 {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	n, _ := strconv.ParseUint(string(b[:bytes.IndexByte(b, ' ')]), 10, 64)
	return n
}

// uiLoop makes the test goroutine the UI thread: onUI queues functions that
// drain runs on it. It restores the real runners when the test ends.
type uiLoop struct {
	queue chan func()
	id    uint64
	work  sync.WaitGroup // goroutines spawned and not yet ended
}

func newUILoop(t *testing.T) *uiLoop {
	l := &uiLoop{queue: make(chan func(), 1024), id: goid()}
	oldSpawn, oldUI := spawn, onUI
	spawn = func(f func()) {
		l.work.Add(1)
		go func() {
			defer l.work.Done()
			f()
		}()
	}
	onUI = func(f func()) { l.queue <- f }
	t.Cleanup(func() {
		l.work.Wait()
		spawn, onUI = oldSpawn, oldUI
	})
	return l
}

// settle waits for every spawned goroutine and runs what they queued.
func (l *uiLoop) settle() {
	l.work.Wait()
	for len(l.queue) > 0 {
		(<-l.queue)()
	}
}

// drain runs queued functions on the test goroutine until done reports true.
func (l *uiLoop) drain(t *testing.T, done func() bool) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for !done() {
		select {
		case f := <-l.queue:
			f()
		case <-deadline:
			t.Fatal("calls did not finish")
		}
	}
}

// busyRecorder checks that Busy is only touched on the UI goroutine; its
// counters are plain ints so the race detector also sees a wrong thread.
type busyRecorder struct {
	t       *testing.T
	ui      uint64
	on, off int
}

func (b *busyRecorder) SetBusy(on bool) {
	if g := goid(); g != b.ui {
		b.t.Errorf("SetBusy(%v) on goroutine %d, not the UI goroutine %d", on, g, b.ui)
	}
	if on {
		b.on++
	} else {
		b.off++
	}
}

// TestCallRealGoroutines runs Call, Run and Job on real goroutines, with the
// test goroutine as the UI thread, under -race.
func TestCallRealGoroutines(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	w := test.NewWindow(nil)
	defer w.Close()
	l := newUILoop(t)

	sess := &Session{User: app.User{Name: "jana", Roles: []app.Role{app.RoleAdmin}}}
	d := Deps{Sess: sess}

	t.Run("200 calls: context taken on the UI thread, results on it", func(t *testing.T) {
		l.id = goid() // this subtest's goroutine is the UI thread
		const n = 200
		busy := &busyRecorder{t: t, ui: l.id}
		release := make(chan struct{})
		var started sync.WaitGroup
		started.Add(n)
		var got []string // appended by done: UI goroutine only
		var doneCalls int
		for i := 0; i < n; i++ {
			Call(d, To{Win: w, Busy: busy}, func(ctx context.Context) (string, error) {
				started.Done()
				<-release // every call is in flight before the session changes
				u, _ := app.UserFrom(ctx)
				return u.Name, nil
			}, func(name string) {
				if g := goid(); g != l.id {
					t.Errorf("done on goroutine %d", g)
				}
				got = append(got, name)
				doneCalls++
			})
		}
		// The user signs out and another signs in while the work runs: the
		// calls made before keep the user they were made as.
		sess.User = app.User{Name: "petr"}
		started.Wait()
		close(release)
		l.drain(t, func() bool { return doneCalls == n })
		for _, name := range got {
			if name != "jana" {
				t.Fatalf("work ran as %q, want the user at the time of the call", name)
			}
		}
		if busy.on != n || busy.off != n {
			t.Errorf("busy on %d off %d, want %d each", busy.on, busy.off, n)
		}
		sess.User = app.User{Name: "jana", Roles: []app.Role{app.RoleAdmin}}
	})

	t.Run("a field error marks the field, done is not called", func(t *testing.T) {
		l.id = goid() // this subtest's goroutine is the UI thread
		fs := NewFieldSet()
		fs.Entry("x", "X", "")
		busy := &busyRecorder{t: t, ui: l.id}
		finished, called := false, false
		Run(d, To{Win: w, Fields: fs, Busy: busy}, func(context.Context) error {
			return &app.Error{Code: app.EINVALID, Field: "x", Key: "err.test", Msg: "x is wrong"}
		}, func() { called = true })
		Run(d, To{}, func(context.Context) error { return nil }, func() { finished = true })
		l.drain(t, func() bool { return finished && busy.off == 1 })
		if called {
			t.Error("done ran after an error")
		}
		if msg := fs.Message("x"); msg != "x is wrong" {
			t.Errorf("field message %q", msg)
		}
		if w.Canvas().Overlays().Top() != nil {
			t.Error("a field error also opened a dialog")
		}
	})

	t.Run("another error goes to the window", func(t *testing.T) {
		l.id = goid() // this subtest's goroutine is the UI thread
		fs := NewFieldSet()
		fs.Entry("x", "X", "")
		called, finished := false, false
		Call(d, To{Win: w, Fields: fs}, func(context.Context) (int, error) {
			return 0, app.Errorf(app.ECONFLICT, "err.test.conflict", "somebody else changed it", nil)
		}, func(int) { called = true })
		Run(d, To{}, func(context.Context) error { return nil }, func() { finished = true })
		l.drain(t, func() bool { return finished && w.Canvas().Overlays().Top() != nil })
		if called {
			t.Error("done ran after an error")
		}
		if fs.Message("x") != "" {
			t.Errorf("the conflict was marked at a field: %q", fs.Message("x"))
		}
		for w.Canvas().Overlays().Top() != nil {
			w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
		}
	})

	t.Run("Job: progress on the UI thread, cancel stops it, reported once", func(t *testing.T) {
		l.id = goid() // this subtest's goroutine is the UI thread
		var steps atomic.Int32
		var progressed []int // UI goroutine only
		reports := 0
		var gotErr error
		started := make(chan struct{})
		cancel := Job(d, To{Busy: &busyRecorder{t: t, ui: l.id}}, func(ctx context.Context, progress func(int, int)) (int, error) {
			close(started)
			for i := 1; ; i++ {
				select {
				case <-ctx.Done():
					return int(steps.Load()), ctx.Err()
				default:
				}
				steps.Add(1)
				progress(i, 0)
				time.Sleep(time.Millisecond)
			}
		}, func(n, _ int) {
			if g := goid(); g != l.id {
				t.Errorf("progress on goroutine %d", g)
			}
			progressed = append(progressed, n)
		}, func(n int, err error) {
			reports++
			gotErr = err
		})
		<-started
		for steps.Load() < 5 {
			time.Sleep(time.Millisecond)
		}
		go cancel() // from any goroutine, any number of times
		cancel()
		l.drain(t, func() bool { return reports > 0 })
		cancel()
		l.settle() // anything still queued runs; no second report may come
		after := steps.Load()
		time.Sleep(20 * time.Millisecond)
		if steps.Load() != after {
			t.Error("the job went on after cancel")
		}
		if reports != 1 {
			t.Errorf("reported %d times", reports)
		}
		if !errors.Is(gotErr, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", gotErr)
		}
		if len(progressed) == 0 {
			t.Error("no progress reached the UI")
		}
	})

	t.Run("Stop before and during a job; a stale outcome is dropped", func(t *testing.T) {
		l.id = goid() // this subtest's goroutine is the UI thread
		early := &Stop{}
		early.Stop()
		var earlyErr error
		earlyDone := false
		Job(d, To{Stop: early}, func(ctx context.Context, _ func(int, int)) (int, error) {
			<-ctx.Done() // never returns unless the early Stop reached it
			return 0, ctx.Err()
		}, nil, func(_ int, err error) { earlyErr, earlyDone = err, true })

		stop := &Stop{}
		running := make(chan struct{})
		var lateErr error
		lateDone := false
		Job(d, To{Stop: stop}, func(ctx context.Context, _ func(int, int)) (int, error) {
			close(running)
			<-ctx.Done()
			return 0, nil // the job itself says nothing; Job reports the cancel
		}, nil, func(_ int, err error) { lateErr, lateDone = err, true })
		<-running
		go stop.Stop()

		gen := 1
		staleDone, staleErr := false, false
		Call(d, To{Err: func(error) { staleErr = true }, Stale: func() bool { return gen != 1 }}, func(context.Context) (int, error) {
			return 0, errors.New("old search failed")
		}, func(int) { staleDone = true })
		gen = 2 // a newer search started before the old one answered
		finished := false
		Run(d, To{}, func(context.Context) error { return nil }, func() { finished = true })

		l.drain(t, func() bool { return earlyDone && lateDone && finished })
		if !errors.Is(earlyErr, context.Canceled) || !errors.Is(lateErr, context.Canceled) {
			t.Errorf("early %v, late %v: want context.Canceled", earlyErr, lateErr)
		}
		if !stop.Stopped() {
			t.Error("Stopped is false after Stop")
		}
		l.settle()
		if staleDone || staleErr {
			t.Errorf("a stale outcome reached the screen: done %v, error %v", staleDone, staleErr)
		}
	})

	t.Run("ButtonsBusy disables only enabled buttons and restores them", func(t *testing.T) {
		l.id = goid() // this subtest's goroutine is the UI thread
		b1, b2 := widget.NewButton("a", nil), widget.NewButton("b", nil)
		b2.Disable()
		var during [2]bool
		finished := false
		Run(d, To{Busy: ButtonsBusy(b1, b2)}, func(context.Context) error { return nil }, func() {
			during = [2]bool{b1.Disabled(), b2.Disabled()}
			finished = true
		})
		if !b1.Disabled() {
			t.Error("b1 enabled while the call runs")
		}
		l.drain(t, func() bool { return finished })
		if during != [2]bool{false, true} || b1.Disabled() || !b2.Disabled() {
			t.Errorf("after the call: b1 disabled %v, b2 disabled %v", b1.Disabled(), b2.Disabled())
		}
	})
}
