// Package assets holds the files Kontor embeds in its binary: the translations
// of the user interface and the application icon. It imports no GUI or PDF
// library, so every front end and the PDF renderer can use the same bytes.
package assets

import (
	"embed"
	_ "embed" // the icon is embedded as bytes
	"fmt"
)

// Translations holds the go-i18n JSON files of the user interface, one per
// language, named i18n/<lang>.json (the layout Fyne's lang package loads).
//
//go:embed i18n/*.json
var Translations embed.FS

// TranslationsDir is the directory of Translations that holds the JSON files.
const TranslationsDir = "i18n"

// Icon is the application icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

// Languages lists the languages Kontor ships translations for.
var Languages = []string{"cs", "en"}

// TranslationJSON returns the translation file of lang ("cs" or "en").
func TranslationJSON(lang string) ([]byte, error) {
	for _, l := range Languages {
		if l == lang {
			return Translations.ReadFile(TranslationsDir + "/" + lang + ".json")
		}
	}
	return nil, fmt.Errorf("assets: no translation for language %q", lang)
}
