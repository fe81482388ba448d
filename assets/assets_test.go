package assets

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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
	// form fields of the screens, labelled by "field."+key.
	formFieldRE = regexp.MustCompile(`(?:\.add|\.entry|settingsEntry)\((?:[a-z]+,\s*)?"([a-z0-9_]+\.[a-z0-9_.]+)"`)
)

// TestKeysUsedInCode fails when app/, data/ or screens/ use a translation key
// that a JSON file lacks, so a new error never reaches a user untranslated.
func TestKeysUsedInCode(t *testing.T) {
	en, cs := loadJSON(t, "en"), loadJSON(t, "cs")
	used := map[string]string{} // key → file that uses it
	for _, dir := range []string{"../app", "../data", "../screens"} {
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
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in the code; is the scan broken?", len(used))
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

func TestIcon(t *testing.T) {
	if len(Icon) < 100 || string(Icon[1:4]) != "PNG" {
		t.Fatal("Icon is not a PNG")
	}
}
