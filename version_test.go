package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"kontor/data"
)

// TestBuildInfoFrom: the commit, its date and "uncommitted changes" come
// from Go's build information; without it every line says "unknown".
func TestBuildInfoFrom(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-12-05T11:57:36Z"},
		{Key: "vcs.modified", Value: "false"},
	}}
	got := buildInfoFrom(bi, "1.4.2").details()
	want := []string{
		"commit:          0123456789ab",
		"built:           2026-12-05 11:57 UTC",
		fmt.Sprintf("database schema: %d", data.SchemaVersion()),
	}
	if !equalPrefix(got, want) || !strings.HasPrefix(got[3], "go:              go1.26.8 ") {
		t.Errorf("details:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	bi.Settings[3].Value = "true"
	if b := buildInfoFrom(bi, "1.4.2"); b.commitText() != "0123456789ab (with uncommitted changes)" {
		t.Errorf("modified tree: %q", b.commitText())
	}

	b := buildInfoFrom(nil, "")
	if b.Version != "dev" || b.commitText() != "unknown" || b.dateText() != "unknown" || b.Schema != data.SchemaVersion() {
		t.Errorf("no build info: %+v", b)
	}
	if b := buildInfoFrom(&debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.time", Value: "yesterday"}}}, "1.0.0"); b.dateText() != "unknown" {
		t.Errorf("unreadable vcs.time: %q", b.dateText())
	}
}

func equalPrefix(got, want []string) bool {
	if len(got) < len(want) {
		return false
	}
	for i := range want {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

// TestVersionCommand: "kontor version" prints the version, then the commit,
// the build date and the schema this build writes.
func TestVersionCommand(t *testing.T) {
	code, out, errs := runCLI(t, "version")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || errs != "" || len(lines) != 5 || lines[0] != "kontor "+version {
		t.Fatalf("version: exit %d\n%s\nstderr %q", code, out, errs)
	}
	if want := fmt.Sprintf("database schema: %d", data.SchemaVersion()); lines[3] != want {
		t.Errorf("line 4 %q, want %q", lines[3], want)
	}
	if !strings.HasPrefix(lines[1], "commit: ") || !strings.HasPrefix(lines[2], "built: ") {
		t.Errorf("commit and date lines:\n%s", out)
	}
}

// TestVersionOfReleaseBuild builds the binary the way scripts/release.sh
// does (-ldflags -X main.version, build information from Git) and runs
// "kontor version": it says the version given, the commit checked out and
// the schema.
func TestVersionOfReleaseBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "kontor")
	cmd := exec.Command("go", "build", "-tags", "nogui", "-buildvcs=true", "-ldflags", "-X main.version=9.8.7-rc.1", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("kontor version: %v\n%s", err, out)
	}
	text := string(out)
	if !strings.HasPrefix(text, "kontor 9.8.7-rc.1\n") || !strings.Contains(text, fmt.Sprintf("\ndatabase schema: %d\n", data.SchemaVersion())) {
		t.Errorf("kontor version:\n%s", text)
	}
	// Go finds the repository by its .git folder: a "git worktree" checkout (where .git is a
	// file) and a source tree without Git get no commit, and say so.
	if fi, err := os.Stat(".git"); err != nil || !fi.IsDir() {
		if !strings.Contains(text, "\ncommit:          unknown\n") || !strings.Contains(text, "\nbuilt:           unknown\n") {
			t.Errorf("no .git folder here, so no commit was recorded, yet kontor version says:\n%s", text)
		}
		t.Log("no .git folder (a git worktree or no Git): the commit is not checked")
		return
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatalf("git rev-parse HEAD: %v", err)
	}
	if want := "\ncommit:          " + string(head[:12]); !strings.Contains(text, want) {
		t.Errorf("kontor version:\n%s\nwant the line %q", text, want[1:])
	}
	if strings.Contains(text, "built:           unknown") {
		t.Errorf("no build date:\n%s", text)
	}
}
