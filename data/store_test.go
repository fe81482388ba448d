package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func TestOpenCreatesSchema(t *testing.T) {
	s, _ := MustOpenDB(t)
	err := s.db.View(func(tx *bolt.Tx) error {
		v, err := readSchema(tx, s.path)
		if v != SchemaVersion() {
			t.Errorf("schema %d, want %d", v, SchemaVersion())
		}
		for _, b := range [][]byte{bMeta, bAccounts, bJournal, bBalances, bLocks, bCounters, bNumbers} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Company(ctx); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("Company on new file: %v, want ENOTFOUND", err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s, _ := MustOpenDB(t)
	path := s.Path()
	_ = s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kSchema, u64(uint64(SchemaVersion()+1))) })
	s.Close()
	_, err := Open(path, Options{NoAutoBackup: true})
	wantCode(t, err, app.ECONFLICT, "")
	if !strings.Contains(err.Error(), "newer Kontor") {
		t.Fatalf("message %q does not say newer Kontor", err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database\n", 2000)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(junk, Options{NoAutoBackup: true})
	wantCode(t, err, app.EINVALID, "")
	if !strings.Contains(err.Error(), "not a Kontor database") {
		t.Fatalf("got %v", err)
	}
	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	db.Close()
	_, err = Open(other, Options{NoAutoBackup: true})
	wantCode(t, err, app.EINVALID, "")
}

func TestOpenInUseFailsFast(t *testing.T) {
	s, _ := MustOpenDB(t)
	start := time.Now()
	_, err := Open(s.Path(), Options{NoAutoBackup: true})
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("second open took %v, must fail within 2 s", took)
	}
	wantCode(t, err, app.EINUSE, "")
	if !strings.Contains(app.ErrorMessage(err, nil), "already open") {
		t.Fatalf("message %q", app.ErrorMessage(err, nil))
	}
}

func TestMigrationsRunForwardInOneTransaction(t *testing.T) {
	s, _ := MustOpenDB(t)
	path := s.Path()
	s.Close()
	saved := migrations
	defer func() { migrations = saved }()

	// A failing migration leaves the file at its old version, untouched.
	migrations = append(append([]migration{}, saved...),
		migration{"v2", func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("v2")); return err }},
		migration{"failing", func(tx *bolt.Tx) error { return os.ErrInvalid }})
	if _, err := Open(path, Options{NoAutoBackup: true}); err == nil {
		t.Fatal("failing migration: open succeeded")
	}
	db, _ := bolt.Open(path, 0o600, nil)
	_ = db.View(func(tx *bolt.Tx) error {
		if v, _ := readSchema(tx, path); v != len(saved) || tx.Bucket([]byte("v2")) != nil {
			t.Errorf("after failed migration: schema %d, v2 bucket %v", v, tx.Bucket([]byte("v2")) != nil)
		}
		return nil
	})
	db.Close()

	migrations = migrations[:len(saved)+1]
	s2, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	_ = s2.db.View(func(tx *bolt.Tx) error {
		if v, _ := readSchema(tx, path); v != len(saved)+1 || tx.Bucket([]byte("v2")) == nil {
			t.Errorf("after migration: schema %d", v)
		}
		return nil
	})
}

// A file written before users existed (schema 1) opens, gains the users and
// audit buckets in one migration, keeps its company, and has no users yet.
func TestMigrationFromSchema1AddsUsers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	saved := migrations
	migrations = saved[:1]
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		migrations = saved
		t.Fatal(err)
	}
	c := testCompany()
	c.Normalize()
	c.VATRates, c.Series = app.DefaultVATRates(), app.DefaultSeries()
	_ = s.db.Update(func(tx *bolt.Tx) error { return writeCompany(tx, c) })
	s.Close()
	migrations = saved

	s, err = Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v, _ := readSchema(tx, path); v != SchemaVersion() || tx.Bucket(bUsers) == nil || tx.Bucket(bAudit) == nil {
			t.Errorf("after migration: schema %d", v)
		}
		if got, err := readCompany(tx); err != nil || got.Name != c.Name {
			t.Errorf("company lost: %v", err)
		}
		return nil
	})
	if has, _ := s.HasUsers(ctx); has {
		t.Error("a migrated file has users")
	}
}
