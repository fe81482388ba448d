package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// names lists the folder's files.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "FV2026-0001.pdf")
	hello := func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.4"); return err }
	if err := Write(dst, false, true, hello); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "%PDF-1.4" {
		t.Fatalf("wrote %q", b)
	}
	if err := Write(dst, false, true, hello); !errors.Is(err, ErrExists) {
		t.Fatalf("without replace: %v", err)
	}
	boom := errors.New("the renderer failed")
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
		want  error
	}{
		{"the renderer fails half way", func(w io.Writer) error { _, _ = io.WriteString(w, "%PDF-1."); return boom }, boom},
		{"nothing written", func(io.Writer) error { return nil }, ErrEmpty},
	} {
		if err := Write(dst, true, true, tc.write); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	// The file is the first run's, and no temp file is left.
	if got := names(t, dir); len(got) != 1 || got[0] != "FV2026-0001.pdf" {
		t.Fatalf("folder holds %v", got)
	}
	if b, _ := os.ReadFile(dst); string(b) != "%PDF-1.4" {
		t.Fatalf("the failed runs changed it: %q", b)
	}
}

func TestSweep(t *testing.T) {
	dir := t.TempDir()
	plant := func(name string, age time.Duration) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half a PDF"), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	const deadPID = 1 << 30                                                      // no system gives out a pid this high
	plant(fmt.Sprintf("%s%d-vypis.pdf-123", Prefix, deadPID), time.Minute)       // a killed run's
	plant(fmt.Sprintf("%s%d-vypis.pdf-124", Prefix, os.Getppid()), 25*time.Hour) // a day old: stale
	plant(fmt.Sprintf("%s%d-vypis.pdf-125", Prefix, os.Getppid()), time.Minute)  // a running process's
	plant(fmt.Sprintf("%s%d-vypis.pdf-126", Prefix, os.Getpid()), 48*time.Hour)  // this process's own
	plant(Prefix+"garbage", time.Minute)                                         // no pid: not ours to judge by pid
	plant("vypis.pdf", 48*time.Hour)                                             // not a temp file
	n, err := Sweep(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("%s%d-vypis.pdf-125", Prefix, os.Getppid()),
		fmt.Sprintf("%s%d-vypis.pdf-126", Prefix, os.Getpid()),
		"vypis.pdf",
	}
	sort.Strings(want)
	if got := names(t, dir); n != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("swept %d, left %v; want 3, %v", n, got, want)
	}
	if n, err := Sweep(filepath.Join(dir, "missing")); n != 0 || err != nil {
		t.Fatalf("a missing folder: %d %v", n, err)
	}
}

// TestCreateSweeps: the first temp file a process makes in a folder sweeps
// what a killed run left there.
func TestCreateSweeps(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, fmt.Sprintf("%s%d-FV2026-0001.pdf-9", Prefix, 1<<30))
	if err := os.WriteFile(stale, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "FV2026-0001.pdf"), true, false, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); len(got) != 1 || got[0] != "FV2026-0001.pdf" {
		t.Fatalf("folder holds %v", got)
	}
}
