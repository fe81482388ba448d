package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseScriptRefuses: scripts/release.sh without a version, with a
// version that is not semantic, or on a work tree with changes not
// committed stops before building anything, says why, exits 2 and leaves
// no dist/ behind. It runs on a scratch Git repository holding the script,
// so the refusals do not depend on the state of this work tree.
func TestReleaseScriptRefuses(t *testing.T) {
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is missing", tool)
		}
	}
	script, err := os.ReadFile(filepath.Join("scripts", "release.sh"))
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	if err := os.MkdirAll(filepath.Join(repo, "scripts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "scripts", "release.sh"), script, 0o755); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.cz"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "release script")

	release := func(args ...string) (int, string) {
		t.Helper()
		cmd := exec.Command("bash", append([]string{filepath.Join(repo, "scripts", "release.sh")}, args...)...)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, string(out)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no version", nil, "no version given"},
		{"two numbers", []string{"1.2"}, `"1.2" is not a semantic version`},
		{"four numbers", []string{"1.2.3.4"}, `"1.2.3.4" is not a semantic version`},
		{"leading zero", []string{"1.02.3"}, "is not a semantic version"},
		{"words", []string{"příští"}, "is not a semantic version"},
		{"empty", []string{""}, "no version given"},
		{"beyond Windows Installer", []string{"300.1.0"}, "MAJOR and MINOR must be at most 255"},
		{"two versions", []string{"1.2.3", "1.2.4"}, "give one version"},
		{"unknown option", []string{"--sign", "1.2.3"}, "unknown option --sign"},
	}
	for _, c := range cases {
		code, out := release(c.args...)
		if code != 2 || !strings.Contains(out, c.want) {
			t.Errorf("%s: exit %d, said %q; want exit 2 and %q", c.name, code, out, c.want)
		}
	}

	if err := os.WriteFile(filepath.Join(repo, "notes.txt"), []byte("Poznámky k vydání"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out := release("1.2.3")
	if code != 2 || !strings.Contains(out, "changes not committed") || !strings.Contains(out, "notes.txt") {
		t.Errorf("dirty tree: exit %d, said %q; want exit 2, the reason and the file", code, out)
	}
	entries, err := os.ReadDir(repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), "dist") {
			t.Errorf("a refused release left %s behind", e.Name())
		}
	}
}
