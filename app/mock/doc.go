// Package mock holds logic-free stand-ins for app's service interfaces, for
// the few tests that need an answer the real store cannot give (a damaged
// file, a failing disk). Each is a struct of …Fn fields; each method calls
// its field and does nothing else, so a test says exactly what happens:
//
//	st := &mock.Store{CheckFn: func(context.Context) ([]app.Problem, error) {
//		return []app.Problem{{Key: "check.journal_gap"}}, nil
//	}}
//
// A method whose field is nil panics: the test called something it did not
// expect. Tests run on the real store (kontor/data/datatest) otherwise; only
// _test.go files import this package (the layout test enforces it). Whoever
// changes a service interface updates its mock in the same commit.
package mock
