package app

import (
	"testing"
)

// The posting of a run of two payslips, summed by hand from the figures of
// TestWorkedExample (A) and the "two children with bonus" case (B):
//
//	                 A        B        sum
//	gross       45,000   25,000     70,000   Dr 521 Cr 331
//	employee     5,220    2,900      8,120   Dr 331 Cr 336   (3,195 + 2,025; 1,775 + 1,125)
//	tax          2,913        0      2,913   Dr 331 Cr 342
//	employer    15,210    8,450     23,660   Dr 524 Cr 336   (11,160 + 4,050; 6,200 + 2,250)
//	bonus            0    1,947      1,947   Dr 342 Cr 331
//
// Debits: 521 70,000 + 524 23,660 + 331 (8,120 + 2,913 =) 11,033 + 342 1,947
// = 106,640; credits: 331 (70,000 + 1,947 =) 71,947 + 336 (8,120 + 23,660 =)
// 31,780 + 342 2,913 = 106,640. 331 keeps 71,947 − 11,033 = 60,914 = the nets
// 36,867 + 24,047.
func TestPayrollEntry(t *testing.T) {
	r := mustRules(t, 2026)
	a, err := ComputePayslip(r, employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Order: 1}), MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ComputePayslip(r, employee(ContractHPP, kc(25_000), 0, HoursOf(40), true, Child{Order: 1}, Child{Order: 2}), MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	acc := ChartCzech.Posting()
	e, err := PayrollEntry([]Payslip{a, b}, D(2026, 11, 30), "MZ2026-11", acc)
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{Account: "521", Debit: kc(70_000)},
		{Account: "524", Debit: kc(23_660)},
		{Account: "331", Debit: kc(11_033)},
		{Account: "342", Debit: kc(1_947)},
		{Account: "331", Credit: kc(71_947)},
		{Account: "336", Credit: kc(31_780)},
		{Account: "342", Credit: kc(2_913)},
	}
	if len(e.Lines) != len(want) {
		t.Fatalf("lines %+v, want %+v", e.Lines, want)
	}
	for i := range want {
		if e.Lines[i].Account != want[i].Account || e.Lines[i].Debit != want[i].Debit || e.Lines[i].Credit != want[i].Credit {
			t.Errorf("line %d = %+v, want %+v", i, e.Lines[i], want[i])
		}
	}
	dr, cr := e.Totals()
	if dr != kc(106_640) || cr != kc(106_640) {
		t.Errorf("totals %d / %d, want 106,640 each", dr, cr)
	}
	if a.Net+b.Net != kc(60_914) {
		t.Errorf("nets %d + %d, want 60,914 left on 331", a.Net, b.Net)
	}
	if e.Memo != "Mzdy 11/2026 (MZ2026-11)" || e.MemoKey != "memo.payrun" || e.Source != "payrun:MZ2026-11" || e.Date != D(2026, 11, 30) {
		t.Errorf("memo %q key %q source %q date %v", e.Memo, e.MemoKey, e.Source, e.Date)
	}

	// The international chart posts the same amounts to its accounts.
	ie, err := PayrollEntry([]Payslip{a, b}, D(2026, 11, 30), "MZ2026-11", ChartInternational.Posting())
	if err != nil || ie.Lines[0].Account != "6200" || ie.Lines[0].Debit != kc(70_000) {
		t.Errorf("international chart: %v, %+v", err, ie)
	}

	// Withholding goes to 342 like the advance: a DPP of 11,900 unsigned
	// withholds 1,785 (TestPayslipTable); nothing is insured.
	d, err := ComputePayslip(r, employee(ContractDPP, 0, kc(200), 0, false), MonthInput{Month: nov2026, WorkedHours: 5950}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	de, err := PayrollEntry([]Payslip{d}, D(2026, 11, 30), "MZ2026-11", acc)
	if err != nil {
		t.Fatal(err)
	}
	wantD := []Line{{Account: "521", Debit: kc(11_900)}, {Account: "331", Debit: kc(1_785)}, {Account: "331", Credit: kc(11_900)}, {Account: "342", Credit: kc(1_785)}}
	for i := range wantD {
		if i >= len(de.Lines) || de.Lines[i].Account != wantD[i].Account || de.Lines[i].Debit != wantD[i].Debit || de.Lines[i].Credit != wantD[i].Credit {
			t.Errorf("DPP entry %+v, want %+v", de.Lines, wantD)
			break
		}
	}

	// Refused: no payslips, payslips of two months.
	if _, err := PayrollEntry(nil, D(2026, 11, 30), "MZ2026-11", acc); ErrorCode(err) != EINVALID {
		t.Errorf("empty run: %v", err)
	}
	oct := b
	oct.Month = Month{2026, 10}
	if _, err := PayrollEntry([]Payslip{a, oct}, D(2026, 11, 30), "MZ2026-11", acc); ErrorCode(err) != EINVALID {
		t.Errorf("mixed months: %v", err)
	}
}

// A run of many payslips balances to the haléř: every payslip's own
// debits equal its credits, so their sums do too, whatever the amounts.
func TestPayrollEntryBalancesRandomRun(t *testing.T) {
	r := mustRules(t, 2026)
	var slips []Payslip
	for i := int64(0); i < 200; i++ {
		salary := kc(22_400) + i*1_234_567%kc(300_000) + i%100
		kids := []Child{}
		for k := int64(0); k < i%4; k++ {
			kids = append(kids, Child{Order: int(k) + 1})
		}
		p, err := ComputePayslip(r, employee(ContractHPP, salary, 0, HoursOf(40), i%3 != 0, kids...), MonthInput{Month: nov2026, WorkedHours: HoursOf(168), Bonuses: i * 777}, YearToDate{})
		if err != nil {
			t.Fatal(err)
		}
		slips = append(slips, p)
	}
	e, err := PayrollEntry(slips, D(2026, 11, 30), "MZ2026-11", ChartCzech.Posting())
	if err != nil {
		t.Fatal(err)
	}
	var gross, net int64
	for _, p := range slips {
		gross += p.Gross
		net += p.Net
	}
	bal := map[string]int64{}
	for _, l := range e.Lines {
		bal[l.Account] += l.Debit - l.Credit
	}
	if bal["521"] != gross || -bal["331"] != net {
		t.Errorf("521 %d (gross %d), 331 %d (net %d)", bal["521"], gross, -bal["331"], net)
	}
}
