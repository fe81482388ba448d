package cli

import (
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"kontor/app"
)

// hashLeaks counts command outputs that contained a password hash; any is a
// failure of the whole package, whichever test ran the command.
var hashLeaks atomic.Int64

func TestMain(m *testing.M) {
	// argon2id at its real cost takes tens of milliseconds per hash; the
	// tests hash hundreds of times and only need the same rules.
	app.PasswordCost.Time, app.PasswordCost.Memory, app.PasswordCost.Threads = 1, 64, 1
	code := m.Run()
	if n := hashLeaks.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d command output(s) contained a password hash ($argon2id)\n", n)
		code = 1
	}
	os.Exit(code)
}
