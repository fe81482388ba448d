package app

import "context"

// ProgressFunc is told how far long work has come: done of total units
// (total is an estimate and may be exceeded; show done/total capped at 100 %).
type ProgressFunc func(done, total int64)

type progressKey struct{}

// WithProgress returns ctx carrying f, for long calls whose signature has no
// room for a callback (the database check).
func WithProgress(ctx context.Context, f ProgressFunc) context.Context {
	return context.WithValue(ctx, progressKey{}, f)
}

// ProgressFrom returns the ProgressFunc ctx carries, or one that does nothing.
func ProgressFrom(ctx context.Context) ProgressFunc {
	if f, ok := ctx.Value(progressKey{}).(ProgressFunc); ok && f != nil {
		return f
	}
	return func(int64, int64) {}
}
