package cli

import (
	"encoding/json"
	"strings"
	"sync"
	"text/template"

	"kontor/app"
	"kontor/assets"
)

// catalog is an app.Translator over the user interface's translations
// (assets/i18n), so reports the CLI writes read exactly like the screens'.
// It reports its language (Lang), which app uses to format dates and money.
type catalog struct {
	lang  app.Lang
	texts map[string]string
	mu    sync.Mutex
	tmpl  map[string]*template.Template
}

var (
	catalogsMu sync.Mutex
	catalogs   = map[app.Lang]*catalog{}
)

// translator returns the catalog of lang (Czech or English), loaded once.
// A translation file that cannot be read leaves the English fallbacks.
func translator(lang app.Lang) *catalog {
	if !lang.Valid() {
		lang = app.English
	}
	catalogsMu.Lock()
	defer catalogsMu.Unlock()
	if c, ok := catalogs[lang]; ok {
		return c
	}
	c := &catalog{lang: lang, texts: map[string]string{}, tmpl: map[string]*template.Template{}}
	if raw, err := assets.TranslationJSON(string(lang)); err == nil {
		_ = json.Unmarshal(raw, &c.texts)
	}
	catalogs[lang] = c
	return c
}

// Lang is the catalog's language.
func (c *catalog) Lang() app.Lang { return c.lang }

// Translate returns the text of key (the fallback when the catalog lacks
// it) with args filled in.
func (c *catalog) Translate(key, fallback string, args map[string]any) string {
	text, ok := c.texts[key]
	if !ok || text == "" {
		text = fallback
	}
	if !strings.Contains(text, "{{") {
		return text
	}
	c.mu.Lock()
	t, ok := c.tmpl[text]
	if !ok {
		var err error
		if t, err = template.New("").Option("missingkey=zero").Parse(text); err != nil {
			t = nil
		}
		c.tmpl[text] = t
	}
	c.mu.Unlock()
	if t == nil {
		return text
	}
	var b strings.Builder
	if err := t.Execute(&b, args); err != nil {
		return text
	}
	return strings.ReplaceAll(b.String(), "<no value>", "")
}
