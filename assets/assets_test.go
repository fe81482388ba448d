package assets

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

func loadJSON(t *testing.T, lang string) map[string]string {
	t.Helper()
	data, err := TranslationJSON(lang)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

var placeholderRE = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(s string) string {
	var names []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// TestSameKeys keeps the two languages in step: same keys, same template
// variables, nothing empty.
func TestSameKeys(t *testing.T) {
	en, cs := loadJSON(t, "en"), loadJSON(t, "cs")
	for k, v := range en {
		c, ok := cs[k]
		if !ok {
			t.Errorf("cs.json lacks %q", k)
			continue
		}
		if strings.TrimSpace(v) == "" || strings.TrimSpace(c) == "" {
			t.Errorf("%q is empty in a language", k)
		}
		if placeholders(v) != placeholders(c) {
			t.Errorf("%q uses {{.%s}} in English but {{.%s}} in Czech", k, placeholders(v), placeholders(c))
		}
	}
	for k := range cs {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
}

var (
	// "err.xxx" and "check.xxx" translation keys of errors and check problems.
	errKeyRE = regexp.MustCompile(`"((?:err|check)\.[a-z0-9_.]+)"`)
	// field names of errors: Invalid("company.ico", …), WithField(err, "…"), Field: "…".
	fieldRE = regexp.MustCompile(`(?:Invalid\(|WithField\([^,()]+,\s*|Field:\s*)"([a-z0-9_.]+)"`)
	// keys the screens look up: lang.X("key", …).
	langRE = regexp.MustCompile(`lang\.X\("([a-z0-9_.]*[a-z0-9_])"`)
	// counted messages: kit.Plural("key", …) in screens, app.Count(t, "key", …).
	pluralRE = regexp.MustCompile(`(?:[pP]lural\(|app\.Count\([^,()]+,\s*)"([a-z0-9_.]+)"`)
	// form fields of the screens, labelled by "field."+key.
	formFieldRE = regexp.MustCompile(`(?:\.[aA]dd|\.[eE]ntry|\.EscEntry|settingsEntry)\((?:[a-z]+,\s*)?"([a-z0-9_]+\.[a-z0-9_.]+)"`)
)

// TestKeysUsedInCode fails when app/, data/ or screens/ use a translation key
// that a JSON file lacks, so a new error never reaches a user untranslated.
func TestKeysUsedInCode(t *testing.T) {
	en, cs := loadJSON(t, "en"), loadJSON(t, "cs")
	used := map[string]string{} // key → file that uses it
	plurals := map[string]bool{}
	for _, dir := range sourceDirs(t, "../app", "../data", "../screens") {
		if strings.HasSuffix(dir, "mock") {
			continue // test helpers: their comments name keys, their errors are made up
		}
		cli := dir == filepath.Clean("../app/cli") // English only: its counted messages, not its errors
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := string(src)
			for _, m := range pluralRE.FindAllStringSubmatch(s, -1) {
				plurals[m[1]] = true
				for _, form := range pluralForms {
					used[m[1]+"."+form] = f
				}
			}
			if cli {
				continue
			}
			for _, m := range errKeyRE.FindAllStringSubmatch(s, -1) {
				used[m[1]] = f
			}
			for _, m := range fieldRE.FindAllStringSubmatch(s, -1) {
				used["field."+m[1]] = f
			}
			for _, m := range formFieldRE.FindAllStringSubmatch(s, -1) {
				used["field."+m[1]] = f
			}
			for _, m := range langRE.FindAllStringSubmatch(s, -1) {
				used[m[1]] = f
			}
			for base := range plurals {
				delete(used, base) // errKeyRE saw "check.problems" in plural("check.problems", …)
			}
		}
	}
	if len(used) < 50 || len(plurals) < 20 {
		t.Fatalf("found only %d keys, %d counted messages in the code; is the scan broken?", len(used), len(plurals))
	}
	for base := range plurals {
		if _, ok := en[base]; ok {
			t.Errorf("%q is a counted message: its plain key is left over (only %s.one, .few, .many, .other are read)", base, base)
		}
	}
	var missing []string
	for k, f := range used {
		if _, ok := en[k]; !ok {
			missing = append(missing, "en.json: "+k+" (used in "+f+")")
		}
		if _, ok := cs[k]; !ok {
			missing = append(missing, "cs.json: "+k+" (used in "+f+")")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d translation keys are missing:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// sourceDirs lists roots and every package directory below them (module
// packages such as screens/sales come and go; none may escape the scan).
func sourceDirs(t *testing.T, roots ...string) []string {
	var dirs []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "testdata" {
					return filepath.SkipDir
				}
				dirs = append(dirs, filepath.Clean(path))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dirs
}

// pluralForms are the CLDR categories a counted message has keys for (app.PluralForms).
var pluralForms = []string{"one", "few", "many", "other"}

// TestPluralsComplete: a counted message ("bank.count.one") has all four
// forms in both languages, so Czech never falls back to English for 2–4.
func TestPluralsComplete(t *testing.T) {
	for _, lang := range Languages {
		m := loadJSON(t, lang)
		for k := range m {
			i := strings.LastIndexByte(k, '.')
			if i < 0 || !slices.Contains(pluralForms, k[i+1:]) {
				continue
			}
			for _, f := range pluralForms {
				if _, ok := m[k[:i]+"."+f]; !ok {
					t.Errorf("%s.json: %s has no %q form", lang, k[:i], f)
				}
			}
		}
	}
}

func TestIcon(t *testing.T) {
	if len(Icon) < 100 || string(Icon[1:4]) != "PNG" {
		t.Fatal("Icon is not a PNG")
	}
}
