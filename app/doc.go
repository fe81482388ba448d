// Package app is Kontor's domain: the types a small office works with (money,
// dates, company settings, accounts, journal entries), the rules that keep them
// correct, the service interfaces the front ends call, and the one error type.
//
// It imports the standard library only, so every other package may depend on it
// and none of its rules can reach for a database, a widget or a PDF writer.
package app
