package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// TestPayrollReconcile: Petr Dvořák's 2026 (12 × 45,000, one child, 2,913
// withheld a month = 34,956) with a pension contribution of 24,000: 3,600
// deductible, base 536,400, tax 80,460 − 30,840 − 15,204 = 34,416, refund
// 540, paid in March 2027.
func TestPayrollReconcile(t *testing.T) {
	te, db, e := payrollEnv(t)
	for mo := time.January; mo <= time.December; mo++ {
		if code := te.run("payroll", "run", fmt.Sprintf("2026-%02d", mo)); code != ExitOK {
			t.Fatalf("run %d: exit %d: %s", mo, code, te.err.String())
		}
	}

	if code := te.run("payroll", "reconcile", "dvořák", "2026", "--pension", "24000", "--dry-run"); code != ExitOK {
		t.Fatalf("dry run: exit %d: %s", code, te.err.String())
	}
	for _, w := range []string{"540,000.00", "536,400.00", "80,460.00", "34,416.00", "34,956.00", "540.00", "Dry run of Petr Dvořák's reconciliation of 2026"} {
		if !strings.Contains(te.out.String(), w) {
			t.Errorf("dry run lacks %q:\n%s", w, te.out.String())
		}
	}
	if _, err := db.TaxReconciliation(db.Ctx, e.ID, 2026); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("after the dry run: %v", err)
	}

	out := filepath.Join(t.TempDir(), "rz.pdf")
	if code := te.run("payroll", "reconcile", e.ID, "2026", "--pension", "24 000", "--out", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), "Recorded Petr Dvořák's reconciliation of 2026: the refund of 540.00 Kč is paid with the pay run of 3/2027.") {
		t.Errorf("stdout %q", te.out.String())
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the sheet: %v", err)
	}
	rec, err := db.TaxReconciliation(db.Ctx, e.ID, 2026)
	if err != nil || rec.Result.Refund != 540_00 || rec.Input.Deductions.Pension != 24_000_00 {
		t.Fatalf("recorded %+v %v", rec, err)
	}

	t.Run("again without --correct", func(t *testing.T) {
		expectFail(t, te, te.run("payroll", "reconcile", e.ID, "2026"), "correct")
	})
	t.Run("corrected", func(t *testing.T) {
		// No pension after all: base 540,000, due 34,956 − 0 = nothing to refund.
		if code := te.run("payroll", "reconcile", e.ID, "2026", "--correct"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !strings.Contains(te.out.String(), "nothing to refund") {
			t.Errorf("stdout %q", te.out.String())
		}
	})
	t.Run("the DPP student without the prohlášení", func(t *testing.T) {
		expectFail(t, te, te.run("payroll", "reconcile", "Šárka", "2026"), "prohlášení")
	})
	t.Run("another employer", func(t *testing.T) {
		expectFail(t, te, te.run("payroll", "reconcile", e.ID, "2026", "--other-employer", "--dry-run"), "another employer")
	})
	t.Run("nobody of that name", func(t *testing.T) {
		expectFail(t, te, te.run("payroll", "reconcile", "Nikdo 🙂", "2026"), "Nikdo")
	})
	t.Run("bad input", func(t *testing.T) {
		for _, args := range [][]string{{e.ID, "20x6"}, {e.ID, "2026", "--pension", "hodně"}, {e.ID, "2026", "--pay-month", "březen"},
			{e.ID, "2026", "--out", filepath.Join(t.TempDir(), "rz.txt")}} {
			if code := te.run(append([]string{"payroll", "reconcile"}, args...)...); code != ExitUsage {
				t.Errorf("%v: exit %d", args, code)
			}
		}
		expectFail(t, te, te.run("payroll", "reconcile", e.ID, "2026", "--gifts", "-5", "--dry-run"), "")
	})
	t.Run("the salesman", func(t *testing.T) {
		te.as("eva", "eva-heslo-12")
		defer te.as("mzdy", "mzdy-heslo-1")
		if code := te.run("payroll", "reconcile", e.ID, "2026", "--dry-run"); code != ExitFailure || te.out.Len() != 0 {
			t.Errorf("exit %d, stdout %q", code, te.out.String())
		}
	})
}
