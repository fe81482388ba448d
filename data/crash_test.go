package data

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"kontor/app"
)

// TestCrashHelperWriter is not a test on its own: run with KONTOR_CRASH_DB set,
// it posts entries in a loop until it is killed.
func TestCrashHelperWriter(t *testing.T) {
	path := os.Getenv("KONTOR_CRASH_DB")
	if path == "" {
		t.Skip("helper process for TestKilledWriterLeavesConsistentFile")
	}
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = os.Stdout.WriteString("writing\n")
	for i := 0; ; i++ {
		batch := []app.Entry{sale(app.D(2026, time.Month(1+i%12), 1+i%28)), sale(app.D(2026, 2, 2))}
		if err := s.PostEntries(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
}

// A process killed with SIGKILL in the middle of writing must leave a file
// that opens and passes Check: bbolt's commit is atomic, and so are our
// balances because they are written in the same transaction.
func TestKilledWriterLeavesConsistentFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a second process")
	}
	s, _ := MustCompany(t)
	path := s.Path()
	s.Close()
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelperWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KONTOR_CRASH_DB="+path)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 7)
		_, _ = out.Read(buf) // "writing": the helper holds the file and is posting
		if round == 0 {
			// Another process has the file: a clear error within 2 s, no hang.
			start := time.Now()
			_, err := Open(path, Options{NoAutoBackup: true})
			wantCode(t, err, app.EINUSE, "")
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("open while another process writes took %v", took)
			}
		}
		time.Sleep(time.Duration(150+100*round) * time.Millisecond)
		_ = cmd.Process.Kill() // SIGKILL: no deferred code, no clean close
		_ = cmd.Wait()

		st, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		n, _ := st.JournalCount(ctx, app.JournalFilter{})
		if n == 0 {
			t.Errorf("round %d: the helper wrote nothing before it was killed", round)
		}
		mustCheckClean(t, st)
		st.Close()
	}
}
