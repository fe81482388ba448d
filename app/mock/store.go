package mock

import (
	"context"
	"time"

	"kontor/app"
)

var _ app.StoreService = (*Store)(nil)

// Store is an app.StoreService.
type Store struct {
	PathFn         func() string
	LastBackupFn   func() time.Time
	BackupFn       func(ctx context.Context, dst string, opts app.BackupOptions) error
	CheckFn        func(ctx context.Context) ([]app.Problem, error)
	CheckAgainstFn func(ctx context.Context, backup string) ([]app.Problem, error)
}

// Path calls PathFn.
func (s *Store) Path() string { return s.PathFn() }

// LastBackup calls LastBackupFn.
func (s *Store) LastBackup() time.Time { return s.LastBackupFn() }

// Backup calls BackupFn.
func (s *Store) Backup(ctx context.Context, dst string, opts app.BackupOptions) error {
	return s.BackupFn(ctx, dst, opts)
}

// Check calls CheckFn.
func (s *Store) Check(ctx context.Context) ([]app.Problem, error) { return s.CheckFn(ctx) }

// CheckAgainst calls CheckAgainstFn.
func (s *Store) CheckAgainst(ctx context.Context, backup string) ([]app.Problem, error) {
	return s.CheckAgainstFn(ctx, backup)
}
