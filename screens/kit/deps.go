package kit

import (
	"context"
	"kontor/app"
)

// Deps are what the screens need.
type Deps struct {
	Services app.Services // Company, Ledger, Store, Users, Audit, Clock
	// LoadDemo fills an empty database (no company, no users) with the demo
	// company and its demo users, reporting progress.
	LoadDemo func(ctx context.Context, progress func(done, total int)) error
	// Printer prints every kind of document (app/pdf.Printer, wired by
	// main): sales documents, statements, report tables, badges.
	Printer app.Printer

	// Sess is the signed-in user, shared by every copy of Deps a window's
	// screens hold; ShowMain creates it.
	Sess *Session
}

// Ctx is the context of the calls the screens make: it carries the signed-in
// user, whom the services authorise. Take it on the UI thread and hand it to
// the goroutine, so sign-in and sign-out never race with background work.
func (d Deps) Ctx() context.Context {
	if d.Sess == nil {
		return context.Background()
	}
	return d.Sess.Ctx()
}

// User is the signed-in user (zero when nobody is).
func (d Deps) User() app.User {
	if d.Sess == nil {
		return app.User{}
	}
	return d.Sess.User
}

// Can reports whether the signed-in user holds permission p; the screens use
// it to hide what the store would refuse anyway.
func (d Deps) Can(p app.Permission) bool {
	u := d.User()
	return u.Name != "" && !u.Disabled && app.Can(u.Roles, p)
}

// Clock is the services' clock, the system clock if none is set.
func (d Deps) Clock() app.Clock {
	if d.Services.Clock != nil {
		return d.Services.Clock
	}
	return app.SystemClock{}
}

// Session is the user signed in to the main window. Every call the screens
// make carries them in its context; the store decides what they may do.
type Session struct {
	User app.User
}

// Ctx returns a context carrying the user.
func (s *Session) Ctx() context.Context {
	if s.User.Name == "" {
		return context.Background()
	}
	return app.WithUser(context.Background(), s.User)
}
