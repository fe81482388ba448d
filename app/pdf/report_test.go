package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

func amountCS(v int64) string { return app.FormatMinor(v, 2, app.Czech) }

// trialBalanceCS is a Czech trial balance as BuildReport lays it out.
func trialBalanceCS() app.ReportTable {
	t := app.ReportTable{Kind: app.ReportTrialBalance, Title: "Obratová předvaha", Period: "1.\u00a01.\u00a02026 – 31.\u00a03.\u00a02026", Lang: app.Czech,
		Columns: []app.ReportColumn{{Title: "Účet", Weight: 0.7}, {Title: "Název účtu", Weight: 2.6}, {Title: "Počáteční stav", Numeric: true, Weight: 1.2},
			{Title: "Obrat MD", Numeric: true, Weight: 1.2}, {Title: "Obrat D", Numeric: true, Weight: 1.2}, {Title: "Konečný stav", Numeric: true, Weight: 1.2}},
		Notes: []string{"Obrat MD se rovná obratu D.", "Částky v CZK"}}
	rows := []struct {
		code, name       string
		open, debit, cre int64
	}{
		{"211", "Pokladna", 20000_00, 2420_00, 0},
		{"221", "Bankovní účty", 500000_00, 121000_00, 6050_00},
		{"311", "Odběratelé", 0, 177000_00, 126600_00},
		{"343", "Daň z přidané hodnoty", 0, 4380_00, 31620_00},
		{"602", "Tržby z prodeje služeb", 0, 0, 102000_00},
		{"518", "Ostatní služby – účetní poradenství a údržba softwaru s velmi dlouhým názvem", 0, 1234567_89, 0},
	}
	var td, tc int64
	for _, r := range rows {
		t.Rows = append(t.Rows, app.ReportRow{Cells: []string{r.code, r.name, amountCS(r.open), amountCS(r.debit), amountCS(r.cre), amountCS(r.open + r.debit - r.cre)}})
		td += r.debit
		tc += r.cre
	}
	t.Rows = append(t.Rows, app.ReportRow{Cells: []string{"", "Celkem", "", amountCS(td), amountCS(tc), ""}, Total: true})
	return t
}

func reportFile(t *testing.T, r app.ReportTable) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := (ReportRenderer{Created: created}).Report(&b, r, stCompany()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

func TestReportTrialBalancePDF(t *testing.T) {
	r := trialBalanceCS()
	path, b := reportFile(t, r)
	ps := pages(t, path)
	if len(ps) != 1 {
		t.Fatalf("%d pages, want 1", len(ps))
	}
	mustContain(t, "trial balance", ps[0], "Obratová předvaha", "1. 1. 2026 – 31. 3. 2026", "Kontor Žluťoučký s.r.o.", "IČO: 27082440",
		"Účet", "Název účtu", "Počáteční stav", "Obrat MD", "Obrat D", "Konečný stav",
		"Bankovní účty", "Daň z přidané hodnoty", "500 000,00", "1 234 567,89", "Celkem",
		"Obrat MD se rovná obratu D.", "Strana 1 z 1")
	// Amounts are right-aligned: the closing balances end at the same column.
	var ends []int
	for _, line := range strings.Split(ps[0], "\n") {
		if strings.Contains(line, "Bankovní účty") || strings.Contains(line, "Pokladna") {
			ends = append(ends, len([]rune(strings.TrimRight(line, " "))))
		}
	}
	if len(ends) != 2 || ends[0] != ends[1] {
		t.Errorf("closing balances end at %v, want one column", ends)
	}
	// Portrait A4 for six columns, landscape for more.
	if !bytes.Contains(b, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("a six-column report is not portrait A4")
	}
	wide := r
	wide.Columns = append(wide.Columns, app.ReportColumn{Title: "Poznámka"})
	for i := range wide.Rows {
		wide.Rows[i].Cells = append(wide.Rows[i].Cells, "")
	}
	_, wb := reportFile(t, wide)
	if !bytes.Contains(wb, []byte("841.89 595.28")) {
		t.Error("a seven-column report is not landscape")
	}
	// Deterministic with a fixed creation date.
	_, again := reportFile(t, r)
	if !bytes.Equal(b, again) {
		t.Error("two renders of one report differ")
	}
}

func TestReportLedgerMultiPagePDF(t *testing.T) {
	r := app.ReportTable{Kind: app.ReportLedger, Title: "General ledger – account 221 Bankovní účty", Period: "1 Jan 2026 – 31 Dec 2026", Lang: app.English,
		Columns: []app.ReportColumn{{Title: "Date", Weight: 0.9}, {Title: "Entry", Weight: 1}, {Title: "Description", Weight: 3},
			{Title: "Debit", Numeric: true, Weight: 1.2}, {Title: "Credit", Numeric: true, Weight: 1.2}, {Title: "Balance", Numeric: true, Weight: 1.3}},
		Notes: []string{"Balances are debit minus credit.", "Amounts in CZK"}}
	r.Rows = append(r.Rows, app.ReportRow{Cells: []string{"1 Jan 2026", "", "Opening balance", "", "", "500,000.00"}, Total: true})
	bal := int64(500000_00)
	for i := range 240 {
		amt := int64(1000_00 + i)
		bal += amt
		r.Rows = append(r.Rows, app.ReportRow{Cells: []string{"2 Jan 2026", fmt.Sprintf("UD%04d", i), "Úhrada – žluťoučký kůň " + fmt.Sprint(i),
			app.FormatMinor(amt, 2, app.English), "", app.FormatMinor(bal, 2, app.English)}})
	}
	r.Rows = append(r.Rows, app.ReportRow{Cells: []string{"31 Dec 2026", "", "Closing balance", "", "", app.FormatMinor(bal, 2, app.English)}, Total: true})
	path, _ := reportFile(t, r)
	ps := pages(t, path)
	if len(ps) < 3 {
		t.Fatalf("%d pages, want several", len(ps))
	}
	n := len(ps)
	all := strings.Join(ps, "\f")
	for i, p := range ps {
		mustContain(t, fmt.Sprint("page ", i+1), p, "Date", "Entry", "Description", "Debit", "Credit", "Balance",
			fmt.Sprintf("Page %d of %d", i+1, n), "Kontor Žluťoučký s.r.o.")
		if i > 0 {
			mustContain(t, "continuation", p, "(continued)", "General ledger – account 221 Bankovní účty")
		}
	}
	for i := range 240 {
		if !strings.Contains(all, fmt.Sprintf("UD%04d", i)) {
			t.Fatalf("line UD%04d missing", i)
		}
	}
	mustContain(t, "ledger", all, "Úhrada – žluťoučký kůň 239", "Closing balance", app.FormatMinor(bal, 2, app.English), "Balances are debit minus credit.")
	mustContain(t, "last page", ps[n-1], "Amounts in CZK")
}

// TestStatementRendererLanguage: the statement speaks the customer's
// language, Czech when it names none.
func TestStatementRendererLanguage(t *testing.T) {
	st := stFixture(2)
	for _, tc := range []struct {
		lang app.Lang
		want string
	}{{"", "Výpis z účtu odběratele"}, {"xx", "Výpis z účtu odběratele"}, {app.English, "Customer statement"}} {
		st.Lang = tc.lang
		var b bytes.Buffer
		if err := (StatementRenderer{Created: created}).Statement(&b, st, stCompany()); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "st.pdf")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		mustContain(t, string(tc.lang), strings.Join(pages(t, path), "\f"), tc.want)
	}
}

// combinedStatements are n customers' statements of a few documents each;
// every seventh is longer than a page.
func combinedStatements(n int) []app.Statement {
	var out []app.Statement
	for i := range n {
		size := 3 + i%8
		if i%7 == 3 {
			size = 70
		}
		st := stFixture(size)
		st.Customer.Name = fmt.Sprintf("Zákazník č. %03d s.r.o.", i)
		if i%2 == 1 {
			st.Lang = app.English
		}
		out = append(out, st)
	}
	return out
}

func pullStatements(sts []app.Statement) func() (app.Statement, error) {
	i := 0
	return func() (app.Statement, error) {
		if i == len(sts) {
			return app.Statement{}, io.EOF
		}
		i++
		return sts[i-1], nil
	}
}

func TestCombinedStatements(t *testing.T) {
	sts := combinedStatements(40)
	var b bytes.Buffer
	var seen []int
	err := (StatementRenderer{Created: created}).Combined(context.Background(), &b, pullStatements(sts), stCompany(), func(done int) { seen = append(seen, done) })
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(sts) || seen[len(seen)-1] != len(sts) {
		t.Errorf("progress %v", seen)
	}
	path := filepath.Join(t.TempDir(), "all.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ps := pages(t, path)
	all := strings.Join(ps, "\f")
	for i, st := range sts {
		if !strings.Contains(all, st.Customer.Name) {
			t.Errorf("statement %d (%s) missing", i, st.Customer.Name)
		}
	}
	// Each statement restarts its page numbering, in its own language.
	firsts := 0
	for _, p := range ps {
		if strings.Contains(p, "Strana 1 z ") || strings.Contains(p, "Page 1 of ") {
			firsts++
		}
	}
	if firsts != len(sts) {
		t.Errorf("%d first pages, want %d", firsts, len(sts))
	}
	mustContain(t, "combined", all, "Strana 2 z 2", "Page 2 of 2", "Customer statement", "Výpis z účtu odběratele")

	// Cancelled midway: an error, and progress stops.
	ctx, cancel := context.WithCancel(context.Background())
	done := 0
	err = (StatementRenderer{Created: created}).Combined(ctx, io.Discard, pullStatements(sts), stCompany(), func(n int) {
		done = n
		if n == 5 {
			cancel()
		}
	})
	if app.ErrorCode(err) != app.ECONFLICT || done >= len(sts) {
		t.Errorf("cancelled: err %v after %d", err, done)
	}
	// Nothing to print.
	if err := (StatementRenderer{}).Combined(context.Background(), io.Discard, pullStatements(nil), stCompany(), nil); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("empty: %v", err)
	}
}

// BenchmarkStatementBatch1000 is issue 5's batch: 1,000 customer
// statements of about ten documents each, first one PDF per statement
// (each written to io.Discard, as to files in a folder), then one combined
// PDF; target ≤ 30 s together. peak-live-MB is the most the heap held after
// a collection while the combined PDF was made.
func BenchmarkStatementBatch1000(b *testing.B) {
	c := stCompany()
	base := make([]app.Statement, 12)
	for i := range base {
		base[i] = stFixture(4 + i%4) // 8 to 15 lines, some payments
	}
	const n = 1000
	var peakLive uint64
	for b.Loop() {
		rr := StatementRenderer{Created: created}
		for i := range n {
			st := base[i%len(base)]
			st.Customer.Name = fmt.Sprintf("Zákazník %04d", i)
			if err := rr.Statement(io.Discard, st, c); err != nil {
				b.Fatal(err)
			}
		}
		i := 0
		next := func() (app.Statement, error) {
			if i == n {
				return app.Statement{}, io.EOF
			}
			st := base[i%len(base)]
			st.Customer.Name = fmt.Sprintf("Zákazník %04d", i)
			i++
			return st, nil
		}
		stop := sampleLiveHeap(&peakLive)
		w := &countingWriter{}
		err := rr.Combined(context.Background(), w, next, c, nil)
		stop()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.n)/(1<<20), "pdf-MB")
	}
	b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MB")
}

// sampleLiveHeap records the most live heap seen until the returned stop is called.
func sampleLiveHeap(peak *uint64) (stop func()) {
	quit, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			if v := liveHeap(); v > *peak {
				*peak = v
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(quit); <-stopped }
}

// liveHeap is the heap that survived the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
