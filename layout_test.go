package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPackageRules enforces the dependency directions of DESIGN.md: it lists
// every package each of ours pulls in (transitively) and fails on a forbidden one.
func TestPackageRules(t *testing.T) {
	const (
		fyne  = "fyne.io/"
		bolt  = "go.etcd.io/bbolt"
		fpdf  = "codeberg.org/go-pdf/"
		gofpd = "github.com/jung-kurt/gofpdf"
	)
	rules := []struct {
		pkg       string
		forbidden []string
		why       string
	}{
		{"kontor/app", []string{fyne, bolt, fpdf, gofpd, "kontor/data", "kontor/screens", "kontor/app/pdf", "kontor/app/cli", "kontor/assets"}, "app/ is the domain: standard library and small pure helpers only"},
		{"kontor/app/cli", []string{fyne, bolt, fpdf, gofpd, "kontor/data", "kontor/screens", "kontor/app/pdf"}, "app/cli works over app's service interfaces; main injects the rest"},
		{"kontor/app/pdf", []string{fyne, bolt, "kontor/data", "kontor/screens", "kontor/app/cli"}, "app/pdf renders domain values with fpdf only"},
		{"kontor/data", []string{fyne, fpdf, gofpd, "kontor/screens", "kontor/app/cli", "kontor/app/pdf", "kontor/assets"}, "data/ is persistence only"},
		{"kontor/screens", []string{bolt, fpdf, gofpd, "kontor/data", "kontor/app/cli", "kontor/app/pdf"}, "screens/ talks to services through app's interfaces"},
		{"kontor/assets", []string{fyne, bolt, fpdf, "kontor/"}, "assets/ is embedded bytes, usable by every package"},
		{"kontor/app/atomicfile", []string{fyne, bolt, fpdf, gofpd, "kontor/"}, "app/atomicfile writes files for app/cli and data: standard library only"},
		{"kontor/app/mock", []string{fyne, bolt, fpdf, gofpd, "kontor/data", "kontor/screens", "kontor/app/pdf", "kontor/app/cli", "kontor/app/atomicfile", "kontor/assets"}, "app/mock stands in for app's interfaces: it imports app only"},
		{"kontor/data/datatest", []string{fyne, fpdf, gofpd, "kontor/screens", "kontor/app/cli", "kontor/app/pdf", "kontor/app/mock"}, "data/datatest opens real stores: data and app only"},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", r.pkg).CombinedOutput()
		if err != nil {
			if strings.Contains(string(out), "cannot find package") || strings.Contains(string(out), "no Go files") || strings.Contains(string(out), "is not in std") {
				continue // package not written yet
			}
			t.Fatalf("go list %s: %v\n%s", r.pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == r.pkg {
				continue
			}
			for _, bad := range r.forbidden {
				if dep == bad || strings.HasPrefix(dep, bad) && (strings.HasSuffix(bad, "/") || strings.HasPrefix(dep, bad+"/")) {
					t.Errorf("%s imports %s: %s", r.pkg, dep, r.why)
				}
			}
		}
	}
}

// testOnly are the packages only tests may import.
var testOnly = []string{"kontor/data/datatest", "kontor/app/mock"}

// TestTestHelpersOnlyInTests fails when a package's non-test code imports a
// test helper package (directly or through another package): the real
// program must never contain the test stores or the mocks.
func TestTestHelpersOnlyInTests(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Deps " "}}`, "kontor/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	listed := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasPrefix(line, "kontor ") || line == "kontor" {
			listed++ // the program itself is checked like any package
		}
	}
	if listed != 1 {
		t.Fatalf("go list did not list the main package kontor:\n%s", out)
	}
	for _, bad := range testOnlyImports(string(out), testOnly) {
		t.Error(bad)
	}
}

// testOnlyImports reads `go list -f '{{.ImportPath}} {{join .Deps " "}}'`
// output and names each package that depends on one of banned without
// being it.
func testOnlyImports(listing string, banned []string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(listing), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		for _, dep := range f[1:] {
			for _, b := range banned {
				if dep == b && f[0] != b {
					out = append(out, f[0]+" imports "+b+", which only _test.go files may import")
				}
			}
		}
	}
	return out
}

// TestTestOnlyImportsCatches proves the check above fails on a package
// that imports a test helper.
func TestTestOnlyImportsCatches(t *testing.T) {
	listing := "kontor/data/datatest kontor/app kontor/data\n" +
		"kontor/app/mock kontor/app\n" +
		"kontor/screens kontor/app fmt\n" +
		"kontor kontor/app/cli kontor/data/datatest\n" +
		"kontor/app/cli kontor/app kontor/app/mock\n"
	got := testOnlyImports(listing, testOnly)
	want := []string{
		"kontor imports kontor/data/datatest, which only _test.go files may import",
		"kontor/app/cli imports kontor/app/mock, which only _test.go files may import",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
