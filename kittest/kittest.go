// Package kittest is what the screens' tests share: the test set-up of the
// UI knobs (Setup), Deps over a real test store (Deps), and helpers that
// find widgets in a window and read what it shows. Import it only from
// _test.go files (a layout test checks).
//
// A screens package's TestMain:
//
//	func TestMain(m *testing.M) {
//		kittest.Setup()
//		datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
//			_, err := demo.Run(ctx, svc, demo.Options{}, demo.All()...)
//			return demo.Admin, demo.Password, err
//		})
//		os.Exit(datatest.Main(m))
//	}
//
// and a test:
//
//	db := datatest.MustOpen(t)                     // or datatest.Demo()
//	d := kittest.Deps(db, db.User(t, app.RoleAccountant))
//	w := test.NewTempWindow(t, nil)
//	v := newSomething(d, w, db.Company…)
package kittest

import (
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/app/pdf"
	"kontor/data/datatest"
	"kontor/screens/kit"
)

// Setup sets the UI knobs for tests; call it first in TestMain. Calls
// (kit.Call/Run/Job) run inline on the test goroutine (Fyne's test driver
// runs fyne.Do inline too), searches run at once, no ticker runs (tests
// call the periodic work themselves), written files are not opened in a
// viewer, and the UI speaks English with the real translation files
// whatever the machine's locale.
func Setup() {
	kit.SetInline()
	kit.SetNoTickers()
	kit.SearchDelay = 0
	kit.OpenFile = func(string) {}
	prefs := test.NewApp().Preferences()
	prefs.SetString(kit.PrefLanguage, "en")
	if kit.SetupLanguage(prefs) != app.English {
		panic("kittest: SetupLanguage ignored the language preference")
	}
}

// Deps are the screens' dependencies over db's real services with the real
// PDF printer (dated by db's clock), signed in as u (the admin when u is
// the zero User).
func Deps(db *datatest.DB, u ...app.User) kit.Deps {
	user := db.Admin
	if len(u) > 0 {
		user = u[0]
	}
	p := pdf.Printer{Now: db.Clock.Now}
	return kit.Deps{
		Services: db.Services(),
		Printer:  p,
		Sess:     &kit.Session{User: user},
	}
}
