package kit

import (
	"kontor/app"
	"kontor/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// PrefLanguage is the preference that overrides the system language.
const PrefLanguage = "language"

// UILang is the effective language, set once by SetupLanguage before any
// screen is built; English until then.
var UILang = app.English

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
		override = prefs.String(PrefLanguage)
	}
	l := app.Lang(override)
	if !l.Valid() {
		l = app.LangFromLocale(lang.SystemLocale().String())
	}
	data, err := assets.TranslationJSON(string(l))
	if err != nil {
		fyne.LogError("loading translation", err)
		return UILang
	}
	locales := append([]string{}, assets.Languages...)
	locales = append(locales, lang.SystemLocale().LanguageString())
	for _, loc := range locales {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			fyne.LogError("loading translation for "+loc, err)
		}
	}
	UILang = l
	return UILang
}

// FyneTranslator looks messages up in Fyne's lang bundle.
type FyneTranslator struct{}

// Translate returns the translation of key filled with args, or the fallback.
func (FyneTranslator) Translate(key, fallback string, args map[string]any) string {
	if args == nil {
		return lang.X(key, fallback)
	}
	return lang.X(key, fallback, args)
}

// Lang is the UI language: app formats the money, dates and rates inside
// messages (app.ErrorMessage, app.Count) in it.
func (FyneTranslator) Lang() app.Lang { return UILang }

// Translator returns the app.Translator backed by Fyne's lang package, for
// app.ErrorMessage and app.Problem.Text.
func Translator() app.Translator { return FyneTranslator{} }

// Plural is a message about n things in the UI language's plural form of n
// (app.Count): key.one, key.few, key.many and key.other in the translation
// files; one and other are the English texts, {{.n}} the count.
func Plural(key string, n int, one, other string, args map[string]any) string {
	return app.Count(Translator(), key, n, one, other, args)
}
