package main

import (
	"context"
	"os"
	"testing"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
)

// productionPasswordCost is app.PasswordCost as the program runs with it,
// kept before TestMain lowers it: a benchmark of signing in sets it back.
var productionPasswordCost = app.PasswordCost

// TestMain hashes passwords cheaply (the end-to-end tests sign in for every
// command and the demo makes seven users; they test the rules, not the
// brute-force resistance) and lets tests take a copy of the demo company.
func TestMain(m *testing.M) {
	datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
		_, err := demo.Run(ctx, svc, demo.Options{}, demoSteps()...)
		return demo.Admin, demo.Password, err
	})
	os.Exit(datatest.Main(m))
}

// TestPasswordCostKept: the production cost is the one app ships with.
func TestPasswordCostKept(t *testing.T) {
	if productionPasswordCost.Time < 2 || productionPasswordCost.Memory < 19*1024 {
		t.Errorf("production password cost %+v is below OWASP's argon2id minimum", productionPasswordCost)
	}
	if app.PasswordCost == productionPasswordCost {
		t.Error("TestMain did not lower the password cost for the tests")
	}
}
