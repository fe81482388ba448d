package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"kontor/assets"
)

// testCatalog is the user interface's translations of one language, as the
// CLI and the screens translate (assets/i18n).
type testCatalog struct {
	lang  Lang
	texts map[string]string
}

func catalogOf(t testing.TB, lang Lang) testCatalog {
	t.Helper()
	raw, err := assets.TranslationJSON(string(lang))
	if err != nil {
		t.Fatal(err)
	}
	c := testCatalog{lang: lang}
	if err := json.Unmarshal(raw, &c.texts); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c testCatalog) Lang() Lang { return c.lang }
func (c testCatalog) Translate(key, fallback string, args map[string]any) string {
	if s, ok := c.texts[key]; ok {
		return renderTemplate(s, args)
	}
	return renderTemplate(fallback, args)
}

// payrollStaff is a November 2026 run of four, each figure worked by hand
// (part A, A3/A4):
//
//	e1 Jiří Šťastný, worked example: HPP 45,000, signed, one child, VZP 111:
//	   social 3,195 / 11,160, health 2,025 / 4,050, advance 2,913, net 36,867
//	e2 Marie Nováková, HPP 22,400 (minimum wage), signed, three children,
//	   VoZP 201: social 7.1 % × 22,400 = 1,590.40 → 1,591, employer 24.8 % =
//	   5,555.20 → 5,556; health 13.5 % = 3,024 → 1,008 / 2,016; advance
//	   15 % = 3,360 − 2,570 = 790; children 1,267 + 1,860 + 2,320 = 5,447,
//	   790 of it used, bonus 4,657; net 22,400 − 1,591 − 1,008 + 4,657 = 24,458
//	e3 Karel Brigádník, DPP 40 h × 200 = 8,000 < 12,000, not signed, VZP:
//	   not insured, withholding 15 % = 1,200, net 6,800
//	e4 Eva Dlouhá, HPP 60,000, signed, no child, ČPZP 205: social 4,260 /
//	   14,880; health 8,100 → 2,700 / 5,400; advance 9,000 − 2,570 = 6,430;
//	   net 60,000 − 4,260 − 2,700 − 6,430 = 46,610
func payrollStaff(t testing.TB) ([]Payslip, map[string]Employee) {
	t.Helper()
	r, err := RulesFor(2026)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(id, name, insurer, account string, contract ContractType, salary, rate int64, week Hours, declared bool, kids ...Child) Employee {
		e := employee(contract, salary, rate, week, declared, kids...)
		e.ID, e.Name, e.HealthInsurer, e.BankAccount = id, name, insurer, account
		return e
	}
	staff := []Employee{
		mk("e1", "Jiří Šťastný", "111", "19-2000145399/0800", ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Name: "Tomáš", Order: 1}),
		mk("e2", "Marie Nováková", "201", "2000145399/0800", ContractHPP, kc(22_400), 0, HoursOf(40), true,
			Child{Order: 1}, Child{Order: 2}, Child{Order: 3}),
		mk("e3", "Karel Brigádník", "111", "2000145399/0800", ContractDPP, 0, 200_00, 0, false),
		mk("e4", "Eva Dlouhá", "205", "19-2000145399/0800", ContractHPP, kc(60_000), 0, HoursOf(40), true),
	}
	staff[2].Declarations = nil
	var ps []Payslip
	emps := map[string]Employee{}
	for _, e := range staff {
		h := HoursOf(168)
		if e.ID == "e3" {
			h = HoursOf(40)
		}
		p, err := ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: h}, YearToDate{})
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
		emps[e.ID] = e
	}
	return ps, emps
}

func paySettings() PayrollPaymentSettings {
	return PayrollPaymentSettings{From: "2000145399/0800", ICO: "27074358", Name: "Pražírna Žluťoučký kůň s.r.o.", Month: nov2026,
		PayDay:      D(2026, 12, 10),
		Social:      PayeeAccount{Account: "2000145399/0800", VS: "1234567890"},
		Health:      map[string]PayeeAccount{"111": {Account: "19-2000145399/0800"}, "201": {Account: "2000145399/0800"}, "205": {Account: "2000145399/0800", VS: "5555"}},
		TaxAdvance:  PayeeAccount{Account: "19-2000145399/0800"},
		Withholding: PayeeAccount{Account: "2000145399/0800"},
	}
}

// TestPaymentsWorkedExample: part A's worked example alone pays the
// employee 36,867, ČSSZ 3,195 + 11,160 = 14,355, VZP 2,025 + 4,050 = 6,075
// and the tax office 2,913 (part A, A4's last row).
func TestPaymentsWorkedExample(t *testing.T) {
	ps, emps := payrollStaff(t)
	pays, err := PayrollPayments(ps[:1], emps, paySettings())
	if err != nil {
		t.Fatal(err)
	}
	got := map[PayrollPaymentKind]int64{}
	for _, p := range pays {
		got[p.Kind] += p.Amount
	}
	want := map[PayrollPaymentKind]int64{PayNet: kc(36_867), PaySocial: kc(14_355), PayHealth: kc(6_075), PayTaxAdvance: kc(2_913)}
	if len(got) != len(want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d, want %d", k, got[k], v)
		}
	}
	for _, p := range pays {
		switch p.Kind {
		case PayNet:
			if p.Account.String() != "19-2000145399/0800" || p.VS != "202611" || p.Due != D(2026, 12, 10) {
				t.Errorf("net pay %+v", p)
			}
		case PaySocial:
			if p.VS != "1234567890" || p.Due != D(2026, 12, 20) {
				t.Errorf("social %+v", p)
			}
		case PayHealth, PayTaxAdvance:
			if p.VS != "27074358" || p.Due != D(2026, 12, 20) { // the IČO when no VS is set (UNVERIFIED rule)
				t.Errorf("%s %+v", p.Kind, p)
			}
		}
	}
}

// TestPaymentsRun: the four of payrollStaff. Nets 36,867 + 24,458 + 6,800
// + 46,610 = 114,735 to four accounts; ČSSZ (3,195 + 11,160) + (1,591 +
// 5,556) + (4,260 + 14,880) = 40,642; VZP 6,075 (the DPP is not insured),
// VoZP 3,024, ČPZP 8,100; the advances 2,913 + 0 + 6,430 = 9,343 less the
// bonus 4,657 = 4,686; withholding 1,200 by 31 December.
func TestPaymentsRun(t *testing.T) {
	ps, emps := payrollStaff(t)
	var nets int64
	for _, p := range ps {
		nets += p.Net
	}
	if nets != kc(114_735) {
		t.Fatalf("nets %d, want 114,735 Kč (check the figures by hand)", nets)
	}
	pays, err := PayrollPayments(ps, emps, paySettings())
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[PayrollPaymentKind]int64{}
	health := map[string]int64{}
	netCount := 0
	for _, p := range pays {
		byKind[p.Kind] += p.Amount
		if p.Kind == PayHealth {
			health[p.Insurer] += p.Amount
		}
		if p.Kind == PayNet {
			netCount++
		}
	}
	if byKind[PayNet] != nets || netCount != 4 {
		t.Errorf("net payments %d in %d, want %d in 4", byKind[PayNet], netCount, nets)
	}
	if byKind[PaySocial] != kc(40_642) || byKind[PayTaxAdvance] != kc(4_686) || byKind[PayWithholding] != kc(1_200) {
		t.Errorf("social %d, advance %d, withholding %d", byKind[PaySocial], byKind[PayTaxAdvance], byKind[PayWithholding])
	}
	if health["111"] != kc(6_075) || health["201"] != kc(3_024) || health["205"] != kc(8_100) || len(health) != 3 {
		t.Errorf("health %v", health)
	}

	// The ABO file read back by a parser written from the format's
	// description (payrollbank.go), independent of the writer.
	var b bytes.Buffer
	if err := WritePaymentOrderABO(&b, "2000145399/0800", "Pražírna Žluťoučký kůň s.r.o.", D(2026, 12, 1), pays); err != nil {
		t.Fatal(err)
	}
	abo := parseOrderABO(t, b.String())
	if abo.header[:10] != "UHL1011226" || strings.TrimSpace(abo.header[10:30]) != "Prazirna Zlutoucky k" {
		t.Errorf("header %q", abo.header)
	}
	if abo.file != "1 1501 001000 0800" {
		t.Errorf("file header %q", abo.file)
	}
	// Three due dates: 10 Dec (nets), 20 Dec (insurance, advance), 31 Dec (withholding).
	if len(abo.groups) != 3 || abo.groups[0].due != "101226" || abo.groups[1].due != "201226" || abo.groups[2].due != "311226" {
		t.Fatalf("groups %+v", abo.groups)
	}
	if abo.groups[0].sum != nets || len(abo.groups[0].items) != 4 {
		t.Errorf("the nets' group sums %d in %d items, want %d in 4", abo.groups[0].sum, len(abo.groups[0].items), nets)
	}
	var all int64
	for _, p := range pays {
		all += p.Amount
	}
	var itemSum int64
	for _, g := range abo.groups {
		for _, it := range g.items {
			itemSum += it.amount
		}
	}
	if itemSum != all {
		t.Errorf("ABO items sum %d, payments %d", itemSum, all)
	}
	first := abo.groups[0].items[0]
	if first.account != "000019-2000145399" || first.bank != "0800" || first.vs != "0000202611" || first.message != "Mzda 11/2026" {
		t.Errorf("first item %+v", first)
	}

	// The CSV: a row per payment and the total, in Czech.
	b.Reset()
	if err := WritePaymentOrderCSV(&b, nov2026, pays, catalogOf(t, Czech)); err != nil {
		t.Fatal(err)
	}
	csv := b.String()
	for _, want := range []string{"Příjemce;Platba;Účet;Částka;Variabilní symbol", "Jiří Šťastný;Čistá mzda;19-2000145399/0800;36867,00;202611",
		"ČSSZ;Sociální pojištění;2000145399/0800;40642,00;1234567890", "Finanční úřad;Zálohy na daň z příjmů;19-2000145399/0800;4686,00;27074358",
		"Celkem;;;" + strconv.FormatInt(all/100, 10) + ",00"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
}

// TestPaymentsRefused: a missing insurer account, a bad account, a
// variable symbol of letters and an employee without a record are each
// named; nothing is returned.
func TestPaymentsRefused(t *testing.T) {
	ps, emps := payrollStaff(t)
	s := paySettings()
	delete(s.Health, "205")
	s.Social.Account = "2000145398/0800" // the check digit changed
	s.TaxAdvance.VS = "ABC"
	pays, err := PayrollPayments(ps, emps, s)
	if err == nil || pays != nil {
		t.Fatalf("refusal expected, got %v, %v", pays, err)
	}
	msg := err.Error()
	for _, field := range []string{"payment.health.205", "payment.social", "payment.tax_advance"} {
		if !strings.Contains(msg, field) {
			t.Errorf("error does not name %s: %s", field, msg)
		}
	}
	delete(emps, "e2")
	if _, err := PayrollPayments(ps, emps, paySettings()); err == nil || !strings.Contains(err.Error(), "Marie Nováková") {
		t.Errorf("missing employee: %v", err)
	}
	if err := WritePaymentOrderABO(&bytes.Buffer{}, "x", "", D(2026, 12, 1), nil); err == nil {
		t.Error("a bad paying account was accepted")
	}
	// 10^11 haléř twice fits; 10^14 does not fit the group's 14 digits.
	acc, _ := ParseBankAccount("2000145399/0800")
	big := []PayrollPayment{{Payee: "A", Account: acc, Amount: 100_000_000_000, Due: D(2026, 12, 10)}, {Payee: "B", Account: acc, Amount: 100_000_000_000, Due: D(2026, 12, 10)}}
	var b bytes.Buffer
	if err := WritePaymentOrderABO(&b, "2000145399/0800", "Kontor", D(2026, 12, 1), big); err != nil {
		t.Fatal(err)
	}
	if o := parseOrderABO(t, b.String()); o.groups[0].sum != 200_000_000_000 {
		t.Errorf("group total %d", o.groups[0].sum)
	}
	big[1].Amount = aboMaxAmount
	if err := WritePaymentOrderABO(&bytes.Buffer{}, "2000145399/0800", "Kontor", D(2026, 12, 1), big); err == nil {
		t.Error("a total beyond 14 digits was written")
	}
	big[1].Amount = 0
	if err := WritePaymentOrderABO(&bytes.Buffer{}, "2000145399/0800", "Kontor", D(2026, 12, 1), big); err == nil {
		t.Error("a zero payment was written")
	}
}

type aboItem struct {
	account, bank, ks, vs, ss, message string
	amount                             int64
}

type aboGroup struct {
	account, due string
	sum          int64
	items        []aboItem
}

type aboOrder struct {
	header, file string
	groups       []aboGroup
}

// parseOrderABO reads a payment order: the UHL1 header, the "1 1501" file
// header, groups ("2 account total due", items, "3 +") and the "5 +" end;
// every line ends CRLF and is ASCII; each group's total is its items' sum.
func parseOrderABO(t *testing.T, s string) aboOrder {
	t.Helper()
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	for i := 0; i < len(s); i++ {
		if s[i] > 0x7e || s[i] < 0x20 && s[i] != '\r' && s[i] != '\n' {
			t.Fatalf("byte %d is not printable ASCII: %q", i, s[i])
		}
	}
	var o aboOrder
	sc := bufio.NewScanner(strings.NewReader(s))
	n := 0
	var g *aboGroup
	ended := false
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		n++
		switch {
		case n == 1:
			if !strings.HasPrefix(line, "UHL1") || len(line) != 58 {
				t.Fatalf("line 1 is not a 58-character UHL1 header: %q", line)
			}
			o.header = line
		case n == 2:
			o.file = line
		case strings.HasPrefix(line, "2 "):
			f := strings.Fields(line)
			if len(f) != 4 || len(f[2]) != 14 || len(f[3]) != 6 {
				t.Fatalf("line %d: bad group header %q", n, line)
			}
			sum, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			o.groups = append(o.groups, aboGroup{account: f[1], sum: sum, due: f[3]})
			g = &o.groups[len(o.groups)-1]
		case line == "3 +":
			var sum int64
			for _, it := range g.items {
				sum += it.amount
			}
			if sum != g.sum {
				t.Errorf("group due %s: items sum %d, header %d", g.due, sum, g.sum)
			}
			g = nil
		case line == "5 +":
			ended = true
		default:
			if g == nil {
				t.Fatalf("line %d: a payment outside a group: %q", n, line)
			}
			av := strings.Index(line, " AV:")
			f := strings.Fields(line[:av])
			if len(f) != 5 || len(f[3]) != 8 || len(f[2]) != 10 || len(f[4]) != 10 {
				t.Fatalf("line %d: bad payment %q", n, line)
			}
			amt, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil || amt <= 0 {
				t.Fatalf("line %d: amount %q", n, f[1])
			}
			g.items = append(g.items, aboItem{account: f[0], amount: amt, vs: f[2], bank: f[3][:4], ks: f[3][4:], ss: f[4], message: line[av+4:]})
		}
	}
	if !ended || g != nil {
		t.Fatal("the file does not close its group and end with 5 +")
	}
	return o
}

// BenchmarkPaymentOrder500: the order of 500 employees (two insurers) built
// and written as ABO.
func BenchmarkPaymentOrder500(b *testing.B) {
	ps1, emps1 := payrollStaff(b)
	var ps []Payslip
	emps := map[string]Employee{}
	for i := 0; i < 500; i++ {
		p, e := ps1[i%4], emps1[ps1[i%4].EmployeeID]
		id := "e" + strconv.Itoa(i)
		p.EmployeeID, e.ID = id, id
		ps = append(ps, p)
		emps[id] = e
	}
	s := paySettings()
	var size int
	for b.Loop() {
		pays, err := PayrollPayments(ps, emps, s)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WritePaymentOrderABO(&buf, s.From, s.Name, D(2026, 12, 1), pays); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB")
}
