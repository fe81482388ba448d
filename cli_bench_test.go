package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/cli"
	"kontor/app/demo"
	"kontor/data"
)

// The command line's start-up, measured in process (run, as main calls it)
// and as the "nogui" binary a script runs. Passwords are hashed and
// verified at the production cost (app.DefaultPasswordCost), whatever the
// test binary's TestMain set.

// benchDemo makes the demo company (scale 1) in dir with production
// password hashes and returns its path and the number of an issued invoice.
func benchDemo(b *testing.B, dir string) (path, invoice string) {
	b.Helper()
	saved := app.PasswordCost
	app.PasswordCost = app.DefaultPasswordCost
	defer func() { app.PasswordCost = saved }()
	path = filepath.Join(dir, "demo.db")
	s, err := data.Open(path, data.Options{NoSync: true, NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := demo.Run(ctx, s.Services(), demo.Options{BankFiles: func(string, []byte) error { return nil }}, demoSteps()...); err != nil {
		b.Fatal(err)
	}
	admin, err := s.Authenticate(ctx, demo.Admin, demo.Password)
	if err != nil {
		b.Fatal(err)
	}
	docs, _, err := s.Documents(app.WithUser(ctx, admin), app.DocFilter{Kind: app.KindInvoice}, 0, 1)
	if err != nil || len(docs) == 0 {
		b.Fatalf("no invoice in the demo: %v", err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	// A file as "kontor demo" leaves it: compacted.
	if _, _, err := data.CompactFile(path); err != nil {
		b.Fatal(err)
	}
	return path, docs[0].Number
}

// quietStdout sends the process's standard output to /dev/null until the
// benchmark ends.
func quietStdout(b *testing.B) {
	b.Helper()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = null
	b.Cleanup(func() { os.Stdout = saved; null.Close() })
}

// signInAs sets the user and password the CLI signs in with.
func signInAs(b *testing.B) {
	b.Setenv(cli.EnvUser, demo.Admin)
	b.Setenv(cli.EnvPassword, demo.Password)
	saved := app.PasswordCost
	app.PasswordCost = app.DefaultPasswordCost
	b.Cleanup(func() { app.PasswordCost = saved })
}

// BenchmarkCLIVersion is "kontor version" in process.
func BenchmarkCLIVersion(b *testing.B) {
	quietStdout(b)
	for i := 0; i < b.N; i++ {
		if code := run([]string{"version"}); code != cli.ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkCLIExportInvoice is a signed-in "kontor export invoice NUMBER"
// of the demo company in process: open, argon2id verification, the login's
// audit entry, the PDF, close. The first open of the day makes the daily
// backup: the timer starts after it.
func BenchmarkCLIExportInvoice(b *testing.B) {
	dir := b.TempDir()
	path, number := benchDemo(b, dir)
	out := filepath.Join(dir, "invoice.pdf")
	quietStdout(b)
	signInAs(b)
	args := []string{"export", "invoice", number, "--out", out, "--force", "--db", path}
	if code := run(args); code != cli.ExitOK {
		b.Fatalf("exit %d", code)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := run(args); code != cli.ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.StopTimer()
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10_000 {
		b.Fatalf("the PDF: %v", err)
	}
}

// nogui is the command-line binary ("go build -tags nogui", no cgo), built
// once per test binary into the user's cache directory (where the next
// build replaces it).
var nogui struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

func noguiBinary(b *testing.B) string {
	b.Helper()
	nogui.once.Do(func() {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		dir := filepath.Join(cache, "kontor-bench")
		if nogui.err = os.MkdirAll(dir, 0o755); nogui.err != nil {
			return
		}
		nogui.path = filepath.Join(dir, "kontor-nogui")
		cmd := exec.Command("go", "build", "-tags", "nogui", "-o", nogui.path, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		nogui.out, nogui.err = cmd.CombinedOutput()
	})
	if nogui.err != nil {
		b.Fatalf("go build -tags nogui: %v\n%s", nogui.err, nogui.out)
	}
	return nogui.path
}

// execBench runs the binary with args b.N times, reporting the CPU time
// (user + system) per run beside the wall time.
func execBench(b *testing.B, bin string, env []string, args ...string) {
	b.Helper()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %v\n%s", args, err, out)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkExecVersion runs "kontor version" of the nogui binary.
func BenchmarkExecVersion(b *testing.B) {
	bin := noguiBinary(b)
	b.ResetTimer()
	execBench(b, bin, os.Environ(), "version")
}

// BenchmarkExecExportInvoice runs a signed-in "kontor export invoice" of the
// nogui binary on the demo company (the first run, which makes the day's
// backup, is not timed).
func BenchmarkExecExportInvoice(b *testing.B) {
	bin := noguiBinary(b)
	dir := b.TempDir()
	path, number := benchDemo(b, dir)
	env := append(os.Environ(), cli.EnvUser+"="+demo.Admin, cli.EnvPassword+"="+demo.Password)
	args := []string{"export", "invoice", number, "--out", filepath.Join(dir, "invoice.pdf"), "--force", "--db", path}
	execBench(b, bin, env, args...)
	b.ResetTimer()
	execBench(b, bin, env, args...)
}
