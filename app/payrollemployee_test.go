package app

import (
	"errors"
	"strings"
	"testing"
)

// Each valid number's check digit is worked by hand: a 10-digit number
// n = first9 × 10 + c is divisible by 11 when c ≡ first9 (mod 11), since
// 10 ≡ −1; a remainder of 10 takes check digit 0 (the old rule).
func TestParseBirthNumber(t *testing.T) {
	for _, tt := range []struct {
		in     string
		born   Date
		female bool
	}{
		// 850315123 mod 11 = 9 (850315123 = 11 × 77301374 + 9): check digit 9.
		{"850315/1239", D(1985, 3, 15), false},
		{" 8503151239 ", D(1985, 3, 15), false},
		// 905721456 mod 11 = 2; month 57 = July + 50: a woman.
		{"905721/4562", D(1990, 7, 21), true},
		// 045220987 mod 11 = 9; "04" with 10 digits is 2004; month 52: a woman born in February.
		{"045220/9879", D(2004, 2, 20), true},
		// 047215123 mod 11 = 10 → check digit 0; month 72 = February + 70 (a woman, extension from 2004).
		{"047215/1230", D(2004, 2, 15), true},
		// 042215123 mod 11 = 5; month 22 = February + 20 (a man, extension).
		{"042215/1235", D(2004, 2, 15), false},
		// 700101104 mod 11 = 10 → check digit 0.
		{"700101/1040", D(1970, 1, 1), false},
		// 9 digits: born before 1954, no check digit.
		{"530101/123", D(1953, 1, 1), false},
	} {
		b, err := ParseBirthNumber(tt.in)
		if err != nil {
			t.Errorf("ParseBirthNumber(%q): %v", tt.in, err)
			continue
		}
		if b.Born != tt.born || b.Female != tt.female {
			t.Errorf("ParseBirthNumber(%q) = born %v female %v, want %v %v", tt.in, b.Born, b.Female, tt.born, tt.female)
		}
		if strings.ReplaceAll(b.String(), "/", "") != b.Digits || len(b.Digits) < 9 {
			t.Errorf("String %q of %q", b.String(), tt.in)
		}
	}
	for _, tt := range []struct{ in, key string }{
		{"", "err.birth_number.format"},
		{"85031512", "err.birth_number.format"},      // 8 digits
		{"850315/12390", "err.birth_number.format"},  // 11 digits
		{"85O315/1239", "err.birth_number.format"},   // a letter O
		{"540101/123", "err.birth_number.nine"},      // 9 digits after 1953
		{"850230/1236", "err.birth_number.date"},     // 30 February (850230123 mod 11 = 6, the check digit is fine)
		{"851315/1231", "err.birth_number.date"},     // month 13
		{"852215/1231", "err.birth_number.date"},     // +20 before 2004 (852215123 mod 11 = 1)
		{"850315/1238", "err.birth_number.checksum"}, // check digit 8, not 9
		{"736028/5160", "err.birth_number.checksum"}, // 736028516 mod 11 = 3, not 10: 0 is wrong
	} {
		_, err := ParseBirthNumber(tt.in)
		var e *Error
		if !errors.As(err, &e) || e.Key != tt.key || e.Field != "employee.birth_number" {
			t.Errorf("ParseBirthNumber(%q) = %v, want %s on employee.birth_number", tt.in, err, tt.key)
		}
	}
}

func validEmployee() Employee {
	return Employee{
		Name: "Jana Nováková 🌻", BirthNumber: "905721/4562", Street: "Dlouhá 12", City: "Brno", Postcode: "602 00",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: D(2025, 1, 1),
		Declarations: []int{2025, 2026},
		History: []EmployeeTerms{{From: D(2025, 1, 1), Contract: ContractHPP, MonthlySalary: kc(45_000), HoursPerWeek: HoursOf(40),
			Children: []Child{{Name: "Eliška", Order: 1}}}},
	}
}

func TestEmployeeValidate(t *testing.T) {
	e := validEmployee()
	e.Normalize()
	if err := e.Validate(); err != nil {
		t.Fatalf("valid employee: %v", err)
	}
	if e.Country != "CZ" {
		t.Errorf("country = %q, want CZ by default", e.Country)
	}

	bad := e
	bad.Name = "  "
	bad.BirthNumber = "850315/1238"
	bad.HealthInsurer = "112"
	bad.BankAccount = "19-2000145398/0800"
	bad.End = D(2024, 12, 31)
	bad.History = []EmployeeTerms{{From: D(2025, 1, 1), Contract: "full", MonthlySalary: -1, HoursPerWeek: HoursOf(41), Disability: 4,
		Children: []Child{{Name: "X", Order: 0}}}}
	err := bad.Validate()
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("want every wrong field at once, got %v", err)
	}
	fields := map[string]bool{}
	for _, e := range es {
		fields[e.Field] = true
	}
	for _, f := range []string{"employee.name", "employee.birth_number", "employee.health_insurer", "employee.bank_account", "employee.end",
		"terms.contract", "terms.pay", "terms.hours_per_week", "terms.disability", "terms.children"} {
		if !fields[f] {
			t.Errorf("no error on %s in %v", f, err)
		}
	}

	// 200 characters of Czech letters are too long for a name; emoji are fine.
	bad = e
	bad.Name = strings.Repeat("Ř", 200)
	if err := bad.Validate(); !strings.Contains(errKeys(err), "err.too_long") {
		t.Errorf("200-character name: %v", err)
	}

	// Both a salary and a rate; a DPČ above 20 h a week; terms starting after the start.
	bad = e
	bad.History = []EmployeeTerms{{From: D(2025, 2, 1), Contract: ContractDPC, MonthlySalary: kc(1000), HourlyRate: kc(200), HoursPerWeek: HoursOf(21)}}
	err = bad.Validate()
	for _, key := range []string{"err.terms.pay_one", "err.terms.hours_per_week", "err.employee.terms_start"} {
		if !strings.Contains(errKeys(err), key) {
			t.Errorf("want %s, got %v", key, err)
		}
	}
}

func errKeys(err error) string {
	var es Errors
	if errors.As(err, &es) {
		var keys []string
		for _, e := range es {
			keys = append(keys, e.Key)
		}
		return strings.Join(keys, " ")
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func TestTermsHistory(t *testing.T) {
	e := validEmployee()
	// A raise from 1 July 2026: a new record, the old one stays.
	raise := e.History[0]
	raise.From, raise.MonthlySalary = D(2026, 7, 1), kc(50_000)
	e = e.WithTerms(raise)
	if len(e.History) != 2 {
		t.Fatalf("history has %d records, want 2", len(e.History))
	}
	for _, tt := range []struct {
		day  Date
		want int64
	}{{D(2025, 1, 1), kc(45_000)}, {D(2026, 6, 30), kc(45_000)}, {D(2026, 7, 1), kc(50_000)}, {D(2027, 1, 1), kc(50_000)}} {
		got, err := e.TermsOn(tt.day)
		if err != nil || got.MonthlySalary != tt.want {
			t.Errorf("TermsOn(%v) = %d, %v; want %d", tt.day, got.MonthlySalary, err, tt.want)
		}
	}
	if _, err := e.TermsOn(D(2024, 12, 31)); ErrorCode(err) != ENOTFOUND {
		t.Errorf("before the first terms: %v, want not found", err)
	}
	// Terms of the same day replace that day's.
	fix := raise
	fix.MonthlySalary = kc(51_000)
	e = e.WithTerms(fix)
	if got, _ := e.TermsOn(D(2026, 8, 1)); len(e.History) != 2 || got.MonthlySalary != kc(51_000) {
		t.Errorf("same-day terms: %d records, salary %d", len(e.History), got.MonthlySalary)
	}
	if err := e.Validate(); err != nil {
		t.Errorf("history is valid: %v", err)
	}
	if !e.Declared(2026) || e.Declared(2027) {
		t.Errorf("Declared: prohlášení signed for 2025 and 2026 only")
	}
}

func TestHours(t *testing.T) {
	for _, tt := range []struct {
		h    Hours
		want string
	}{{750, "7.5"}, {HoursOf(40), "40"}, {25, "0.25"}, {-150, "-1.5"}, {0, "0"}, {105, "1.05"}} {
		if got := tt.h.String(); got != tt.want {
			t.Errorf("Hours(%d) = %q, want %q", int64(tt.h), got, tt.want)
		}
	}
}

func TestRulesFor(t *testing.T) {
	if _, err := RulesFor(2024); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "2024") {
		t.Errorf("2024: %v, want refused", err)
	}
	for _, y := range PayrollYears() {
		r, err := RulesFor(y)
		if err != nil || r.Year != y {
			t.Errorf("RulesFor(%d) = %d, %v", y, r.Year, err)
		}
	}
	// Part A, A1: 48 × AW, 3 × AW, ½ minimum wage.
	r, _ := RulesFor(2026)
	if r.SocialMaxBase != 48*kc(48_967) || r.HighRateFrom != 3*kc(48_967) || r.BonusMinIncome != kc(22_400)/2 {
		t.Errorf("2026 thresholds do not follow from AW 48,967 and minimum wage 22,400")
	}
	r, _ = RulesFor(2025)
	if r.SocialMaxBase != 48*kc(46_557) || r.HighRateFrom != 3*kc(46_557) || r.BonusMinIncome != kc(20_800)/2 {
		t.Errorf("2025 thresholds do not follow from AW 46,557 and minimum wage 20,800")
	}
	// Sick-pay hourly thresholds: 1,633 × 0.175 = 285.775 → 285.78; 2,449 × 0.175 = 428.575 → 428.58;
	// 4,897 × 0.175 = 856.975 → 856.98 (rounded up to haléř).
	r, _ = RulesFor(2026)
	if got := r.SickHourlyThresholds(); got != [3]int64{285_78, 428_58, 856_98} {
		t.Errorf("2026 sick thresholds = %v", got)
	}
	// 2025: 1,552 × 0.175 = 271.60; 2,328 × 0.175 = 407.40; 4,656 × 0.175 = 814.80.
	r, _ = RulesFor(2025)
	if got := r.SickHourlyThresholds(); got != [3]int64{271_60, 407_40, 814_80} {
		t.Errorf("2025 sick thresholds = %v", got)
	}
}
