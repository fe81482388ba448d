package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/app/atomicfile"
	"kontor/app/cli"
	"kontor/app/demo"
)

// TestHelperKontor is not a test: the end-to-end tests below start this
// test binary with KONTOR_HELPER=1 and the command line after "--", and it
// runs as the kontor binary does (run: the signal handling, the real store,
// the real PDFs), so they can send it signals.
func TestHelperKontor(t *testing.T) {
	if os.Getenv("KONTOR_HELPER") != "1" {
		t.Skip("started as the kontor binary by TestSIGTERMLeavesNoLitter")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(args))
}

// kontorProcess starts the kontor binary (this test binary as
// TestHelperKontor) with args, signed in as the demo's administrator.
func kontorProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperKontor$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "KONTOR_HELPER=1", cli.EnvUser+"="+demo.Admin, cli.EnvPassword+"="+demo.Password)
	return cmd
}

// litter lists what an interrupted run must not leave under dir: temp
// files (Kontor's own, or the .part files of before), empty files.
func litter(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), atomicfile.Prefix) || strings.HasSuffix(d.Name(), ".part") || info.Size() == 0 {
			out = append(out, fmt.Sprintf("%s (%d bytes)", path, info.Size()))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSIGTERMLeavesNoLitter starts the binary exporting the demo's
// documents — as one combined PDF and as a folder of PDFs — and sends it
// SIGTERM in the middle, as a shutdown or a service manager does. It must
// stop like after Ctrl-C: exit 130, say it was cancelled, and leave no temp
// file, no .part and no empty or half-written PDF. Then the next export into
// the folder sweeps the temp file a killed run (kill -9) left there.
func TestSIGTERMLeavesNoLitter(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no SIGTERM to send")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	if code, out, errs := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	outDir := filepath.Join(dir, "export")
	period := []string{"--from", "2000-01-01", "--to", app.DateOf(time.Now()).String()}
	for _, dst := range []string{filepath.Join(outDir, "doklady.pdf"), filepath.Join(outDir, "doklady")} {
		t.Run(filepath.Base(dst), func(t *testing.T) {
			cmd := kontorProcess(t, append([]string{"export", "invoices", "--db", db, "--out", dst}, period...)...)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until it is well into the batch, then SIGTERM.
			var said strings.Builder
			sc := bufio.NewScanner(stderr)
			signalled := false
			for sc.Scan() {
				said.WriteString(sc.Text() + "\n")
				if !signalled && strings.Contains(sc.Text(), " % (") {
					if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
						t.Fatal(err)
					}
					signalled = true
				}
			}
			err = cmd.Wait()
			var exit *exec.ExitError
			if !signalled || !errors.As(err, &exit) || exit.ExitCode() != cli.ExitInterrupted || !strings.Contains(said.String(), "cancelled") {
				t.Fatalf("signalled %v, exit %v, want %d and “cancelled”:\n%s", signalled, err, cli.ExitInterrupted, said.String())
			}
			if left := litter(t, dir); len(left) > 0 {
				t.Errorf("SIGTERM left %v", left)
			}
			var pdfs []string
			_ = filepath.WalkDir(outDir, func(path string, d fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(path, ".pdf") {
					pdfs = append(pdfs, path)
				}
				return nil
			})
			if len(pdfs) > 0 {
				t.Errorf("an interrupted export left %d PDFs (%v…)", len(pdfs), pdfs[0])
			}
		})
	}

	// A run killed outright (kill -9) cannot clean up: its temp file stays
	// until the next export into the folder sweeps it.
	stale := filepath.Join(outDir, fmt.Sprintf("%s%d-doklady.pdf-4711", atomicfile.Prefix, 1<<30))
	if err := os.WriteFile(stale, []byte("%PDF-1.4 half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if left := litter(t, dir); len(left) != 1 {
		t.Fatalf("planted %v", left)
	}
	out, err := kontorProcess(t, append([]string{"export", "invoices", "--db", db, "--out", filepath.Join(outDir, "doklady.pdf")}, period...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("the next export: %v\n%s", err, out)
	}
	if left := litter(t, dir); len(left) > 0 {
		t.Errorf("the next export did not sweep %v", left)
	}
	if fi, err := os.Stat(filepath.Join(outDir, "doklady.pdf")); err != nil || fi.Size() < 10_000 {
		t.Errorf("the export: %v %v", fi, err)
	}
}

// quitRecorder is an app whose Quit is observed.
type quitRecorder struct {
	fyne.App
	quit chan struct{}
}

func (q quitRecorder) Quit() { close(q.quit) }

// TestSignalQuitsGUI: the signal's context quits the window (a.Run returns,
// the store is closed by runGUI's defer); once the app has ended, a late
// signal does nothing.
func TestSignalQuitsGUI(t *testing.T) {
	q := quitRecorder{App: test.NewTempApp(t), quit: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer quitOn(ctx, q)()
	cancel()
	select {
	case <-q.quit:
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not quit the app")
	}
	late := quitRecorder{App: q.App, quit: make(chan struct{})}
	ctx2, cancel2 := context.WithCancel(context.Background())
	quitOn(ctx2, late)()
	cancel2()
	select {
	case <-late.quit:
		t.Fatal("a signal after the app ended quit it again")
	case <-time.After(100 * time.Millisecond):
	}
}
