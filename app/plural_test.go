package app

import "testing"

func TestPluralCategory(t *testing.T) {
	tests := []struct {
		lang     Lang
		n        int64
		fraction bool
		want     string
	}{
		{Czech, 0, false, PluralOther}, // 0 pohybů
		{Czech, 1, false, PluralOne},   // 1 pohyb
		{Czech, 2, false, PluralFew},   // 2 pohyby
		{Czech, 4, false, PluralFew},
		{Czech, 5, false, PluralOther}, // 5 pohybů
		{Czech, 11, false, PluralOther},
		{Czech, 21, false, PluralOther}, // 21 pohybů: Czech has no 21 → one rule
		{Czech, 22, false, PluralOther},
		{Czech, 102, false, PluralOther},
		{Czech, -1, false, PluralOne},
		{Czech, 1, true, PluralMany}, // 1,5 kusu
		{Czech, 3, true, PluralMany},
		{English, 0, false, PluralOther},
		{English, 1, false, PluralOne},
		{English, 2, false, PluralOther},
		{English, 1, true, PluralOther},
	}
	for _, tt := range tests {
		if got := PluralCategory(tt.lang, tt.n, tt.fraction); got != tt.want {
			t.Errorf("PluralCategory(%s, %d, %v) = %s, want %s", tt.lang, tt.n, tt.fraction, got, tt.want)
		}
	}
}

// langTranslator is a mapTranslator that says which language it speaks.
type langTranslator struct {
	mapTranslator
	lang Lang
}

func (l langTranslator) Lang() Lang { return l.lang }

func TestCount(t *testing.T) {
	cs := langTranslator{mapTranslator{
		"bank.count.one":   "{{.n}} pohyb, spárován {{.matched}}",
		"bank.count.few":   "{{.n}} pohyby, spárovány {{.matched}}",
		"bank.count.many":  "{{.n}} pohybu, spárováno {{.matched}}",
		"bank.count.other": "{{.n}} pohybů, spárováno {{.matched}}",
		"docs.total.other": "{{.n}} dokladů za {{.sum}}",
	}, Czech}
	en := langTranslator{mapTranslator{
		"bank.count.one":   "{{.n}} line, {{.matched}} matched",
		"bank.count.other": "{{.n}} lines, {{.matched}} matched",
	}, English}
	tests := []struct {
		t    Translator
		key  string
		n    int
		args map[string]any
		want string
	}{
		{cs, "bank.count", 1, map[string]any{"matched": 0}, "1 pohyb, spárován 0"},
		{cs, "bank.count", 3, map[string]any{"matched": 2}, "3 pohyby, spárovány 2"},
		{cs, "bank.count", 5, map[string]any{"matched": 5}, "5 pohybů, spárováno 5"},
		{cs, "bank.count", 0, map[string]any{"matched": 0}, "0 pohybů, spárováno 0"},
		{cs, "bank.count", 12345, map[string]any{"matched": 1}, "12\u00a0345 pohybů, spárováno 1"},
		{cs, "docs.total", 7, map[string]any{"sum": M(1435900, "CZK")}, "7 dokladů za 14\u00a0359,00\u00a0Kč"},
		{en, "bank.count", 1, map[string]any{"matched": 1}, "1 line, 1 matched"},
		{en, "bank.count", 1234, map[string]any{"matched": 1}, "1,234 lines, 1 matched"},
		{nil, "bank.count", 1, map[string]any{"matched": 0}, "1 line, 0 matched"},
		{nil, "bank.count", 2, map[string]any{"matched": 2}, "2 lines, 2 matched"},
	}
	for _, tt := range tests {
		got := Count(tt.t, tt.key, tt.n, "{{.n}} line, {{.matched}} matched", "{{.n}} lines, {{.matched}} matched", tt.args)
		if tt.key == "docs.total" {
			got = Count(tt.t, tt.key, tt.n, "{{.n}} document for {{.sum}}", "{{.n}} documents for {{.sum}}", tt.args)
		}
		if got != tt.want {
			t.Errorf("Count(%v, %s, %d) = %q, want %q", tt.t, tt.key, tt.n, got, tt.want)
		}
	}
}
