package data

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// maxProblems keeps a report of a badly damaged file readable.
const maxProblems = 100

// Check runs bbolt's own page check and Kontor's invariants: every journal entry
// balanced and on known accounts, the running balances (monthly and daily)
// equal to the sum of the journal lines, the indexes complete, document
// numbers gapless per series and year, received invoices, payments and bank
// lines agreeing with each other, the reception's lists complete, the audit
// trail unbroken, every issued document and journal entry matching the hash
// its audit entry recorded, every record as its newest change in the change
// log says, and the trail still holding the newest entry of every backup
// beside the file.
// It reads everything, so it is a maintenance command, not part of Open; it
// reports its progress to the app.ProgressFunc ctx carries.
func (s *Store) Check(ctx context.Context) ([]app.Problem, error) {
	if err := s.allowed(ctx, app.PermStoreAdmin); err != nil {
		return nil, err
	}
	var probs []app.Problem
	err := s.view("checking the database", func(tx *bolt.Tx) (err error) {
		if _, err := authorize(tx, ctx, app.PermStoreAdmin); err != nil {
			return err
		}
		probs, err = checkTx(tx, s.path, app.ProgressFrom(ctx))
		if err == nil && len(probs) < maxProblems {
			probs = append(probs, checkBackupHeads(tx, s.path)...)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return probs, nil
}

// checkTx is Check without the user: it also verifies backups before they
// replace anything.
func checkTx(tx *bolt.Tx, path string, progress app.ProgressFunc) (probs []app.Problem, err error) {
	add := func(key, msg string, args map[string]any) {
		if len(probs) < maxProblems {
			probs = append(probs, app.Problem{Key: key, Msg: msg, Args: args})
		}
	}
	jseq, aseq, cseq := bucketSeq(tx, bJournal), bucketSeq(tx, bAudit), bucketSeq(tx, bChanges)
	// checkVAT reads the journal once more; the change log is read with
	// its heads and the records (at most one head and record per change).
	total, done := int64(4*jseq+aseq+3*cseq), int64(0)
	progress(0, total)
	tick := func() {
		if done++; done%4096 == 0 {
			progress(min(done, total), total)
		}
	}
	damaged := false
	for err := range tx.Check() {
		damaged = true
		add("check.bolt", "the file structure is damaged: {{.err}}", map[string]any{"err": err.Error()})
	}
	if damaged {
		// Walking damaged pages can panic inside bbolt; the structural
		// findings are what the user needs (restore from a backup).
		return probs, nil
	}
	defer func() {
		if r := recover(); r != nil {
			add("check.bolt", "the file structure is damaged: {{.err}}", map[string]any{"err": panicText(r)})
			err = nil
		}
	}()
	if _, err := readSchema(tx, path); err != nil {
		return nil, err
	}
	if tx.Bucket(bMeta).Get(kCompany) != nil {
		if _, err := readCompany(tx); err != nil {
			add("check.company", "the company settings cannot be read", nil)
		}
	}
	c := &checker{tx: tx, add: add, tick: tick}
	for _, step := range checks {
		step.run(c)
	}
	progress(total, total)
	return probs, nil
}

// checker is what the check steps share: the transaction, where problems go,
// the progress tick, and what the audit step learns for the proofs step.
type checker struct {
	tx     *bolt.Tx
	add    addFn
	tick   func()
	claims map[uint64]proofClaim // what each audit entry claims of the records it wrote
	last   app.AuditEntry        // the newest audit entry
}

// checkStep is one invariant Check proves.
type checkStep struct {
	name string
	run  func(c *checker)
}

// checks are Check's steps, in order: a module adds its own here (its
// function in its check*.go file). The audit trail is walked before the
// proofs, which compare against it.
var checks = []checkStep{
	{"journal", func(c *checker) { checkJournal(c.tx, c.add, c.tick) }},
	{"overflow", func(c *checker) { checkOverflow(c.tx, c.add) }},
	{"numbers", func(c *checker) { checkNumbers(c.tx, c.add) }},
	{"payables", func(c *checker) { checkPayables(c.tx, c.add) }},
	{"payments", func(c *checker) { checkPayments(c.tx, c.add) }},
	{"documents of customers", func(c *checker) { checkDocCustomers(c.tx, c.add) }},
	{"reception lists", func(c *checker) { checkReception(c.tx, c.add) }},
	{"year closings", func(c *checker) { checkYearClosings(c.tx, c.add) }},
	{"vat", func(c *checker) { checkVAT(c.tx, c.add, c.tick) }},
	{"warehouse", func(c *checker) { checkWarehouse(c.tx, c.add) }},
	{"payroll", func(c *checker) { checkPayroll(c.tx, c.add) }},
	{"after-sales", func(c *checker) { checkAfterSales(c.tx, c.add) }},
	{"audit", func(c *checker) { c.claims, c.last = checkAudit(c.tx, c.add, c.tick) }},
	{"proofs", func(c *checker) { checkProofs(c.tx, c.add, c.claims, c.last, c.tick) }},
	{"change log", func(c *checker) { checkChanges(c.tx, c.add, c.tick) }},
	// After the proofs: a document changed behind the store's back is
	// reported as such first, its lists only then.
	{"lists of documents", func(c *checker) { checkDocIndexes(c.tx, c.add) }},
	{"payments of documents", func(c *checker) { checkDocPayments(c.tx, c.add) }},
}

func bucketSeq(tx *bolt.Tx, name []byte) int {
	if b := tx.Bucket(name); b != nil {
		return int(b.Sequence())
	}
	return 0
}

type addFn func(key, msg string, args map[string]any)

// checkJournal re-adds every line and compares with the stored running totals.
func checkJournal(tx *bolt.Tx, add addFn, tick func()) {
	type tot struct{ dr, cr, n int64 }
	sums := map[string]*tot{}
	days := map[string]*tot{} // dayBalanceKey → the day's lines
	addLine := func(totals map[string]*tot, k string, l app.Line) {
		t := totals[k]
		if t == nil {
			t = &tot{}
			totals[k] = t
		}
		t.dr, t.cr, t.n = t.dr+l.Debit, t.cr+l.Credit, t.n+1
	}
	monthLines := map[string]int64{}
	accounts := tx.Bucket(bAccounts)
	entries, lines, idxLines := 0, int64(0), int64(0)
	_ = tx.Bucket(bJournal).ForEach(func(k, v []byte) error {
		tick()
		entries++
		var e app.Entry
		if err := decode(v, &e); err != nil {
			add("check.entry_unreadable", "journal record {{.seq}} cannot be read", map[string]any{"seq": binary.BigEndian.Uint64(k)})
			return nil
		}
		dr, cr := e.Totals()
		if dr != cr {
			add("check.entry_unbalanced", "entry {{.number}} of {{.date}} is not balanced: debits {{.dr}}, credits {{.cr}}", map[string]any{"number": e.Number, "date": e.Date.String(), "dr": app.FormatMinor(dr, 2, ""), "cr": app.FormatMinor(cr, 2, "")})
		}
		m := e.Date.MonthOf()
		for _, l := range e.Lines {
			if accounts.Get([]byte(l.Account)) == nil {
				add("check.entry_account", "entry {{.number}} uses account {{.code}}, which is not in the chart of accounts", map[string]any{"number": e.Number, "code": l.Account})
			}
			addLine(sums, string(balanceKey(l.Account, m)), l)
			addLine(days, string(dayBalanceKey(l.Account, e.Date)), l)
		}
		monthLines[m.Key()] += int64(len(e.Lines))
		lines += int64(len(e.Lines))
		if tx.Bucket(bJDate).Get(cat([]byte(e.Date.Key()), k)) == nil {
			add("check.index", "entry {{.number}} is missing from the date index", map[string]any{"number": e.Number})
		}
		return nil
	})
	_ = tx.Bucket(bJDate).ForEach(func(_, v []byte) error { idxLines += int64(binary.BigEndian.Uint16(v)); return nil })
	if n := tx.Bucket(bJDate).Stats().KeyN; n != entries || idxLines != lines {
		add("check.index_count", "the date index lists {{.idx}} entries with {{.idxlines}} lines, the journal has {{.n}} with {{.lines}}", map[string]any{"idx": n, "idxlines": idxLines, "n": entries, "lines": lines})
	}
	if n := tx.Bucket(bJAcct).Stats().KeyN; int64(n) != lines {
		add("check.index_acct", "the account index lists {{.idx}} lines, the journal has {{.lines}}", map[string]any{"idx": n, "lines": lines})
	}
	_ = tx.Bucket(bBalances).ForEach(func(k, v []byte) error {
		t := sums[string(k)]
		if t == nil {
			t = &tot{}
		}
		if t.dr != readI64(v, 0) || t.cr != readI64(v, 1) || t.n != readI64(v, 2) {
			code, month := splitBalanceKey(k)
			add("check.balance", "the running balance of account {{.code}} for {{.month}} says debit {{.sdr}}, credit {{.scr}}, but its lines add up to debit {{.dr}}, credit {{.cr}}",
				map[string]any{"code": code, "month": month, "sdr": app.FormatMinor(readI64(v, 0), 2, ""), "scr": app.FormatMinor(readI64(v, 1), 2, ""), "dr": app.FormatMinor(t.dr, 2, ""), "cr": app.FormatMinor(t.cr, 2, "")})
		}
		delete(sums, string(k))
		return nil
	})
	for k, t := range sums {
		code, month := splitBalanceKey([]byte(k))
		add("check.balance_missing", "account {{.code}} has lines in {{.month}} (debit {{.dr}}, credit {{.cr}}) but no running balance", map[string]any{"code": code, "month": month, "dr": app.FormatMinor(t.dr, 2, ""), "cr": app.FormatMinor(t.cr, 2, "")})
	}
	_ = tx.Bucket(bDayBal).ForEach(func(k, v []byte) error {
		t := days[string(k)]
		if t == nil {
			t = &tot{}
		}
		if t.dr != readI64(v, 0) || t.cr != readI64(v, 1) || t.n != readI64(v, 2) {
			code, day := splitDayKey(k)
			add("check.day_balance", "the daily balance of account {{.code}} for {{.day}} says debit {{.sdr}}, credit {{.scr}}, but its lines add up to debit {{.dr}}, credit {{.cr}}",
				map[string]any{"code": code, "day": day, "sdr": app.FormatMinor(readI64(v, 0), 2, ""), "scr": app.FormatMinor(readI64(v, 1), 2, ""), "dr": app.FormatMinor(t.dr, 2, ""), "cr": app.FormatMinor(t.cr, 2, "")})
		}
		delete(days, string(k))
		return nil
	})
	for k, t := range days {
		code, day := splitDayKey([]byte(k))
		add("check.day_balance_missing", "account {{.code}} has lines on {{.day}} (debit {{.dr}}, credit {{.cr}}) but no daily balance", map[string]any{"code": code, "day": day, "dr": app.FormatMinor(t.dr, 2, ""), "cr": app.FormatMinor(t.cr, 2, "")})
	}
	_ = tx.Bucket(bMonthStat).ForEach(func(k, v []byte) error {
		if monthLines[string(k)] != readI64(v, 0) {
			add("check.month_lines", "the line count of month {{.month}} is {{.stored}}, the journal has {{.n}}", map[string]any{"month": string(k), "stored": readI64(v, 0), "n": monthLines[string(k)]})
		}
		return nil
	})
}

func splitBalanceKey(k []byte) (code, month string) {
	i := bytes.IndexByte(k, 0)
	if i < 0 || len(k) < i+7 {
		return string(k), ""
	}
	return string(k[:i]), string(k[i+1:i+5]) + "-" + string(k[i+5:])
}

// checkNumbers proves every series is gapless: numbers 1…n used once each, and
// the counter standing at n.
func checkNumbers(tx *bolt.Tx, add addFn) {
	used := map[string][]uint64{}
	_ = tx.Bucket(bNumbers).ForEach(func(k, _ []byte) error {
		if len(k) < 9 {
			return nil
		}
		ck := string(k[:len(k)-8])
		used[ck] = append(used[ck], binary.BigEndian.Uint64(k[len(k)-8:]))
		return nil
	})
	_ = tx.Bucket(bCounters).ForEach(func(k, v []byte) error {
		series, year := splitSeriesKey(k)
		counter := binary.BigEndian.Uint64(v)
		nums := used[string(k)]
		delete(used, string(k))
		for i, n := range nums { // bolt returns keys sorted, so nums ascend
			if n != uint64(i+1) {
				add("check.number_gap", "series {{.series}} {{.year}} has a gap: number {{.missing}} is missing", map[string]any{"series": series, "year": year, "missing": i + 1})
				return nil
			}
		}
		if uint64(len(nums)) != counter {
			add("check.number_counter", "series {{.series}} {{.year}} has issued {{.n}} numbers but its counter stands at {{.counter}}", map[string]any{"series": series, "year": year, "n": len(nums), "counter": counter})
		}
		return nil
	})
	for k := range used {
		series, year := splitSeriesKey([]byte(k))
		add("check.number_orphan", "series {{.series}} {{.year}} has numbers but no counter", map[string]any{"series": series, "year": year})
	}
}

func splitDayKey(k []byte) (code, day string) {
	i := bytes.IndexByte(k, 0)
	if i < 0 || len(k) < i+9 {
		return string(k), ""
	}
	return string(k[:i]), string(k[i+1:i+5]) + "-" + string(k[i+5:i+7]) + "-" + string(k[i+7:])
}

func splitSeriesKey(k []byte) (string, string) {
	if i := bytes.IndexByte(k, 0); i >= 0 {
		return string(k[:i]), string(k[i+1:])
	}
	return string(k), fmt.Sprint("?")
}
