package screens

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"kontor/app"
	"kontor/assets"
	"kontor/kittest"
	"kontor/screens/kit"
)

// inLanguage switches the UI to l (as the language preference does) for the
// rest of the test, English again afterwards.
func inLanguage(t *testing.T, l app.Lang) {
	t.Helper()
	prefs := test.NewTempApp(t).Preferences()
	prefs.SetString(kit.PrefLanguage, string(l))
	if got := kit.SetupLanguage(prefs); got != l {
		t.Fatalf("SetupLanguage gave %q", got)
	}
	t.Cleanup(func() {
		prefs.SetString(kit.PrefLanguage, "en")
		kit.SetupLanguage(prefs)
	})
}

// TestCzechMoneyInMessages: a refusal that names an amount writes it the
// Czech way in the Czech UI ("zbývá zaplatit jen 14 520,00 Kč", not
// "CZK 14,520.00"), at the field of the payment form, on the real store.
func TestCzechMoneyInMessages(t *testing.T) {
	inLanguage(t, app.Czech)
	db := openDB(t)
	inv := invoice(t, db, customer(t, db, "Dvořák s.r.o."), "Stůl z dubu", 1200000)
	s, w := shellFor(t, db, db.Admin)
	s.selectTab("sales")
	s.Open("sales", kit.ArgDoc(inv.ID))
	test.Tap(kittest.Button(t, w.Content(), "Zapsat úhradu…"))
	amount := kittest.FieldAfter(t, w.Canvas().Overlays().Top(), "Částka")
	retype(amount, "20 000")
	tapDialog(t, w, "Zapsat")
	left := "14\u00a0520,00\u00a0Kč"
	if got := kittest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "zbývá zaplatit jen "+left) {
		t.Errorf("the overpayment says:\n%s\nwant …zbývá zaplatit jen %s", got, left)
	}
	if got := app.ErrorMessage(app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}",
		map[string]any{"left": app.M(1452000, "CZK"), "number": inv.Number}), kit.Translator()); !strings.Contains(got, left) {
		t.Errorf("ErrorMessage in Czech: %q", got)
	}
}

// TestFyneDialogsSpeakTheChosenLanguage: Fyne's own file dialog follows
// Kontor's language, not the system's — Czech in the Czech UI, English in
// the English UI even where the system is Czech.
func TestFyneDialogsSpeakTheChosenLanguage(t *testing.T) {
	inLanguage(t, app.Czech)
	w := test.NewTempWindow(t, nil)
	kit.OpenFileOf(w, nil, 0, func(string, []byte) {})
	if got := kittest.DialogText(w); !strings.Contains(got, "Otevřít soubor") {
		t.Errorf("Czech file dialog title: %q", got)
	}
	for _, b := range []string{"Zrušit", "Otevřít"} {
		kittest.Button(t, w.Canvas().Overlays().Top(), b)
	}
	kittest.CloseDialogs(w)
	kit.SaveFileAs(w, "vypis.csv", ".csv", func(string) {})
	if got := kittest.DialogText(w); !strings.Contains(got, "Uložit soubor") {
		t.Errorf("Czech save dialog title: %q", got)
	}
	kittest.CloseDialogs(w)
	kit.OpenFolder(w, func(string) {})
	if got := kittest.DialogText(w); !strings.Contains(got, "Otevřít složku") {
		t.Errorf("Czech folder dialog title: %q", got)
	}
	kittest.CloseDialogs(w)

	// The English UI on a Czech system: Fyne's Czech strings are overridden.
	inLanguage(t, app.English)
	if got := lang.L("Cancel") + "/" + lang.L("File"); got != "Cancel/File" {
		t.Errorf("English UI: Fyne says %q", got)
	}
}

// TestCzechPluralsInCounts: lists count in Czech plural forms — "1 pohyb",
// "2 pohyby", "5 pohybů" — on the bank pane of the real store.
func TestCzechPluralsInCounts(t *testing.T) {
	inLanguage(t, app.Czech)
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 pohybů"}, {1, "1 pohyb,"}, {2, "2 pohyby,"}, {4, "4 pohyby,"}, {5, "5 pohybů,"}, {22, "22 pohybů,"}, {1500, "1\u00a0500 pohybů,"}} {
		if got := kit.Plural("bank.count", tt.n, "{{.n}} line, {{.matched}} matched", "{{.n}} lines, {{.matched}} matched", map[string]any{"matched": 0}); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%d lines: %q, want %q…", tt.n, got, tt.want)
		}
	}
	db := openDB(t)
	customer(t, db, "Dvořák s.r.o.")
	customer(t, db, "Novák a syn")
	s, w := shellFor(t, db, db.Admin)
	s.selectTab("reception")
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "2 zákazníci") {
		t.Errorf("the directory does not count “2 zákazníci”:\n%s", got)
	}
}

// TestCzechAuditTab: the Audit tab and its CSV speak Czech on the real
// store: actions and kinds of records translated, an inquiry's status change
// in words (no raw "in_progress"), no arrow the UI font cannot draw, and the
// entity filter takes the Czech name.
func TestCzechAuditTab(t *testing.T) {
	inLanguage(t, app.Czech)
	db := openDB(t)
	q, err := db.SaveInquiry(db.Ctx, app.Inquiry{Contact: "Pavel Kůň", Channel: app.ChannelPhone, Topic: "Stoly do kavárny"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetInquiryStatus(db.Ctx, q.ID, app.InquiryInProgress, ""); err != nil {
		t.Fatal(err)
	}
	s, w := shellFor(t, db, db.Admin)
	if !s.selectTab("audit") {
		t.Fatal("no Audit tab")
	}
	v := auditOf(s)
	v.entity.SetText("poptávka")
	v.apply()
	if v.rows.Count != 2 {
		t.Fatalf("the filter “poptávka” shows %d entries, want the inquiry's 2", v.rows.Count)
	}
	shown := kittest.Texts(v.table)
	for _, want := range []string{"změna stavu", "vytvoření", "poptávka", "stav změněn z „nová“ na „rozpracovaná“", "2 záznamy"} {
		if !strings.Contains(shown+kittest.Texts(w.Content()), want) {
			t.Errorf("the Audit tab lacks %q:\n%s", want, shown)
		}
	}
	for _, bad := range []string{"in_progress", "→", "status", "inquiry"} {
		if strings.Contains(shown, bad) {
			t.Errorf("the Audit tab shows %q:\n%s", bad, shown)
		}
	}

	path := filepath.Join(t.TempDir(), "audit.csv")
	v.runExport(v.filter, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	csv := string(data)
	if !strings.Contains(csv, ";jana;změna stavu;poptávka;"+q.ID+";stav změněn z „nová“ na „rozpracovaná“\r\n") || strings.Contains(csv, "in_progress") {
		t.Errorf("the CSV:\n%s", csv)
	}
}

// TestTranslationsDrawable: no translation puts a space after a character
// the UI's text font lacks. Fyne draws such a character (an arrow "→") from
// its symbol font, and the space after it in that font too (go-text keeps
// spaces in the current face), where it has no glyph and shows as "�": the
// broken arrows of the Audit tab. "(ztráta −)" draws fine.
func TestTranslationsDrawable(t *testing.T) {
	face, err := font.ParseTTF(bytes.NewReader(theme.DefaultTextFont().Content()))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range assets.Languages {
		raw, err := assets.TranslationJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			runes := []rune(v)
			for i, r := range runes {
				if _, ok := face.NominalGlyph(r); !ok && r != '\n' && i+1 < len(runes) && unicode.IsSpace(runes[i+1]) {
					t.Errorf("%s.json %s: %q (U+%04X) is not in the UI font and a space follows it", l, k, r, r)
				}
			}
		}
	}
}

// TestAuditNamesTranslated: every action and kind of record the store writes
// to the trail has its name in both languages (the keys are built at run
// time, so the key scan of assets cannot see them).
func TestAuditNamesTranslated(t *testing.T) {
	for _, l := range assets.Languages {
		raw, err := assets.TranslationJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		for _, a := range auditActions {
			if m["audit.action."+a] == "" {
				t.Errorf("%s.json lacks audit.action.%s", l, a)
			}
		}
		for _, e := range auditEntities {
			if m["audit.entity."+e] == "" {
				t.Errorf("%s.json lacks audit.entity.%s", l, e)
			}
		}
	}
}
