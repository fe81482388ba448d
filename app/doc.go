// Package app is Kontor's domain: the types a small office works with (money,
// dates, company settings, accounts, journal entries, sales documents), the
// rules that keep them correct, the service interfaces the front ends call,
// the modules and their permissions (Modules), the Printer interface, and the
// one error type.
//
// Besides the standard library it imports only two of the Go project's own
// modules: golang.org/x/crypto/argon2 (password hashes) and golang.org/x/text
// (Unicode normalisation, the Windows-1250 and UTF-16 encodings of bank and
// customer files). No database, widget or PDF library can be reached from
// here, so none of its rules can reach for storage, a screen or a PDF writer:
// data/ stores what these rules decide, screens/ and app/cli show it, app/pdf
// prints it.
package app
