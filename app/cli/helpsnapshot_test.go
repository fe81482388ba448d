package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateHelp = flag.Bool("update-help", false, "rewrite testdata/help.golden from the current output")

// helpLines are the command lines whose output TestHelpSnapshot keeps:
// every help, usage and "which one?" the command line prints. The list is
// written out (not taken from the commands) so a command that goes missing
// shows as a changed snapshot.
var helpLines = []string{
	"--help", "help", "frobnicate", "--nope",
	"demo --help", "check --help", "backup --help", "restore --help", "compact --help",
	"user", "user --help", "help user", "user frobnicate",
	"user add --help", "user list --help", "user passwd --help", "user disable --help", "user enable --help", "user roles --help",
	"list", "list --help", "list invoices --help", "help list invoices", "list stock --help", "list stock-docs --help", "list stocktakes --help",
	"import", "import --help", "import customers --help", "import bank --help", "import items --help",
	"export", "export --help", "export invoice --help", "export invoices --help", "export customers --help",
	"export items --help", "export stock-doc --help", "export stocktake-sheet --help", "export stock-doc",
	"export report --help", "export statement --help", "export vat-return --help", "export vat-control --help", "export eu-sales --help",
	"payroll", "payroll --help", "payroll run --help", "payroll run",
	"close-year --help", "version --help", "help --help", "help frobnicate", "help export nope",
	"check extra", "user add", "export invoice", "user roles jana",
}

// TestHelpSnapshot: what help and usage mistakes print, byte for byte,
// with exit codes (go test -run HelpSnapshot -update-help rewrites it).
func TestHelpSnapshot(t *testing.T) {
	te := newTestEnv(t)
	var b strings.Builder
	for _, line := range helpLines {
		code := te.run(strings.Fields(line)...)
		fmt.Fprintf(&b, "=== kontor %s\nexit %d\n--- stdout\n%s--- stderr\n%s", line, code, te.out.String(), te.err.String())
	}
	golden := filepath.Join("testdata", "help.golden")
	if *updateHelp {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("help output changed at line %d:\n got %q\nwant %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("help output changed: %d lines, want %d", len(gl), len(wl))
	}
	if len(te.opened) != 0 {
		t.Errorf("help opened %v", te.opened)
	}
}
