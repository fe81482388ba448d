package data

import (
	"context"
	"math"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// freeFailures is how many wrong passwords in a row cost nothing; after that
// each further failure doubles the wait before the next attempt is heard.
const freeFailures = 3

// maxLoginDelay caps the wait so a forgotten password never locks anyone out for long.
const maxLoginDelay = 15 * time.Minute

// loginDelay is how long a user with n failures in a row must wait.
func loginDelay(n int) time.Duration {
	if n < freeFailures {
		return 0
	}
	d := time.Duration(math.Pow(2, float64(n-freeFailures))) * time.Second
	return min(d, maxLoginDelay)
}

// dummyHash is verified for unknown users so a wrong name takes as long as a
// wrong password and names cannot be probed by timing. It is made on first
// use, not at start-up.
var dummyHash = sync.OnceValue(func() string { h, _ := app.HashPassword("kontor-no-such-user"); return h })

// Authenticate checks name and password and returns the user to put in the
// context. Every failure is written to the audit trail; repeated failures for
// a user make further attempts wait (growing delay), refused without even
// checking the password.
func (s *Store) Authenticate(ctx context.Context, name, password string) (app.User, error) {
	name = app.NormalizeUserName(name)
	now := s.clock.Now().UTC()
	var rec userRecord
	var found bool
	err := s.view("signing in", func(tx *bolt.Tx) error {
		r, err := readUser(tx, name)
		rec, found = r, err == nil
		return nil
	})
	if err != nil {
		return app.User{}, err
	}
	fail := func(reason string, countIt bool) (app.User, error) {
		if err := s.recordFailure(name, reason, countIt && found, now); err != nil {
			return app.User{}, err
		}
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.failed", "wrong user name or password", nil)
	}
	if found {
		if wait := rec.LastFailure.Add(loginDelay(rec.Failures)).Sub(now); wait > 0 {
			_ = s.writeAs("recording the sign-in attempt", name, func(tx *bolt.Tx, a *auditor) error {
				return a.logKey("login.refused", "user", rec.ID, "audit.login_refused", "attempt while waiting after failed sign-ins", nil)
			})
			return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.wait", "too many wrong passwords for {{.name}}; try again in {{.seconds}} s", map[string]any{"name": name, "seconds": int(math.Ceil(wait.Seconds()))})
		}
	}
	if !found {
		app.VerifyPassword(dummyHash(), password)
		return fail("unknown user", false)
	}
	if !app.VerifyPassword(rec.Hash, password) {
		return fail("wrong password", true)
	}
	if rec.Disabled {
		_ = s.recordFailure(name, "disabled user", false, now)
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.disabled", "user {{.name}} is disabled", map[string]any{"name": name})
	}
	err = s.writeAs("signing in", name, func(tx *bolt.Tx, a *auditor) error {
		r, err := readUser(tx, name)
		if err != nil {
			return err
		}
		if r.Failures != 0 {
			r.Failures = 0
			if err := putUser(tx, r); err != nil {
				return err
			}
		}
		rec = r
		return a.logKey("login", "user", r.ID, "audit.login", "signed in", nil)
	})
	if err != nil {
		return app.User{}, err
	}
	return rec.User, nil
}

// recordFailure audits a failed sign-in and, for a known user, counts it.
func (s *Store) recordFailure(name, reason string, count bool, now time.Time) error {
	return s.writeAs("recording the failed sign-in", name, func(tx *bolt.Tx, a *auditor) error {
		id := ""
		if count {
			if r, err := readUser(tx, name); err == nil {
				r.Failures++
				r.LastFailure = now
				id = r.ID
				if err := putUser(tx, r); err != nil {
					return err
				}
			}
		}
		return a.logKey("login.failed", "user", id, "audit.login_failed", "{{.reason}}", app.AuditArgs{"reason": app.ALabel("audit.login_failed."+strings.ReplaceAll(reason, " ", "_"), reason)})
	})
}
