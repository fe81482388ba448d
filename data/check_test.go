package data

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Each test damages the file behind the store's back and expects Check to say so.
func TestCheckFindsDamage(t *testing.T) {
	cases := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		want   string
	}{
		{"balance changed", func(tx *bolt.Tx) error {
			return tx.Bucket(bBalances).Put(balanceKey("311", app.Month{Year: 2026, Month: 3}), i64s(1, 0, 1))
		}, "running balance of account 311"},
		{"number removed", func(tx *bolt.Tx) error {
			return tx.Bucket(bNumbers).Delete(cat([]byte(app.SeriesJournal), sep, []byte("2026"), u64(2)))
		}, "number 2 is missing"},
		{"entry unbalanced", func(tx *bolt.Tx) error {
			c := tx.Bucket(bJournal).Cursor()
			k, v := c.First()
			return tx.Bucket(bJournal).Put(append([]byte(nil), k...), []byte(strings.Replace(string(v), `"dr":121000`, `"dr":121001`, 1)))
		}, "is not balanced"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := MustCompany(t)
			for i := 0; i < 3; i++ {
				if _, err := s.PostEntry(ctx, sale(app.D(2026, 3, 1+i))); err != nil {
					t.Fatal(err)
				}
			}
			mustCheckClean(t, s)
			if err := s.db.Update(tc.damage); err != nil {
				t.Fatal(err)
			}
			probs, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, p := range probs {
				texts = append(texts, p.Text(nil))
			}
			if !strings.Contains(strings.Join(texts, "\n"), tc.want) {
				t.Fatalf("check said %q, want a problem containing %q", texts, tc.want)
			}
		})
	}
}
