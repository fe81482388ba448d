package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"kontor/data"
)

// version is set at release time with -ldflags "-X main.version=…"
// (scripts/release.sh does it); a plain "go build" says it is a
// development build.
var version = "0.1.0-dev"

// buildInfo says what this binary is: "kontor version" prints it and the
// About dialog shows it.
type buildInfo struct {
	// Version is main.version, set by the release script.
	Version string
	// Commit is the Git commit the binary was built from (vcs.revision),
	// empty when Go recorded none (built outside Git or with -buildvcs=false).
	Commit string
	// Modified: the work tree had changes not committed (vcs.modified).
	Modified bool
	// Date is the commit's time (vcs.time), which is the release's build
	// date: a release is built from a clean commit, so the same commit
	// gives the same binary. Zero when unknown.
	Date time.Time
	// Schema is the database schema this build writes.
	Schema int
	// Go is the Go version and target the binary was built with.
	Go string
}

// readBuildInfo reads the build information Go embedded in the binary.
func readBuildInfo() buildInfo {
	bi, _ := debug.ReadBuildInfo()
	return buildInfoFrom(bi, version)
}

// buildInfoFrom extracts buildInfo from Go's build information (nil when
// the binary has none).
func buildInfoFrom(bi *debug.BuildInfo, version string) buildInfo {
	b := buildInfo{Version: version, Schema: data.SchemaVersion(), Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if b.Version == "" {
		b.Version = "dev"
	}
	if bi == nil {
		return b
	}
	if bi.GoVersion != "" {
		b.Go = bi.GoVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339Nano, s.Value); err == nil {
				b.Date = t.UTC()
			}
		}
	}
	return b
}

// commitText is the commit as people read it: 12 hex digits, "with
// uncommitted changes" when the tree was modified, "unknown" without one.
func (b buildInfo) commitText() string {
	if b.Commit == "" {
		return "unknown"
	}
	c := b.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if b.Modified {
		c += " (with uncommitted changes)"
	}
	return c
}

// dateText is the build date as "2006-01-02 15:04 UTC", "unknown" without one.
func (b buildInfo) dateText() string {
	if b.Date.IsZero() {
		return "unknown"
	}
	return b.Date.Format("2006-01-02 15:04 MST")
}

// details are the lines "kontor version" prints after "kontor VERSION".
func (b buildInfo) details() []string {
	return []string{
		fmt.Sprintf("commit:          %s", b.commitText()),
		fmt.Sprintf("built:           %s", b.dateText()),
		fmt.Sprintf("database schema: %d", b.Schema),
		fmt.Sprintf("go:              %s", b.Go),
	}
}
