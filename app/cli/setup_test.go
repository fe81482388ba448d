package cli

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
)

// hashLeaks counts command outputs that contained a password hash; any is a
// failure of the whole package, whichever test ran the command.
var hashLeaks atomic.Int64

// demoBankFiles are the bank statement files the demo company of
// datatest.Demo made while it was built (once per test binary), by name.
var demoBankFiles = struct {
	sync.Mutex
	m map[string][]byte
}{m: map[string][]byte{}}

func TestMain(m *testing.M) {
	datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
		_, err := demo.Run(ctx, svc, demo.Options{BankFiles: func(name string, data []byte) error {
			demoBankFiles.Lock()
			defer demoBankFiles.Unlock()
			demoBankFiles.m[name] = append([]byte(nil), data...)
			return nil
		}}, demo.All()...)
		return demo.Admin, demo.Password, err
	})
	code := datatest.Main(m)
	if n := hashLeaks.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d command output(s) contained a password hash ($argon2id)\n", n)
		code = 1
	}
	os.Exit(code)
}
