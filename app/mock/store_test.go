package mock_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/mock"
)

// TestStoreCallsItsFuncs: every method passes its arguments to its Fn and
// returns what the Fn returns, nothing more.
func TestStoreCallsItsFuncs(t *testing.T) {
	var got []string
	when := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	boom := errors.New("disk full")
	s := &mock.Store{
		PathFn:       func() string { got = append(got, "path"); return "/tmp/firma.db" },
		LastBackupFn: func() time.Time { got = append(got, "last"); return when },
		BackupFn: func(_ context.Context, dst string, opts app.BackupOptions) error {
			got = append(got, "backup "+dst)
			if !opts.Force {
				t.Error("Backup lost its options")
			}
			return boom
		},
		CheckFn: func(context.Context) ([]app.Problem, error) {
			got = append(got, "check")
			return []app.Problem{{Key: "check.x"}}, nil
		},
		CheckAgainstFn: func(_ context.Context, backup string) ([]app.Problem, error) {
			got = append(got, "against "+backup)
			return nil, boom
		},
	}
	var svc app.StoreService = s
	ctx := context.Background()
	if svc.Path() != "/tmp/firma.db" || !svc.LastBackup().Equal(when) {
		t.Error("Path or LastBackup")
	}
	if err := svc.Backup(ctx, "/tmp/b.db", app.BackupOptions{Force: true}); err != boom {
		t.Errorf("Backup: %v", err)
	}
	if p, err := svc.Check(ctx); err != nil || len(p) != 1 || p[0].Key != "check.x" {
		t.Errorf("Check: %v %v", p, err)
	}
	if _, err := svc.CheckAgainst(ctx, "/tmp/b.db"); err != boom {
		t.Errorf("CheckAgainst: %v", err)
	}
	want := []string{"path", "last", "backup /tmp/b.db", "check", "against /tmp/b.db"}
	if len(got) != len(want) {
		t.Fatalf("calls %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: %s, want %s", i, got[i], want[i])
		}
	}
}
