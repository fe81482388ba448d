package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// authorize checks, inside the transaction, that ctx's user exists, is enabled
// and, by the roles stored now (not those remembered at sign-in), holds p. It
// returns the stored user. Roles are enforced here, in the store, so hiding a
// tab is a convenience and never the control.
func authorize(tx *bolt.Tx, ctx context.Context, p app.Permission) (app.User, error) {
	claimed, ok := app.UserFrom(ctx)
	if !ok {
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.no_user", "sign in first", nil)
	}
	rec, err := readUser(tx, claimed.Name)
	if err != nil {
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.unknown_user", "user {{.name}} does not exist", map[string]any{"name": claimed.Name})
	}
	return rec.User, app.Authorize(app.WithUser(ctx, rec.User), p)
}

// viewAs runs fn in a read transaction after authorizing p.
func (s *Store) viewAs(ctx context.Context, p app.Permission, what string, fn func(tx *bolt.Tx, u app.User) error) error {
	return s.view(what, func(tx *bolt.Tx) error {
		u, err := authorize(tx, ctx, p)
		if err != nil {
			return err
		}
		return fn(tx, u)
	})
}

// updateAs runs fn in a write transaction after authorizing p; fn appends its
// audit entries through the auditor it is given, in the same transaction.
// When fn succeeds, the records it wrote go into the change log as the
// user's (flushChanges).
func (s *Store) updateAs(ctx context.Context, p app.Permission, what string, fn func(tx *bolt.Tx, u app.User, a *auditor) error) error {
	return s.update(what, func(tx *bolt.Tx) error {
		u, err := authorize(tx, ctx, p)
		if err != nil {
			return err
		}
		before := tx.Bucket(bAudit).Sequence()
		if err := fn(tx, u, &auditor{tx: tx, clock: s.clock, user: u.Name}); err != nil {
			return err
		}
		return flushChanges(tx, u.Name, s.clock.Now().UTC(), before)
	})
}

// writeAs is updateAs for the writes made before anyone is signed in — a
// sign-in and its failures, the first administrator: fn runs as the named
// user without authorizing, and what it writes is logged as that user's.
func (s *Store) writeAs(what, user string, fn func(tx *bolt.Tx, a *auditor) error) error {
	return s.update(what, func(tx *bolt.Tx) error {
		before := tx.Bucket(bAudit).Sequence()
		if err := fn(tx, &auditor{tx: tx, clock: s.clock, user: user}); err != nil {
			return err
		}
		return flushChanges(tx, user, s.clock.Now().UTC(), before)
	})
}

// allowed refuses, before any validation or slow work, a user who lacks p: a
// receptionist posting a bad entry hears "not allowed", not what is wrong
// with the entry.
func (s *Store) allowed(ctx context.Context, p app.Permission) error {
	return s.view("checking permissions", func(tx *bolt.Tx) error {
		_, err := authorize(tx, ctx, p)
		return err
	})
}
