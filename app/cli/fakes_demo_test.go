package cli

import (
	"context"

	"kontor/app"
	"kontor/app/demo"
)

// adminCtx signs in the admin of a fake store. It lived in the demo's
// tests, which moved to app/demo onto the real store; it goes with the
// fakes (issue 11, WP1).
func adminCtx(st *fakeStore) context.Context {
	u, _ := st.user(DemoAdmin)
	return app.WithUser(context.Background(), u.User)
}

// demoCompany is demo.Company, under the name the tests knew.
func demoCompany(chart app.Chart) app.Company { return demo.Company(chart) }
