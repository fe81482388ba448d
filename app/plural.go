package app

// Plural categories of CLDR (Unicode Common Locale Data Repository), the
// suffixes of a counted message's translation keys: "bank.count.one",
// "bank.count.few", …
const (
	PluralOne   = "one"
	PluralFew   = "few"
	PluralMany  = "many"
	PluralOther = "other"
)

// PluralForms are the categories every counted message has a translation
// for, in both languages (English uses one and other; the translation files
// give it the other form under few and many too, so a key never falls back).
var PluralForms = []string{PluralOne, PluralFew, PluralMany, PluralOther}

// PluralCategory is the CLDR plural category of the number n in language l;
// fraction says that n is written with decimals ("1,5"). Czech (CLDR cs):
// one for 1, few for 2–4, many for any decimal, other for the rest (0, 5,
// 11, 21, 1 000 …: "0 pohybů", "21 pohybů"). English: one for 1, other
// for the rest.
func PluralCategory(l Lang, n int64, fraction bool) string {
	if n < 0 {
		n = -n
	}
	switch {
	case l == Czech && fraction:
		return PluralMany
	case fraction:
		return PluralOther
	case n == 1:
		return PluralOne
	case l == Czech && n >= 2 && n <= 4:
		return PluralFew
	}
	return PluralOther
}

// Count is a message about n things in the user's language, in the form the
// count takes there: "1 pohyb", "3 pohyby", "5 pohybů". The translation key
// is key + "." + the category; one and other are the English texts. args
// (may be nil) fill the template beside n, which is written with the
// language's digit grouping ("1 234") as {{.n}}. A nil t means English.
func Count(t Translator, key string, n int, one, other string, args map[string]any) string {
	lang := translatorLang(t)
	a := make(map[string]any, len(args)+1)
	for k, v := range args {
		a[k] = v
	}
	a["n"] = FormatMinor(int64(n), 0, lang)
	fallback := other
	if PluralCategory(English, int64(n), false) == PluralOne {
		fallback = one
	}
	if t == nil {
		return renderTemplate(fallback, localArgs(a, English, nil))
	}
	tr := func(key, fallback string, args map[string]any) string { return t.Translate(key, fallback, args) }
	return t.Translate(key+"."+PluralCategory(lang, int64(n), false), fallback, localArgs(a, lang, tr))
}

// translatorLang is the language a Translator speaks (it reports it with a Lang
// method); English for nil or one that does not say.
func translatorLang(t Translator) Lang {
	if l, ok := t.(interface{ Lang() Lang }); ok {
		return l.Lang()
	}
	return English
}
