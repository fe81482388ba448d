// Package screens is Kontor's desktop user interface: the first-run wizard, the
// application shell with its front-office and back-office tabs, the settings
// form and the Accounts tab. It is the only package that uses Fyne widgets; it
// reaches the data only through the app service interfaces in Deps.
//
// Each screen is an unexported struct built from its dependencies with a
// buildUI method and handlers. Work that may be slow runs in a goroutine and
// hands its result back to the UI thread with fyne.Do.
package screens

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kontor/app"
	"kontor/assets"
)

// Deps are what the screens need.
type Deps struct {
	Services app.Services // Company, Ledger, Store, Users, Audit, Clock
	// LoadDemo fills an empty database (no company, no users) with the demo
	// company and its demo users, reporting progress.
	LoadDemo func(ctx context.Context, progress func(done, total int)) error
	// PDF renders sales documents (app/pdf, wired by main); nil means PDF
	// export is not available and the screens say so.
	PDF app.DocumentRenderer
	// Badge renders a printable visitor badge (app/pdf, wired by main); nil
	// means badges cannot be printed and the Print badge button says so.
	Badge func(w io.Writer, v app.Visit, c app.Company) error
	// Reports prints report tables and Statement customer statements as PDF
	// (app/pdf, wired by main); nil means that export is not available.
	Reports    app.ReportRenderer
	Statements app.StatementRenderer

	// sess is the signed-in user, shared by every copy of Deps a window's
	// screens hold; ShowMain creates it.
	sess *session
}

// ctx is the context of the calls the screens make: it carries the signed-in
// user, whom the services authorise. Take it on the UI thread and hand it to
// the goroutine, so sign-in and sign-out never race with background work.
func (d Deps) ctx() context.Context {
	if d.sess == nil {
		return context.Background()
	}
	return d.sess.ctx()
}

// user is the signed-in user (zero when nobody is).
func (d Deps) user() app.User {
	if d.sess == nil {
		return app.User{}
	}
	return d.sess.user
}

// can reports whether the signed-in user holds permission p; the screens use
// it to hide what the store would refuse anyway.
func (d Deps) can(p app.Permission) bool {
	u := d.user()
	return u.Name != "" && !u.Disabled && app.Can(u.Roles, p)
}

// clock is the services' clock, the system clock if none is set.
func (d Deps) clock() app.Clock {
	if d.Services.Clock != nil {
		return d.Services.Clock
	}
	return app.SystemClock{}
}

// prefLanguage is the preference that overrides the system language.
const prefLanguage = "language"

// uiLang is the effective language, set once by SetupLanguage before any
// screen is built; English until then.
var uiLang = app.English

// SetupLanguage loads Kontor's translations into Fyne's lang package, applies
// the "language" preference ("", "cs" or "en"; "" follows the system) and
// returns the effective language.
//
// Fyne picks the translation closest to the OS locale and offers no setter, so
// the chosen language's strings are loaded under every locale Kontor ships
// and under the system locale: whichever the matcher picks then speaks the
// chosen language. The files also carry the strings of Fyne's own dialogs
// ("Open", "Save", "Cancel", "File"…), so a file dialog speaks Kontor's
// language, not the system's.
func SetupLanguage(prefs fyne.Preferences) app.Lang {
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		fyne.LogError("loading translations", err)
	}
	override := ""
	if prefs != nil {
		override = prefs.String(prefLanguage)
	}
	l := app.Lang(override)
	if !l.Valid() {
		l = app.LangFromLocale(lang.SystemLocale().String())
	}
	data, err := assets.TranslationJSON(string(l))
	if err != nil {
		fyne.LogError("loading translation", err)
		return uiLang
	}
	locales := append([]string{}, assets.Languages...)
	locales = append(locales, lang.SystemLocale().LanguageString())
	for _, loc := range locales {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			fyne.LogError("loading translation for "+loc, err)
		}
	}
	uiLang = l
	return uiLang
}

// fyneTranslator looks messages up in Fyne's lang bundle.
type fyneTranslator struct{}

// Translate returns the translation of key filled with args, or the fallback.
func (fyneTranslator) Translate(key, fallback string, args map[string]any) string {
	if args == nil {
		return lang.X(key, fallback)
	}
	return lang.X(key, fallback, args)
}

// Lang is the UI language: app formats the money, dates and rates inside
// messages (app.ErrorMessage, app.Count) in it.
func (fyneTranslator) Lang() app.Lang { return uiLang }

// Translator returns the app.Translator backed by Fyne's lang package, for
// app.ErrorMessage and app.Problem.Text.
func Translator() app.Translator { return fyneTranslator{} }

// plural is a message about n things in the UI language's plural form of n
// (app.Count): key.one, key.few, key.many and key.other in the translation
// files; one and other are the English texts, {{.n}} the count.
func plural(key string, n int, one, other string, args map[string]any) string {
	return app.Count(Translator(), key, n, one, other, args)
}

// async runs slow work off the UI thread. Tests replace it with a synchronous
// call because Fyne's test driver runs fyne.Do inline.
var async = func(f func()) { go f() }

// formatMoney writes base-currency minor units in the UI language.
func formatMoney(minor int64, currency string) string {
	return app.Money{Amount: minor, Currency: currency}.Format(uiLang)
}

// formatAmount writes minor units without a currency ("1 234,50"), empty for zero.
func formatAmount(minor int64, currency string) string {
	if minor == 0 {
		return ""
	}
	return app.FormatMinor(minor, app.MinorDigits(currency), uiLang)
}

// formatTime writes an instant in local time as the UI language expects.
func formatTime(t time.Time) string {
	t = t.Local()
	return app.DateOf(t).Format(uiLang) + " " + t.Format("15:04")
}
