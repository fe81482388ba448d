package datatest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"kontor/app"
	"kontor/data"
)

// Main lowers the cost of password hashing (tests need the rules, not the
// brute-force resistance), runs the tests and removes what the package's
// tests left in the shared directory (the demo file). It builds nothing
// itself. Call it from TestMain: os.Exit(datatest.Main(m)).
func Main(m *testing.M) int {
	app.PasswordCost.Time, app.PasswordCost.Memory, app.PasswordCost.Threads = 1, 64, 1
	shared.mu.Lock()
	shared.main = true
	shared.mu.Unlock()
	code := m.Run()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.dir != "" {
		_ = os.RemoveAll(shared.dir)
		shared.dir = ""
	}
	return code
}

// DemoBuilder makes the demo company in an empty store and returns its
// admin's name and password.
type DemoBuilder func(ctx context.Context, svc app.Services) (admin, password string, err error)

// SetDemoBuilder says how the Demo option builds the demo company. The demo
// lives in app/cli today, whose own tests use datatest, so datatest cannot
// import it; each test binary that uses Demo sets it in TestMain, before
// Main:
//
//	datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
//		_, err := demo.Run(ctx, svc, demo.Options{}, demo.All()...)
//		return demo.Admin, demo.Password, err
//	})
//
// Once the demo has its own package (issue 11, WP6) datatest builds it
// itself and this goes.
func SetDemoBuilder(b DemoBuilder) {
	shared.mu.Lock()
	shared.builder = b
	shared.mu.Unlock()
}

// shared is what the tests of one binary share: the directory of the demo
// file and the demo, built at most once.
var shared struct {
	mu      sync.Mutex
	main    bool
	dir     string
	builder DemoBuilder

	demoOnce             sync.Once
	demoPath             string
	demoAdmin, demoPassw string
	demoErr              error
}

// demoFile returns the path of the demo company's file, building it the
// first time: the builder on an empty store at DefaultNow, then compacted.
// Tests copy it; nobody writes to it.
func demoFile() (path, admin, password string, err error) {
	shared.demoOnce.Do(func() {
		shared.demoErr = buildDemo()
	})
	return shared.demoPath, shared.demoAdmin, shared.demoPassw, shared.demoErr
}

func buildDemo() error {
	shared.mu.Lock()
	build, inMain := shared.builder, shared.main
	if inMain && shared.dir == "" {
		dir, err := os.MkdirTemp("", "kontor-datatest-")
		if err != nil {
			shared.mu.Unlock()
			return err
		}
		shared.dir = dir
	}
	dir := shared.dir
	shared.mu.Unlock()
	if !inMain {
		return errors.New("call datatest.Main from the package's TestMain (it removes the demo file)")
	}
	if build == nil {
		return errors.New("no demo builder: call datatest.SetDemoBuilder in TestMain")
	}
	path := filepath.Join(dir, "demo.db")
	s, err := data.Open(path, data.Options{Clock: app.NewFixedClock(DefaultNow), NoSync: true, NoAutoBackup: true})
	if err != nil {
		return err
	}
	admin, password, err := build(context.Background(), s.Services())
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if _, _, err := data.CompactFile(path); err != nil {
		return err
	}
	shared.demoPath, shared.demoAdmin, shared.demoPassw = path, admin, password
	return nil
}
