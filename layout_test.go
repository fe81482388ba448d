package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The dependency directions of DESIGN.md, checked on every package of the
// module as `go list` sees it (test files not included: tests may import
// the test stores and mocks).

const (
	depFyne  = "fyne.io/"
	depBolt  = "go.etcd.io/bbolt"
	depFpdf  = "codeberg.org/go-pdf/"
	depGofpd = "github.com/jung-kurt/gofpdf"
)

// testOnly are the packages only tests may import.
var testOnly = []string{"kontor/data/datatest", "kontor/app/mock", "kontor/kittest"}

// listed is one package of `go list -deps`: whether it is in the standard
// library, and every package it pulls in.
type listed struct {
	path     string
	standard bool
	deps     []string
}

// goList lists the packages of the module and everything they pull in;
// extra flags (an -overlay) go before the pattern.
func goList(t *testing.T, extra ...string) map[string]listed {
	t.Helper()
	args := append([]string{"list", "-deps", "-f", `{{.ImportPath}}|{{.Standard}}|{{join .Deps " "}}`}, extra...)
	out, err := exec.Command("go", append(args, "kontor/...")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	pkgs := map[string]listed{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(line, "|", 3)
		if len(f) != 3 {
			t.Fatalf("go list line %q", line)
		}
		pkgs[f[0]] = listed{path: f[0], standard: f[1] == "true", deps: strings.Fields(f[2])}
	}
	return pkgs
}

// under reports whether pkg is prefix or inside it.
func under(pkg, prefix string) bool {
	return pkg == prefix || strings.HasPrefix(pkg, prefix+"/")
}

// matches reports whether dep is one of the banned names: a module prefix
// ending in "/" (fyne.io/), or a package and everything under it.
func matches(dep string, banned []string) bool {
	for _, b := range banned {
		if strings.HasSuffix(b, "/") && strings.HasPrefix(dep, b) || !strings.HasSuffix(b, "/") && under(dep, b) {
			return true
		}
	}
	return false
}

// screensModule is the module package kontor/screens/<module> pkg is in
// ("" for the shell, kit and anything else).
func screensModule(pkg string) string {
	rest, ok := strings.CutPrefix(pkg, "kontor/screens/")
	if !ok {
		return ""
	}
	name := strings.SplitN(rest, "/", 2)[0]
	if name == "kit" {
		return ""
	}
	return "kontor/screens/" + name
}

// appAllowed are the packages outside the standard library kontor/app may
// use: small pure helpers from the Go project.
var appAllowed = []string{"golang.org/x/text", "golang.org/x/crypto/argon2", "golang.org/x/crypto/blake2b", "golang.org/x/sys/cpu"}

// layoutRule says why dep may not be in pkg ("" when it may).
type layoutRule struct {
	name  string // what the rule covers, for messages
	match func(pkg string) bool
	check func(pkg, dep string, std bool) string
}

// forbid is a check refusing the banned dependencies with why.
func forbid(why string, banned ...string) func(pkg, dep string, std bool) string {
	return func(_, dep string, _ bool) string {
		if matches(dep, banned) {
			return why
		}
		return ""
	}
}

// layoutRules are tried in order; the first that matches a package applies
// (the more specific ones first).
var layoutRules = []layoutRule{
	{"kontor (main)", func(p string) bool { return p == "kontor" }, func(string, string, bool) string { return "" }},
	{"kontor/app", func(p string) bool { return p == "kontor/app" }, func(_, dep string, std bool) string {
		if std || dep == "kontor/app" {
			return ""
		}
		for _, a := range appAllowed {
			if under(dep, a) {
				return ""
			}
		}
		return "app/ is the domain: the standard library and " + strings.Join(appAllowed, ", ") + " only"
	}},
	{"kontor/app/pdf", func(p string) bool { return under(p, "kontor/app/pdf") },
		forbid("app/pdf renders domain values with fpdf only", depFyne, depBolt, "kontor/data", "kontor/screens", "kontor/app/cli")},
	{"kontor/app/cli", func(p string) bool { return under(p, "kontor/app/cli") },
		forbid("app/cli works over app's service interfaces; main injects the rest", depFyne, depBolt, depFpdf, depGofpd, "kontor/data", "kontor/screens", "kontor/app/pdf")},
	{"kontor/app/mock", func(p string) bool { return under(p, "kontor/app/mock") }, func(_, dep string, std bool) string {
		if std || dep == "kontor/app" || !strings.HasPrefix(dep, "kontor/") && !matches(dep, []string{depFyne, depBolt, depFpdf, depGofpd}) {
			return ""
		}
		return "app/mock stands in for app's interfaces: it imports app only"
	}},
	{"kontor/app/atomicfile", func(p string) bool { return under(p, "kontor/app/atomicfile") },
		forbid("app/atomicfile writes files for app/cli and data: standard library only", depFyne, depBolt, depFpdf, depGofpd, "kontor/")},
	{"kontor/app/… (demo and other helpers)", func(p string) bool { return strings.HasPrefix(p, "kontor/app/") },
		forbid("app's subpackages work over app's interfaces: no Fyne, bbolt, fpdf, store, screens, CLI or PDF", depFyne, depBolt, depFpdf, depGofpd, "kontor/data", "kontor/screens", "kontor/app/cli", "kontor/app/pdf")},
	{"kontor/data/datatest", func(p string) bool { return under(p, "kontor/data/datatest") },
		forbid("data/datatest opens real stores: data and app only", depFyne, depFpdf, depGofpd, "kontor/screens", "kontor/app/cli", "kontor/app/pdf", "kontor/app/mock")},
	{"kontor/data", func(p string) bool { return under(p, "kontor/data") },
		forbid("data/ is persistence only", depFyne, depFpdf, depGofpd, "kontor/screens", "kontor/app/cli", "kontor/app/pdf", "kontor/assets")},
	{"kontor/kittest", func(p string) bool { return under(p, "kontor/kittest") },
		func(_, dep string, _ bool) string {
			if dep == "kontor/screens" || screensModule(dep) != "" || matches(dep, []string{"kontor/app/cli", "kontor/app/mock"}) {
				return "kittest (tests only) builds Deps over datatest and app/pdf: no shell, module, CLI or mock"
			}
			return ""
		}},
	{"kontor/screens/kit…", func(p string) bool { return under(p, "kontor/screens/kit") }, func(_, dep string, _ bool) string {
		if matches(dep, []string{depBolt, depFpdf, depGofpd, "kontor/data", "kontor/app/cli", "kontor/app/pdf"}) {
			return "screens/kit talks to services through app's interfaces"
		}
		if dep == "kontor/screens" || screensModule(dep) != "" {
			return "screens/kit is below the shell and the modules: it imports neither"
		}
		return ""
	}},
	{"kontor/screens/<module>", func(p string) bool { return screensModule(p) != "" }, func(pkg, dep string, _ bool) string {
		if matches(dep, []string{depBolt, depFpdf, depGofpd, "kontor/data", "kontor/app/cli", "kontor/app/pdf"}) {
			return "a screens module talks to services through app's interfaces"
		}
		if dep == "kontor/screens" {
			return "a screens module does not import the shell (main composes them)"
		}
		mod, own := screensModule(dep), screensModule(pkg)
		if mod == "" || mod == own || mod == "kontor/screens/customers" && own != "kontor/screens/customers" {
			return ""
		}
		if own == "kontor/screens/customers" {
			return "screens/customers is shared by the modules: it imports only screens/kit"
		}
		return "a screens module imports only screens/kit and screens/customers, never another module"
	}},
	{"kontor/screens (shell)", func(p string) bool { return p == "kontor/screens" }, func(_, dep string, _ bool) string {
		if matches(dep, []string{depBolt, depFpdf, depGofpd, "kontor/data", "kontor/app/cli", "kontor/app/pdf"}) {
			return "screens/ talks to services through app's interfaces"
		}
		// Transitional (issue 11 P2): the shared customer widgets serve the
		// module screens still in the shell until they move out.
		if screensModule(dep) != "" && dep != "kontor/screens/customers" {
			return "the shell does not import the screens modules (main composes them)"
		}
		return ""
	}},
	{"kontor/assets", func(p string) bool { return under(p, "kontor/assets") },
		forbid("assets/ is embedded bytes, usable by every package", depFyne, depBolt, depFpdf, "kontor/")},
}

// layoutProblems checks every package of the module in pkgs against its rule.
func layoutProblems(pkgs map[string]listed) []string {
	var out []string
	for _, p := range pkgs {
		if !strings.HasPrefix(p.path, "kontor/") && p.path != "kontor" {
			continue
		}
		var rule *layoutRule
		for i := range layoutRules {
			if layoutRules[i].match(p.path) {
				rule = &layoutRules[i]
				break
			}
		}
		if rule == nil {
			out = append(out, p.path+": no layout rule covers this package; add one to layout_test.go")
			continue
		}
		for _, dep := range p.deps {
			if dep == p.path {
				continue
			}
			if why := rule.check(p.path, dep, pkgs[dep].standard); why != "" {
				out = append(out, p.path+" imports "+dep+": "+why)
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestPackageRules enforces the dependency directions of DESIGN.md: it lists
// every package each of ours pulls in (transitively) and fails on a forbidden one.
func TestPackageRules(t *testing.T) {
	pkgs := goList(t)
	if _, ok := pkgs["kontor"]; !ok {
		t.Fatal("go list did not list the main package kontor")
	}
	for _, bad := range layoutProblems(pkgs) {
		t.Error(bad)
	}
}

// TestTestHelpersOnlyInTests fails when a package's non-test code imports a
// test helper package (directly or through another package): the real
// program must never contain the test stores or the mocks.
func TestTestHelpersOnlyInTests(t *testing.T) {
	for _, bad := range testOnlyImports(goList(t), testOnly) {
		t.Error(bad)
	}
}

// testOnlyImports names each package of the module that depends on one of
// banned without being one of them (the test helpers may build on each
// other: kittest on datatest).
func testOnlyImports(pkgs map[string]listed, banned []string) []string {
	var out []string
	for _, p := range pkgs {
		if !strings.HasPrefix(p.path, "kontor/") && p.path != "kontor" || slices.Contains(banned, p.path) {
			continue
		}
		for _, dep := range p.deps {
			for _, b := range banned {
				if dep == b && p.path != b {
					out = append(out, p.path+" imports "+b+", which only _test.go files may import")
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestLayoutCatchesAProbe adds, through an overlay (nothing is written into
// the module), a package whose non-test code imports datatest and a screens
// module that imports another, and proves both checks above fail on them.
func TestLayoutCatchesAProbe(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		filepath.Join(root, "layoutprobe", "probe.go"):               "package layoutprobe\n\nimport _ \"kontor/data/datatest\"\n",
		filepath.Join(root, "screens", "probea", "probea.go"):        "package probea\n\nimport _ \"kontor/screens/probeb\"\n",
		filepath.Join(root, "screens", "probeb", "probeb.go"):        "package probeb\n",
		filepath.Join(root, "app", "probec", "probec.go"):            "package probec\n\nimport _ \"kontor/data\"\n",
		filepath.Join(root, "screens", "kit", "probed", "probed.go"): "package probed\n\nimport _ \"kontor/screens\"\n",
	}
	overlay := struct{ Replace map[string]string }{Replace: map[string]string{}}
	i := 0
	for path, src := range files {
		i++
		tmp := filepath.Join(dir, filepath.Base(path))
		if err := os.WriteFile(tmp, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		overlay.Replace[path] = tmp
	}
	js, _ := json.Marshal(overlay)
	ov := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(ov, js, 0o600); err != nil {
		t.Fatal(err)
	}
	pkgs := goList(t, "-overlay", ov)
	if _, ok := pkgs["kontor/layoutprobe"]; !ok {
		t.Fatal("the overlay's probe package was not listed")
	}
	got := testOnlyImports(pkgs, testOnly)
	want := []string{"kontor/layoutprobe imports kontor/data/datatest, which only _test.go files may import"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("test-only imports: got %q\nwant %q", got, want)
	}
	layout := strings.Join(layoutProblems(pkgs), "\n")
	for _, want := range []string{
		"kontor/layoutprobe: no layout rule covers this package",
		"kontor/screens/probea imports kontor/screens/probeb: a screens module imports only screens/kit and screens/customers, never another module",
		"kontor/app/probec imports kontor/data: app's subpackages work over app's interfaces",
		"kontor/screens/kit/probed imports kontor/screens: screens/kit is below the shell and the modules",
	} {
		if !strings.Contains(layout, want) {
			t.Errorf("layout problems lack %q:\n%s", want, layout)
		}
	}
}

// TestNoFakeStores: tests run on the real store (kontor/data/datatest) and
// logic-free mocks (kontor/app/mock), never on a fake.
func TestNoFakeStores(t *testing.T) {
	out, err := exec.Command("git", "ls-files", "*_test.go").CombinedOutput()
	if err != nil {
		t.Skipf("git ls-files: %v %s", err, out)
	}
	for _, f := range strings.Fields(string(out)) {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // deleted in the work tree
		}
		if strings.Contains(f, "fake") || strings.Contains(string(src), "\ntype fake") {
			t.Errorf("%s: a fake store; test on datatest (and app/mock for failures the store cannot give)", f)
		}
	}
}
