package cli

import (
	"context"

	"kontor/app"
	"kontor/app/demo"
)

// The demo lives in app/demo; these names keep main, the root tests and the
// CLI's tests compiling until the CLI registration (issue 11, P2/P3) calls
// demo.Run with the steps main composes, and this file goes.

// DemoOptions says how much demo data to make and for when (demo.Options).
type DemoOptions = demo.Options

// DemoSummary is what Demo made (demo.Summary).
type DemoSummary = demo.Summary

// DemoPassword is the password of every demo user (demo.Password).
const DemoPassword = demo.Password

// DemoAdmin is the login name of the demo's first admin (demo.Admin).
const DemoAdmin = demo.Admin

// MaxDemoScale bounds --scale (demo.MaxScale).
const MaxDemoScale = demo.MaxScale

// DemoUsers returns the users the demo creates (demo.Users).
func DemoUsers() []app.NewUser { return demo.Users() }

// Demo makes the whole demo: demo.Run with every step (demo.All).
func Demo(ctx context.Context, svc app.Services, opt DemoOptions) (DemoSummary, error) {
	return demo.Run(ctx, svc, opt, demo.All()...)
}
