package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// The demo users `kontor demo` creates (app/cli), one per role, and their
// shared password; the login screen lists them after the demo is loaded.
const (
	demoUsers    = "admin, recepce, prodej, servis, ucetni, mzdy, sklad"
	demoPassword = "kontor-demo"
)

// firstRun is the screen of a database without users: create the first
// administrator, or load the demo company with its demo users.
type firstRun struct {
	gate     *gate
	withDemo bool
	fields   *kit.FieldSet

	name, fullName, password, again *widget.Entry
	create                          *widget.Button

	demo     *widget.Button
	progress *widget.ProgressBar
	demoNote *widget.Label
}

func newFirstRun(g *gate, withDemo bool) *firstRun { return &firstRun{gate: g, withDemo: withDemo} }

func (f *firstRun) buildUI() fyne.CanvasObject {
	logo := canvas.NewImageFromResource(kit.AppIcon())
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(64, 64))
	title := kit.Heading(lang.X("wizard.welcome", "Welcome to Kontor"))
	intro := widget.NewLabel(lang.X("firstrun.intro", "Nobody uses this database yet. Create the first administrator: the person who sets up the company and the other users."))
	intro.Wrapping = fyne.TextWrapWord

	fs := kit.NewFieldSet()
	f.fields = fs
	f.name = fs.Entry("user.name", "User name", "jana")
	f.fullName = fs.Entry("user.full_name", "Full name", "Jana Nováková")
	f.password = widget.NewPasswordEntry()
	fs.Add("user.password", "Password", f.password)
	f.again = widget.NewPasswordEntry()
	fs.Add("user.password_again", "Password again", f.again)
	for _, e := range []*widget.Entry{f.name, f.fullName, f.password, f.again} {
		e.OnSubmitted = func(string) { f.submit() }
	}
	hint := widget.NewLabel(lang.X("firstrun.password_hint", "At least {{.n}} characters. Keep it safe: only another administrator can reset it.", map[string]any{"n": app.MinPasswordLength}))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	f.create = widget.NewButtonWithIcon(lang.X("firstrun.create", "Create the administrator"), theme.ConfirmIcon(), f.submit)
	f.create.Importance = widget.HighImportance

	box := container.NewVBox(container.NewCenter(logo), title, intro, fs.Object(), hint, f.create)
	if f.withDemo {
		f.demo = widget.NewButtonWithIcon(lang.X("wizard.demo", "Load the demo company"), theme.DownloadIcon(), f.loadDemo)
		f.progress = widget.NewProgressBar()
		f.progress.Hide()
		f.demoNote = widget.NewLabel(lang.X("firstrun.demo_note", "Or look around first: the demo company comes with a user for every role."))
		f.demoNote.Wrapping = fyne.TextWrapWord
		f.demoNote.Importance = widget.LowImportance
		box.Add(widget.NewSeparator())
		box.Add(f.demoNote)
		box.Add(f.demo)
		box.Add(f.progress)
	}
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 660), container.NewVScroll(box)))
}

// focus puts the cursor in the name field.
func (f *firstRun) focus() { f.gate.win.Canvas().Focus(f.name) }

// newUser reads the form; the passwords must match.
func (f *firstRun) newUser() (app.NewUser, error) {
	u := app.NewUser{Name: app.NormalizeUserName(f.name.Text), FullName: f.fullName.Text,
		Roles: []app.Role{app.RoleAdmin}, Password: f.password.Text}
	if err := u.Validate(); err != nil {
		return u, err
	}
	if f.again.Text != f.password.Text {
		return u, errPasswordsDiffer("user.password_again")
	}
	return u, nil
}

// errPasswordsDiffer is the refusal of a repeated password that does not match.
func errPasswordsDiffer(field string) error {
	return app.Invalid(field, "err.password.mismatch", "the two passwords differ", nil)
}

// submit creates the first administrator and signs them in.
func (f *firstRun) submit() {
	f.fields.Clear()
	u, err := f.newUser()
	if err != nil {
		f.fail(err)
		return
	}
	users := f.gate.deps.Services.Users
	// nobody is signed in yet: the call runs without a user
	kit.Call(kit.Deps{}, kit.To{Busy: kit.ButtonsBusy(f.create), Err: f.fail}, func(ctx context.Context) (app.User, error) {
		return users.CreateFirstAdmin(ctx, u)
	}, f.gate.signedIn)
}

// fail shows err at its field; errors about nothing on the form get the dialog.
func (f *firstRun) fail(err error) {
	if !f.fields.Mark(err) {
		kit.ShowError(err, f.gate.win)
	}
}

// loadDemo fills the database with the demo company and its users, then
// shows the login screen listing them.
func (f *firstRun) loadDemo() {
	f.demo.Disable()
	f.create.Disable()
	f.progress.SetValue(0)
	f.progress.Show()
	f.demoNote.SetText(lang.X("wizard.demo_running", "Creating the demo company…"))
	load := f.gate.deps.LoadDemo
	kit.Job(kit.Deps{}, kit.To{}, func(ctx context.Context, progress func(done, total int)) (struct{}, error) {
		return struct{}{}, load(ctx, progress)
	}, func(done, total int) {
		if total > 0 {
			f.progress.SetValue(float64(done) / float64(total))
		}
	}, func(_ struct{}, err error) {
		if err != nil {
			f.demo.Enable()
			f.create.Enable()
			f.progress.Hide()
			kit.ShowError(err, f.gate.win)
			return
		}
		f.gate.demoHint = true
		f.gate.showLogin()
	})
}
