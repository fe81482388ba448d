package cli

import (
	"slices"
	"strings"
	"testing"

	"kontor/app"
)

// TestCommandsHavePermissions: every command names a permission the app
// knows, or is marked as signing nobody in (and then names none).
func TestCommandsHavePermissions(t *testing.T) {
	for _, c := range allCommands() {
		switch {
		case c.NoSignIn && c.Perm != "":
			t.Errorf("%s signs nobody in but needs %q", c.Path, c.Perm)
		case !c.NoSignIn && !app.Known(c.Perm):
			t.Errorf("%s: permission %q is not one the app knows", c.Path, c.Perm)
		}
	}
}

// TestCommandsReachable: each command of each module list is run by its
// path (its --help answers with its own usage), the paths are unique, and
// every group has a head help shows.
func TestCommandsReachable(t *testing.T) {
	te := newTestEnv(t)
	seen := map[string]bool{}
	for _, c := range allCommands() {
		if seen[c.Path] {
			t.Errorf("%s is listed twice", c.Path)
		}
		seen[c.Path] = true
		if g := c.Group(); g != "" {
			if _, ok := groups[g]; !ok {
				t.Errorf("%s: group %q has no head", c.Path, g)
			}
		}
		if c.setup == nil || c.Summary == "" || c.Order == 0 {
			t.Errorf("%s: setup, summary or order missing", c.Path)
		}
		if code := te.run(append(strings.Fields(c.Path), "--help")...); code != ExitOK || !strings.HasPrefix(te.out.String(), "Usage: kontor "+c.Path+" ") {
			t.Errorf("%s --help: exit %d, %q", c.Path, code, te.out.String())
		}
	}
	// The module lists are what main composes: nothing in two of them.
	n := 0
	for _, l := range [][]Command{Core(), Reception(), Sales(), Accounts(), Payables(), Warehouse(), Payroll(), AfterSales()} {
		n += len(l)
	}
	if n != len(seen) || len(seen) != 41 {
		t.Errorf("%d commands in the lists, %d distinct; want 41", n, len(seen))
	}
}

// TestCommandsCoreAlone: an Env without Commands has the core commands
// (the modules' are unknown), in help's order.
func TestCommandsCoreAlone(t *testing.T) {
	te := newTestEnv(t)
	te.Commands = nil
	if code := te.run("export", "invoice", "X"); code != ExitUsage || !strings.Contains(te.err.String(), `unknown command "export"`) {
		t.Errorf("export without the sales commands: exit %d %q", code, te.err.String())
	}
	var names []string
	for _, c := range tree(Core()) {
		names = append(names, c.name)
	}
	if want := []string{"demo", "check", "backup", "restore", "compact", "user", "version", "help"}; !slices.Equal(names, want) {
		t.Errorf("core commands %v, want %v", names, want)
	}
}
