package kit

import (
	"time"

	"fyne.io/fyne/v2"
)

// Every runs f on the UI thread every interval until quit is closed; a tick
// that reaches the UI thread after quit was closed does nothing. A zero or
// negative interval runs nothing (tests drive the work themselves).
func Every(interval time.Duration, quit <-chan struct{}, f func()) {
	if interval <= 0 || noTickers {
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

// noTickers turns Every off (SetNoTickers).
var noTickers bool

// SetNoTickers makes Every run nothing, whatever the interval: tests drive
// periodic work (the idle lock, the Reception overview) themselves. Call it
// only from a TestMain (kittest.Setup does).
func SetNoTickers() { noTickers = true }
