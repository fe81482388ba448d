package data

import "testing"

// BenchmarkCheck is `kontor check` on a million journal lines: the page
// check, the running balances recomputed, every entry re-hashed against its
// proof, the audit chain walked.
func BenchmarkCheck(b *testing.B) {
	path := bigDB(b)
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		probs, err := s.Check(ctx)
		if err != nil || len(probs) > 0 {
			b.Fatalf("check: %v %v", probs, err)
		}
	}
}
