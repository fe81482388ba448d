// Package screens is the shell of Kontor's desktop user interface: the
// first-run wizard, sign-in and the idle lock, the main window that composes
// the modules' tabs and panes (ShowMain; the modules live in screens/sales,
// screens/reception, screens/accounts, screens/payables, each a kit.Module),
// the settings form, users, the audit trail and database maintenance. It and
// the module packages reach the data only through the app service
// interfaces in Deps.
//
// Each screen is an unexported struct built from its dependencies with a
// buildUI method and handlers. Work that may be slow runs through kit.Call,
// kit.Run or kit.Job, which take the context on the UI thread, run the work
// on a goroutine and hand the result back to the UI thread.
package screens

import (
	"fyne.io/fyne/v2"

	"kontor/app"
	"kontor/screens/kit"
)

// Deps are what the screens need (kit.Deps; main builds them).
type Deps = kit.Deps

// SetupLanguage loads the translations and applies the language preference
// (kit.SetupLanguage).
func SetupLanguage(prefs fyne.Preferences) app.Lang { return kit.SetupLanguage(prefs) }

// Translator returns the app.Translator of the UI language.
func Translator() app.Translator { return kit.Translator() }

// ShowFatal opens a window with message that quits the application when
// closed (kit.ShowFatal).
func ShowFatal(a fyne.App, title, message string) { kit.ShowFatal(a, title, message) }
