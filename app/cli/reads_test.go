package cli

import (
	"strings"
	"testing"
)

// A command that only reads the store (list invoices, export invoice) opens
// it with OpenReads, which main gives without the daily backup; a command
// that writes still opens it with Open.
func TestReadCommandsOpenWithOpenReads(t *testing.T) {
	te, db := demoEnv(t)
	open := te.Open
	var reads []string
	te.OpenReads = func(path string) (Store, error) {
		reads = append(reads, path)
		return open(path)
	}
	if code := te.run("list", "invoices"); code != ExitOK {
		t.Fatalf("list invoices: exit %d, stderr %q", code, te.err.String())
	}
	if len(reads) != 1 || reads[0] != db.Path {
		t.Fatalf("list invoices opened %v with OpenReads, want [%s]", reads, db.Path)
	}
	if !strings.Contains(te.out.String(), "FV") {
		t.Errorf("list invoices shows no invoice:\n%s", te.out.String())
	}
	reads = nil
	te.run("check")
	if len(reads) != 0 {
		t.Errorf("check opened the store with OpenReads: %v", reads)
	}
}
