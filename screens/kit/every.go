package kit

import (
	"time"

	"fyne.io/fyne/v2"
)

// Every runs f on the UI thread every interval until quit is closed; a tick
// that reaches the UI thread after quit was closed does nothing. A zero or
// negative interval runs nothing (tests drive the work themselves).
func Every(interval time.Duration, quit <-chan struct{}, f func()) {
	if interval <= 0 {
		return
	}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				fyne.Do(func() {
					select {
					case <-quit:
					default:
						f()
					}
				})
			}
		}
	}()
}
