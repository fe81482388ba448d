package app

import "strings"

// Lang is a user-interface and document language. Kontor speaks Czech and English.
type Lang string

// The languages Kontor ships.
const (
	Czech   Lang = "cs"
	English Lang = "en"
)

// LangFromLocale maps a locale such as "cs-CZ" or "cs_CZ.UTF-8" to a Lang,
// English for anything that is not Czech.
func LangFromLocale(locale string) Lang {
	if strings.HasPrefix(strings.ToLower(locale), "cs") {
		return Czech
	}
	return English
}

// Valid reports whether l is a language Kontor ships.
func (l Lang) Valid() bool { return l == Czech || l == English }
