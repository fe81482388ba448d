package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// newTestSettings opens Settings of the real store's company as its admin;
// saved is what the last good save handed back.
func newTestSettings(t *testing.T) (s *settings, w fyne.Window, db *datatest.DB, saved *app.Company) {
	a := test.NewTempApp(t)
	db = openDB(t)
	w = test.NewTempWindow(t, nil)
	saved = &app.Company{}
	s = newSettings(kittest.Deps(db), w, a.Preferences(), storedCompany(t, db), func(c app.Company) { *saved = c })
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(900, 700))
	return s, w, db, saved
}

// companyUpdates counts the company updates in db's audit trail: the saves
// that reached the store.
func companyUpdates(t *testing.T, db *datatest.DB) int {
	t.Helper()
	return datatest.Actions(db.AuditTrail(t, db.Ctx, app.AuditFilter{Entity: "company"}))["update"]
}

func TestSettingsRefusesOverlappingVATRate(t *testing.T) {
	s, w, db, saved := newTestSettings(t)
	s.name.SetText("")
	test.Type(s.name, "Truhlářství Novák a syn s.r.o.")

	s.tabs.SelectIndex(1)
	before := len(s.vat.rows)
	test.Tap(kittest.Button(t, w.Content(), "Add a rate"))
	if len(s.vat.rows) != before+1 {
		t.Fatal("Add a rate added no row")
	}
	row := s.vat.rows[before]
	test.Type(row.rate, "20")
	test.Type(row.from, "1. 1. 2025")
	s.tabs.SelectIndex(0)
	test.Tap(s.save)

	if msg := s.message("company.vat_rates"); !strings.Contains(msg, "two standard rates are valid at once") {
		t.Errorf("VAT rates message = %q", msg)
	}
	if s.tabs.SelectedIndex() != 1 {
		t.Error("the tab with the wrong field was not brought forward")
	}
	if got := kittest.DialogText(w); !strings.HasPrefix(got, "VAT rates: ") {
		t.Errorf("dialog = %q", got)
	}
	if companyUpdates(t, db) != 0 || storedCompany(t, db).Name != "Truhlářství Novák s.r.o." || saved.Name != "" {
		t.Fatal("invalid settings were saved")
	}
	kittest.CloseDialogs(w)

	// End the old standard rate the day before the new one starts.
	s.vat.rows[0].to.SetText("31. 12. 2024")
	test.Tap(s.save)
	if n := companyUpdates(t, db); n != 1 {
		t.Fatalf("the company was updated %d times; dialog %q", n, kittest.DialogText(w))
	}
	stored := storedCompany(t, db)
	if stored.Name != "Truhlářství Novák a syn s.r.o." || saved.Name != stored.Name {
		t.Errorf("stored name %q, callback got %q", stored.Name, saved.Name)
	}
	if len(stored.VATRates) != 4 || stored.VATRates[3].Rate.Cmp(app.RatePercent(20)) != 0 || stored.VATRates[0].To != app.D(2024, 12, 31) {
		t.Errorf("stored rates %+v", stored.VATRates)
	}
	if s.message("company.vat_rates") != "" {
		t.Error("the VAT message stayed after a good save")
	}
}

func TestSettingsBadRateText(t *testing.T) {
	s, _, db, _ := newTestSettings(t)
	s.vat.rows[1].rate.SetText("dvanáct")
	test.Tap(s.save)
	if msg := s.message("company.vat_rates"); !strings.Contains(msg, "“dvanáct” is not a number") {
		t.Errorf("message = %q", msg)
	}
	if companyUpdates(t, db) != 0 {
		t.Fatal("saved")
	}
}

func TestSettingsSeriesExampleAndLanguage(t *testing.T) {
	s, _, db, _ := newTestSettings(t)
	inv := s.series.rows[0]
	if inv.example.Text != "FV2026-0001" {
		t.Errorf("example = %q", inv.example.Text)
	}
	inv.prefix.SetText("")
	test.Type(inv.prefix, "fa")
	inv.width.SetSelected("6")
	if inv.example.Text != "FA2026-000001" {
		t.Errorf("live example = %q", inv.example.Text)
	}
	s.language.SetSelectedIndex(1)
	test.Tap(s.save)
	if companyUpdates(t, db) != 1 {
		t.Fatal("not saved")
	}
	if sr, _ := storedCompany(t, db).SeriesFor(app.SeriesInvoice); sr.Prefix != "FA" || sr.Width != 6 {
		t.Errorf("series %+v", sr)
	}
	if got := s.prefs.String(kit.PrefLanguage); got != "cs" {
		t.Errorf("language preference = %q", got)
	}
}

func TestSettingsInvalidIBANNamesField(t *testing.T) {
	s, w, db, _ := newTestSettings(t)
	s.iban.SetText("CZ00 0800 0000 1920 0014 5399")
	test.Tap(s.save)
	if !strings.HasPrefix(kittest.DialogText(w), "IBAN: ") || s.message("company.iban") == "" || s.tabs.SelectedIndex() != 1 {
		t.Errorf("dialog %q, field %q, tab %d", kittest.DialogText(w), s.message("company.iban"), s.tabs.SelectedIndex())
	}
	if companyUpdates(t, db) != 0 {
		t.Fatal("saved")
	}
}

func TestSettingsLockMinutes(t *testing.T) {
	s, w, db, _ := newTestSettings(t)
	if s.lockMinutes.Text != "10" {
		t.Errorf("default lock minutes %q", s.lockMinutes.Text)
	}
	s.lockMinutes.SetText("deset")
	test.Tap(s.save)
	if msg := s.message("settings.lock_minutes"); !strings.Contains(msg, "whole minutes from 0 to 1440") || s.tabs.SelectedIndex() != 3 {
		t.Errorf("message %q, tab %d", msg, s.tabs.SelectedIndex())
	}
	if companyUpdates(t, db) != 0 {
		t.Fatal("saved with a wrong lock time")
	}
	kittest.CloseDialogs(w)
	s.lockMinutes.SetText("0")
	test.Tap(s.save)
	if n := companyUpdates(t, db); n != 1 || s.prefs.Int(prefLockMinutes) != 0 {
		t.Errorf("updates %d, lock minutes %d", n, s.prefs.Int(prefLockMinutes))
	}
}
