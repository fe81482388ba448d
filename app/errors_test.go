package app

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// mapTranslator answers from a map and marks what it translated.
type mapTranslator map[string]string

func (f mapTranslator) Translate(key, fallback string, args map[string]any) string {
	if s, ok := f[key]; ok {
		return renderTemplate(s, args)
	}
	return "[" + renderTemplate(fallback, args) + "]"
}

func TestErrorMessage(t *testing.T) {
	cs := mapTranslator{
		"err.required":         "je povinné",
		"field.company.name":   "Název firmy",
		"err.ico.checksum":     "{{.value}} není platné IČO",
		"field.company.ico":    "IČO",
		"err.unexpected":       "Neočekávaná chyba: {{.err}}",
		"err.internal":         "vnitřní chyba při {{.what}}",
		"err.number.too_large": "číslo je příliš velké",
	}
	ico := WithField(ValidateICO("12345678"), "company.ico")
	internal := Internal("saving", errors.New("disk full"))
	tests := []struct {
		name   string
		err    error
		t      Translator
		want   string
		nilErr bool
	}{
		{"nil", nil, nil, "", true},
		{"required en", Invalid("company.name", "err.required", "is required", nil), nil, "Name: is required", false},
		{"required cs", Invalid("company.name", "err.required", "is required", nil), cs, "Název firmy: je povinné", false},
		{"args en", ico, nil, "Ico: 12345678 is not a valid IČO (the check digit does not match)", false},
		{"args cs", ico, cs, "IČO: 12345678 není platné IČO", false},
		{"untranslated field", Invalid("company.vat_rates", "err.required", "is required", nil), cs, "[Vat rates]: je povinné", false},
		{"no field", Errorf(EINVALID, "err.number.too_large", "too large", nil), cs, "číslo je příliš velké", false},
		{"foreign en", fmt.Errorf("boom"), nil, "Unexpected error: boom", false},
		{"foreign cs", fmt.Errorf("boom"), cs, "Neočekávaná chyba: boom", false},
		{"wrapped", fmt.Errorf("while saving: %w", Invalid("company.name", "err.required", "is required", nil)), nil, "Name: is required", false},
		{"internal en", internal, nil, "internal error while saving (disk full)", false},
		{"internal cs", internal, cs, "vnitřní chyba při saving (disk full)", false},
	}
	for _, tt := range tests {
		if got := ErrorMessage(tt.err, tt.t); got != tt.want {
			t.Errorf("%s: ErrorMessage = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestErrorBasics(t *testing.T) {
	e := Invalid("company.ico", "err.ico.format", "an IČO has {{.n}} digits", map[string]any{"n": 8})
	if e.Error() != "company.ico: an IČO has 8 digits" {
		t.Errorf("Error() = %q", e.Error())
	}
	cause := errors.New("disk full")
	in := Internal("saving", cause)
	if !errors.Is(in, cause) || !strings.Contains(in.Error(), "disk full") {
		t.Errorf("Internal: %v", in)
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{errors.New("x"), EINTERNAL},
		{e, EINVALID},
		{fmt.Errorf("ctx: %w", Errorf(EINUSE, "err.db.in_use", "in use", nil)), EINUSE},
	} {
		if got := ErrorCode(tt.err); got != tt.want {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	moved := WithField(e, "dic").(*Error)
	if moved.Field != "dic" || e.Field != "company.ico" {
		t.Error("WithField must copy")
	}
	plain := errors.New("plain")
	if WithField(plain, "x") != plain {
		t.Error("WithField of a foreign error")
	}
	p := Problem{Key: "check.unbalanced", Msg: "entry {{.n}} is not balanced", Args: map[string]any{"n": "ID2026-00001"}}
	if got := p.Text(nil); got != "entry ID2026-00001 is not balanced" {
		t.Errorf("Problem.Text = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Must did not panic")
		}
	}()
	Must(0, errors.New("x"))
}

func TestNewID(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	prev := ""
	for i := 0; i < 10000; i++ {
		id := NewID(now.Add(time.Duration(i) * time.Millisecond))
		if !re.MatchString(id) {
			t.Fatalf("NewID = %q, not a UUIDv7", id)
		}
		if seen[id] {
			t.Fatalf("NewID repeated %q", id)
		}
		seen[id] = true
		if id <= prev {
			t.Fatalf("NewID not time-ordered: %q after %q", id, prev)
		}
		prev = id
	}
	for i := 0; i < 1000; i++ {
		if id := NewID(now); seen[id] {
			t.Fatalf("NewID repeated %q within one millisecond", id)
		} else {
			seen[id] = true
		}
	}
	if !strings.HasPrefix(NewID(now), fmt.Sprintf("%08x", uint64(now.UnixMilli())>>16)) {
		t.Error("NewID does not start with the time")
	}
}

func TestLang(t *testing.T) {
	for in, want := range map[string]Lang{"cs-CZ": Czech, "cs_CZ.UTF-8": Czech, "CS": Czech, "en-US": English, "": English, "sk-SK": English} {
		if got := LangFromLocale(in); got != want {
			t.Errorf("LangFromLocale(%q) = %s", in, got)
		}
	}
	if !Czech.Valid() || !English.Valid() || Lang("de").Valid() {
		t.Error("Lang.Valid")
	}
}

type czechTranslator struct{}

func (czechTranslator) Lang() Lang { return Czech }
func (czechTranslator) Translate(key, fallback string, args map[string]any) string {
	texts := map[string]string{
		"err.vat.overlap":   "dvě sazby {{.kind}} platí současně ({{.a}} % a {{.b}} % od {{.from}})",
		"vat.kind.reduced":  "snížené",
		"field.company.vat": "Sazby DPH",
	}
	if s, ok := texts[key]; ok {
		return renderTemplate(s, args)
	}
	return renderTemplate(fallback, args)
}

// Dates, rates and labels inside messages follow the reader's language.
func TestErrorMessageLocalisesTypedArgs(t *testing.T) {
	e := Invalid("company.vat", "err.vat.overlap", "two {{.kind}} rates are valid at once ({{.a}} % and {{.b}} % from {{.from}})",
		map[string]any{"kind": VATKindLabel(VATReduced), "a": RateMicro(12_500_000), "b": RatePercent(15), "from": D(2023, 12, 31)})
	if got, want := ErrorMessage(e, czechTranslator{}), "Sazby DPH: dvě sazby snížené platí současně (12,5 % a 15 % od 31.\u00a012.\u00a02023)"; got != want {
		t.Errorf("Czech: %q\nwant    %q", got, want)
	}
	if got, want := e.Error(), "company.vat: two reduced rates are valid at once (12.5 % and 15 % from 31 Dec 2023)"; got != want {
		t.Errorf("English: %q\nwant      %q", got, want)
	}
}

// TestErrorMessageLocalArgs: money, dates and instants inside a message are
// written the way its reader's language writes them.
func TestErrorMessageLocalArgs(t *testing.T) {
	at := time.Date(2026, 3, 15, 14, 5, 0, 0, time.Local)
	err := Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}} (due {{.due}}, since {{.at}})",
		map[string]any{"left": M(1435900, "CZK"), "number": "FV2026-0001", "due": D(2026, 11, 28), "at": at})
	cs := langTranslator{mapTranslator{
		"err.payment.too_much": "na dokladu {{.number}} zbývá zaplatit jen {{.left}} (splatnost {{.due}}, od {{.at}})",
		"field.payment.amount": "Částka",
	}, Czech}
	if got, want := ErrorMessage(err, cs), "Částka: na dokladu FV2026-0001 zbývá zaplatit jen 14\u00a0359,00\u00a0Kč (splatnost 28.\u00a011.\u00a02026, od 15.\u00a03.\u00a02026 14:05)"; got != want {
		t.Errorf("Czech:\n%q\nwant\n%q", got, want)
	}
	en := langTranslator{mapTranslator{}, English}
	if got := ErrorMessage(err, en); !strings.Contains(got, "CZK\u00a014,359.00") || !strings.Contains(got, "15 Mar 2026 14:05") {
		t.Errorf("English: %q", got)
	}
}
