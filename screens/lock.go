package screens

import (
	"fmt"
	"kontor/screens/kit"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Preference of the idle lock: minutes without use before the window locks.
const (
	prefLockMinutes    = "lock.minutes"
	defaultLockMinutes = 10
)

// lockPollEvery is how often the idle lock looks at the focused widget and
// the clock; tests set 0 and call check themselves.
var lockPollEvery = 5 * time.Second

// idleLock locks the main window after a time without use and asks the
// signed-in user for their password again. The locked content stays in the
// window under an opaque cover, so an unsaved form comes back as it was.
//
// Fyne has no global input hook, so activity is noticed three ways:
//   - mouse: an empty layer under each window's content implements
//     desktop.Cursorable; the desktop driver asks every object under the
//     pointer for its cursor on each move, so the layer hears every move
//     without taking hover, taps or the cursor shape from the widgets above;
//   - keys nobody has focus for: the canvas' typed-key, typed-rune and
//     key-down hooks;
//   - typing into a focused entry: a poll of the focused widget's text and
//     cursor (and of which widget has focus).
type idleLock struct {
	gate    *gate
	now     func() time.Time
	last    time.Time
	windows []fyne.Window          // main window first, then e.g. settings
	seen    map[fyne.Window]string // focus fingerprint at the last check
	quit    chan struct{}

	locked bool
	screen *lockScreen
	menu   *fyne.MainMenu
	hidden []fyne.Window
}

func newIdleLock(g *gate) *idleLock {
	l := &idleLock{gate: g, now: g.deps.Clock().Now, seen: map[fyne.Window]string{}}
	l.last = l.now()
	return l
}

// limit is the idle time before locking; 0 means never.
func (l *idleLock) limit() time.Duration {
	m := l.gate.app.Preferences().IntWithFallback(prefLockMinutes, defaultLockMinutes)
	if m <= 0 {
		return 0
	}
	return time.Duration(m) * time.Minute
}

// touch records activity.
func (l *idleLock) touch() {
	if !l.locked {
		l.last = l.now()
	}
}

// wrap returns content with the activity layer under it and hooks w's keys.
func (l *idleLock) wrap(w fyne.Window, content fyne.CanvasObject) fyne.CanvasObject {
	if l == nil {
		return content
	}
	known := false
	for _, x := range l.windows {
		known = known || x == w
	}
	if !known {
		l.windows = append(l.windows, w)
	}
	c := w.Canvas()
	c.SetOnTypedKey(func(*fyne.KeyEvent) { l.touch() })
	c.SetOnTypedRune(func(rune) { l.touch() })
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { l.touch() })
	}
	return container.NewStack(newActivityLayer(l.touch), content)
}

// focusMoved records a focus the program set (not the user) so the next
// poll does not take it for activity.
func (l *idleLock) focusMoved(w fyne.Window) {
	if l != nil {
		l.seen[w] = focusPrint(w.Canvas().Focused())
	}
}

// forget stops watching a window that closed.
func (l *idleLock) forget(w fyne.Window) {
	for i, x := range l.windows {
		if x == w {
			l.windows = append(l.windows[:i], l.windows[i+1:]...)
			break
		}
	}
	delete(l.seen, w)
}

// start polls in the background until stop.
func (l *idleLock) start() {
	if lockPollEvery <= 0 {
		return
	}
	l.quit = make(chan struct{})
	kit.Every(lockPollEvery, l.quit, l.check)
}

// stop ends the polling and unhooks the windows.
func (l *idleLock) stop() {
	if l.quit != nil {
		close(l.quit)
		l.quit = nil
	}
	for _, w := range l.windows {
		c := w.Canvas()
		c.SetOnTypedKey(nil)
		c.SetOnTypedRune(nil)
		if dc, ok := c.(desktop.Canvas); ok {
			dc.SetOnKeyDown(nil)
		}
	}
	l.windows = nil
	l.locked = false
}

// check notices typing into the focused widget and locks once the window has
// been idle for the limit. It runs on the UI thread.
func (l *idleLock) check() {
	if l.locked {
		return
	}
	for _, w := range l.windows {
		if fp := focusPrint(w.Canvas().Focused()); fp != l.seen[w] {
			l.seen[w] = fp
			l.touch()
		}
	}
	if limit := l.limit(); limit > 0 && l.now().Sub(l.last) >= limit {
		l.lockNow()
	}
}

// lockNow covers the main window, hides the others and drops the main menu
// (a native menu would stay clickable under the cover).
func (l *idleLock) lockNow() {
	if l.locked || len(l.windows) == 0 {
		return
	}
	l.locked = true
	main := l.windows[0]
	l.menu = main.MainMenu()
	main.SetMainMenu(nil)
	l.hidden = append([]fyne.Window(nil), l.windows[1:]...)
	for _, w := range l.hidden {
		w.Hide()
	}
	l.screen = newLockScreen(l)
	main.Canvas().Overlays().Add(l.screen.buildUI())
	l.screen.focus()
}

// unlock removes the cover and brings back what was there.
func (l *idleLock) unlock() {
	if !l.locked {
		return
	}
	main := l.windows[0]
	main.Canvas().Overlays().Remove(l.screen.root)
	main.SetMainMenu(l.menu)
	for _, w := range l.hidden {
		w.Show()
	}
	l.hidden, l.screen, l.menu = nil, nil, nil
	l.locked = false
	l.touch()
}

// focusPrint identifies the focused widget and, for entries, their text and
// cursor, so the poll can tell that someone typed.
func focusPrint(f fyne.Focusable) string {
	switch e := f.(type) {
	case nil:
		return ""
	case *widget.Entry:
		return fmt.Sprintf("%p %d:%d %s", e, e.CursorRow, e.CursorColumn, e.Text)
	case *widget.SelectEntry:
		return fmt.Sprintf("%p %d:%d %s", e, e.CursorRow, e.CursorColumn, e.Text)
	case *kit.EscEntry:
		return focusPrint(&e.Entry)
	case *kit.NavEntry:
		return focusPrint(&e.Entry)
	}
	return fmt.Sprintf("%p", f)
}

// activityLayer is an empty widget under a window's content that hears every
// mouse move through the driver's cursor query (see idleLock).
type activityLayer struct {
	widget.BaseWidget
	touch func()
}

func newActivityLayer(touch func()) *activityLayer {
	a := &activityLayer{touch: touch}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer draws nothing.
func (a *activityLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Cursor records the move and leaves the cursor to the widgets above.
func (a *activityLayer) Cursor() desktop.Cursor {
	a.touch()
	return desktop.DefaultCursor
}
