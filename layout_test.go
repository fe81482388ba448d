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
