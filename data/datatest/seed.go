package datatest

import (
	"context"
	"testing"

	"kontor/app"
)

// Seeds every package's tests share. Their names differ from the store's
// methods, which DB embeds (a seed called Customer would hide
// Store.Customer).

// AddUser creates a user with the name, full name and password a test wants
// (As names its users after their roles), as the admin.
func (db *DB) AddUser(tb testing.TB, name, fullName, password string, roles ...app.Role) app.User {
	tb.Helper()
	u, err := db.CreateUser(db.Ctx, app.NewUser{Name: name, FullName: fullName, Roles: roles, Password: password})
	if err != nil {
		tb.Fatalf("datatest: user %s: %v", name, err)
	}
	return u
}

// Post posts the entries one by one as the admin and returns them as stored
// (numbered).
func (db *DB) Post(tb testing.TB, es ...app.Entry) []app.Entry {
	tb.Helper()
	out := make([]app.Entry, 0, len(es))
	for _, e := range es {
		posted, err := db.PostEntry(db.Ctx, e)
		if err != nil {
			tb.Fatalf("datatest: posting %+v: %v", e, err)
		}
		out = append(out, posted)
	}
	return out
}

// LockMonth locks the month m for posting, as the admin.
func (db *DB) LockMonth(tb testing.TB, m app.Month) {
	tb.Helper()
	if err := db.SetPeriodLock(db.Ctx, m, true); err != nil {
		tb.Fatalf("datatest: locking %s: %v", m.Format(), err)
	}
}

// EntryIDs returns the ID of every journal entry, in journal (date) order,
// read as the admin: tests compare it before and after a command to see
// what was posted.
func (db *DB) EntryIDs(tb testing.TB) []string {
	tb.Helper()
	n, err := db.JournalCount(db.Ctx, app.JournalFilter{})
	if err != nil {
		tb.Fatalf("datatest: journal: %v", err)
	}
	lines, err := db.JournalPage(db.Ctx, app.JournalFilter{}, 0, n)
	if err != nil {
		tb.Fatalf("datatest: journal: %v", err)
	}
	var ids []string
	seen := map[string]bool{}
	for _, l := range lines {
		if !seen[l.EntryID] {
			seen[l.EntryID] = true
			ids = append(ids, l.EntryID)
		}
	}
	return ids
}

// NewEntries returns the entries posted since before (an EntryIDs result),
// in journal order.
func (db *DB) NewEntries(tb testing.TB, before []string) []app.Entry {
	tb.Helper()
	old := make(map[string]bool, len(before))
	for _, id := range before {
		old[id] = true
	}
	var out []app.Entry
	for _, id := range db.EntryIDs(tb) {
		if old[id] {
			continue
		}
		e, err := db.Entry(db.Ctx, id)
		if err != nil {
			tb.Fatalf("datatest: entry %s: %v", id, err)
		}
		out = append(out, e)
	}
	return out
}

// AuditTrail returns the audit entries matching f, oldest first, read in
// ctx (a user allowed to read the trail; db.Ctx in a store with an admin).
// Tests count sign-ins ("login"), postings ("post") and the like here.
func (db *DB) AuditTrail(tb testing.TB, ctx context.Context, f app.AuditFilter) []app.AuditEntry {
	tb.Helper()
	n, err := db.AuditCount(ctx, f)
	if err != nil {
		tb.Fatalf("datatest: audit trail: %v", err)
	}
	page, err := db.AuditPage(ctx, f, 0, n)
	if err != nil {
		tb.Fatalf("datatest: audit trail: %v", err)
	}
	out := make([]app.AuditEntry, len(page))
	for i, e := range page {
		out[len(page)-1-i] = e
	}
	return out
}

// Actions returns how many audit entries of trail have each action
// ("login", "login.failed", "post", …).
func Actions(trail []app.AuditEntry) map[string]int {
	n := map[string]int{}
	for _, e := range trail {
		n[e.Action]++
	}
	return n
}
