package app

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// The employee of Payroll (issue 14): who they are, where they are insured,
// where their pay goes, and the history of their terms — a new salary from a
// date is a new EmployeeTerms, never an overwrite. The rules of a month's
// pay are in payroll.go, the year's parameters in payrollrules.go.

// ContractType is the kind of employment (zákoník práce): a regular
// employment contract, or one of the two agreements outside it.
type ContractType string

// Contract types.
const (
	ContractHPP ContractType = "hpp" // pracovní poměr
	ContractDPP ContractType = "dpp" // dohoda o provedení práce, ≤ 300 h a year (§ 75 ZP)
	ContractDPC ContractType = "dpc" // dohoda o pracovní činnosti, ≤ 20 h a week on average (§ 76 ZP)
)

// Valid reports a known contract type.
func (c ContractType) Valid() bool { return c == ContractHPP || c == ContractDPP || c == ContractDPC }

// HealthInsurers are the Czech health insurance companies by their code.
var HealthInsurers = map[string]string{
	"111": "Všeobecná zdravotní pojišťovna ČR",
	"201": "Vojenská zdravotní pojišťovna ČR",
	"205": "Česká průmyslová zdravotní pojišťovna",
	"207": "Oborová zdravotní pojišťovna",
	"209": "Zaměstnanecká pojišťovna Škoda",
	"211": "Zdravotní pojišťovna ministerstva vnitra ČR",
	"213": "RBP, zdravotní pojišťovna",
}

// HealthInsurerCodes lists the codes of HealthInsurers in order.
func HealthInsurerCodes() []string {
	return []string{"111", "201", "205", "207", "209", "211", "213"}
}

// Hours is a number of hours in hundredths (7.5 h = 750), never a float.
type Hours int64

// HoursOf returns whole hours as Hours.
func HoursOf(h int64) Hours { return Hours(h * 100) }

// String writes "7.5", "40", "0.25".
func (h Hours) String() string {
	neg := ""
	if h < 0 {
		neg, h = "-", -h
	}
	s := neg + strconv.FormatInt(int64(h)/100, 10)
	if f := int64(h) % 100; f != 0 {
		s += strings.TrimRight("."+strconv.FormatInt(100+f, 10)[1:], "0")
	}
	return s
}

// Child is a dependent child the employee claims the tax credit for (§ 35c
// ZDP): Order 1, 2 or 3 (the third and every further child), ZTPP doubles
// the credit.
type Child struct {
	Name  string `json:"name"`
	Order int    `json:"order"`
	ZTPP  bool   `json:"ztpp,omitempty"`
}

// EmployeeTerms are the terms of an employee in force from a day until the
// next change: contract, pay, hours, disability and the children claimed.
type EmployeeTerms struct {
	From     Date         `json:"from"`
	Contract ContractType `json:"contract"`
	// MonthlySalary (haléř) or HourlyRate (haléř per hour): exactly one is
	// set. DPP and DPČ are paid by the hour (or a monthly reward as a
	// MonthlySalary).
	MonthlySalary int64 `json:"monthly_salary,omitempty"`
	HourlyRate    int64 `json:"hourly_rate,omitempty"`
	HoursPerWeek  Hours `json:"hours_per_week"`
	// Disability is the degree of invalidity (0 none, 1 and 2, 3); ZTPP is
	// the holder of a ZTP/P card (§ 35ba ZDP credits).
	Disability int  `json:"disability,omitempty"`
	ZTPP       bool `json:"ztpp,omitempty"`
	// StateInsured: the state also pays health insurance for the employee
	// (student, pensioner, parent on leave…), so the minimum health base
	// does not apply to them (§ 3 odst. 8 z. 592/1992; not in part A). A
	// ZTP/P holder is exempt from it too.
	StateInsured bool    `json:"state_insured,omitempty"`
	Children     []Child `json:"children,omitempty"`
}

// Employee is a person on the payroll.
type Employee struct {
	ID            string `json:"id"`
	Branch        string `json:"branch"`
	Name          string `json:"name"`
	BirthNumber   string `json:"birth_number"` // rodné číslo, stored as typed after ValidateBirthNumber
	Street        string `json:"street"`
	City          string `json:"city"`
	Postcode      string `json:"postcode"`
	Country       string `json:"country"`
	HealthInsurer string `json:"health_insurer"` // a code of HealthInsurers
	BankAccount   string `json:"bank_account"`   // Czech account, ParseBankAccount
	Lang          Lang   `json:"lang,omitempty"` // the payslip's language
	// Start and End are the employment's first and last day (End zero:
	// open-ended).
	Start Date `json:"start"`
	End   Date `json:"end,omitempty"`
	// Declarations are the years the employee signed the prohlášení
	// poplatníka (§ 38k ZDP) with this employer.
	Declarations []int `json:"declarations,omitempty"`
	// History are the terms in order of From; the first starts on Start.
	History []EmployeeTerms `json:"history"`
}

// Declared reports a signed prohlášení for year.
func (e Employee) Declared(year int) bool {
	for _, y := range e.Declarations {
		if y == year {
			return true
		}
	}
	return false
}

// Employed reports whether day is within the employment.
func (e Employee) Employed(day Date) bool {
	return !day.Before(e.Start) && (e.End.IsZero() || !day.After(e.End))
}

// TermsOn returns the terms in force on day; ENOTFOUND before the first.
func (e Employee) TermsOn(day Date) (EmployeeTerms, error) {
	var found *EmployeeTerms
	for i := range e.History {
		if !e.History[i].From.After(day) && (found == nil || !e.History[i].From.Before(found.From)) {
			found = &e.History[i]
		}
	}
	if found == nil {
		return EmployeeTerms{}, Errorf(ENOTFOUND, "err.payroll.no_terms", "{{.name}} has no terms in force on {{.day}}", map[string]any{"name": e.Name, "day": day})
	}
	return *found, nil
}

// WithTerms returns e with t added to its history: terms from the same day
// replace that day's (a typo fixed before any pay run), later changes stay.
func (e Employee) WithTerms(t EmployeeTerms) Employee {
	h := make([]EmployeeTerms, 0, len(e.History)+1)
	for _, old := range e.History {
		if old.From != t.From {
			h = append(h, old)
		}
	}
	h = append(h, t)
	sort.SliceStable(h, func(i, j int) bool { return h[i].From.Before(h[j].From) })
	e.History = h
	return e
}

// Normalize trims the typed texts.
func (e *Employee) Normalize() {
	for _, p := range []*string{&e.Name, &e.BirthNumber, &e.Street, &e.City, &e.Postcode, &e.HealthInsurer, &e.BankAccount} {
		*p = strings.TrimSpace(*p)
	}
	e.Country = NormalizeCountry(e.Country)
	if e.Country == "" {
		e.Country = "CZ"
	}
}

// Validate checks every field and returns all that are wrong at once.
func (e Employee) Validate() error {
	var es Errors
	es.Add(requireText("employee.name", e.Name, 120))
	if _, err := ParseBirthNumber(e.BirthNumber); err != nil {
		es.Add(err)
	}
	es.Add(requireText("employee.street", e.Street, 120))
	es.Add(requireText("employee.city", e.City, 80))
	es.Add(maxText("employee.postcode", e.Postcode, 12))
	if _, ok := HealthInsurers[e.HealthInsurer]; !ok {
		es.Add(Invalid("employee.health_insurer", "err.employee.health_insurer", "choose the health insurance company (111, 201, 205, 207, 209, 211 or 213)", nil))
	}
	if _, err := ParseBankAccount(e.BankAccount); err != nil {
		es.Add(WithField(err, "employee.bank_account"))
	}
	if e.Lang != "" && !e.Lang.Valid() {
		es.Add(Invalid("employee.lang", "err.employee.lang", "choose Czech or English", nil))
	}
	if e.Start.IsZero() {
		es.Add(Invalid("employee.start", "err.required", "is required", nil))
	} else if !e.End.IsZero() && e.End.Before(e.Start) {
		es.Add(Invalid("employee.end", "err.employee.end", "the employment ends before it starts", nil))
	}
	for _, y := range e.Declarations {
		if y < 2000 || y > 2100 {
			es.Add(Invalid("employee.declarations", "err.employee.declaration_year", "{{.year}} is not a tax year", map[string]any{"year": y}))
		}
	}
	if len(e.History) == 0 {
		es.Add(Invalid("employee.terms", "err.employee.no_terms", "enter the contract, pay and hours", nil))
	}
	for i, t := range e.History {
		if i > 0 && !t.From.After(e.History[i-1].From) {
			es.Add(Invalid("employee.terms", "err.employee.terms_order", "two changes of terms fall on {{.day}} or out of order", map[string]any{"day": t.From}))
		}
		es.Add(t.Validate())
	}
	if len(e.History) > 0 && !e.Start.IsZero() && e.History[0].From.After(e.Start) {
		es.Add(Invalid("employee.terms", "err.employee.terms_start", "the first terms must be in force from the start of the employment", nil))
	}
	return es.Err()
}

// Validate checks one set of terms.
func (t EmployeeTerms) Validate() error {
	var es Errors
	if t.From.IsZero() {
		es.Add(Invalid("terms.from", "err.required", "is required", nil))
	}
	if !t.Contract.Valid() {
		es.Add(Invalid("terms.contract", "err.terms.contract", "choose the contract: employment (HPP), DPP or DPČ", nil))
	}
	switch {
	case t.MonthlySalary < 0 || t.HourlyRate < 0:
		es.Add(Invalid("terms.pay", "err.terms.pay_negative", "the pay cannot be negative", nil))
	case (t.MonthlySalary > 0) == (t.HourlyRate > 0):
		es.Add(Invalid("terms.pay", "err.terms.pay_one", "enter either a monthly salary or an hourly rate, above zero", nil))
	case t.MonthlySalary > 1_000_000_000_00 || t.HourlyRate > 10_000_000_00:
		es.Add(Invalid("terms.pay", "err.terms.pay_large", "the pay is implausibly large", nil))
	}
	maxWeek := HoursOf(40) // § 79 ZP: 40 h a week at most
	if t.Contract == ContractDPC {
		maxWeek = HoursOf(20) // § 76 ZP: DPČ at most half the weekly hours on average
	}
	if t.HoursPerWeek <= 0 && t.Contract != ContractDPP || t.HoursPerWeek < 0 || t.HoursPerWeek > maxWeek {
		es.Add(Invalid("terms.hours_per_week", "err.terms.hours_per_week", "hours per week must be above 0 and at most {{.max}}", map[string]any{"max": maxWeek.String()}))
	}
	if t.Disability < 0 || t.Disability > 3 {
		es.Add(Invalid("terms.disability", "err.terms.disability", "the degree of disability is 0 (none), 1, 2 or 3", nil))
	}
	for _, c := range t.Children {
		if c.Order < 1 || c.Order > 3 {
			es.Add(Invalid("terms.children", "err.terms.child_order", "a child's order is 1, 2 or 3 (third and further)", nil))
		}
		es.Add(maxText("terms.children", c.Name, 120))
	}
	return es.Err()
}

// BirthNumber is a validated rodné číslo and what it tells.
type BirthNumber struct {
	Digits string // 9 or 10 digits, no slash
	Born   Date
	Female bool
}

// String writes the number with its slash: "736028/5163".
func (b BirthNumber) String() string { return b.Digits[:6] + "/" + b.Digits[6:] }

// ParseBirthNumber validates a rodné číslo (z. 133/2000 Sb., § 13): 9 digits
// for people born before 1954, 10 after; the month is +50 for women, and
// from 2004 +20 (men) or +70 (women) when a day's numbers ran out; the date
// must exist; a 10-digit number is divisible by 11, or its first nine
// digits leave 10 and the check digit is 0.
func ParseBirthNumber(s string) (BirthNumber, error) {
	orig := s
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(s) > 6 && s[6] == '/' {
		s = s[:6] + s[7:]
	}
	args := map[string]any{"value": orig}
	if !allDigits(s) || len(s) != 9 && len(s) != 10 {
		return BirthNumber{}, Invalid("employee.birth_number", "err.birth_number.format", "“{{.value}}” is not a birth number (write 9 or 10 digits, 736028/5163)", args)
	}
	yy, _ := strconv.Atoi(s[0:2])
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	year := 1900 + yy
	if len(s) == 9 {
		if yy >= 54 {
			return BirthNumber{}, Invalid("employee.birth_number", "err.birth_number.nine", "{{.value}}: a 9-digit birth number belongs to someone born before 1954", args)
		}
	} else if yy < 54 {
		year = 2000 + yy
	}
	b := BirthNumber{Digits: s}
	ext := false
	switch {
	case mm >= 71 && mm <= 82:
		b.Female, mm, ext = true, mm-70, true
	case mm >= 51 && mm <= 62:
		b.Female, mm = true, mm-50
	case mm >= 21 && mm <= 32:
		mm, ext = mm-20, true
	}
	born, err := NewDate(year, time.Month(mm), dd)
	if err != nil || ext && year < 2004 {
		return BirthNumber{}, Invalid("employee.birth_number", "err.birth_number.date", "{{.value}}: the date of birth in the number does not exist", args)
	}
	b.Born = born
	if len(s) == 10 {
		n, _ := strconv.ParseInt(s, 10, 64)
		first9 := n / 10
		if n%11 != 0 && !(first9%11 == 10 && s[9] == '0') {
			return BirthNumber{}, Invalid("employee.birth_number", "err.birth_number.checksum", "{{.value}} is not a valid birth number (its check digit does not match)", args)
		}
	}
	return b, nil
}

// ValidateBirthNumber is ParseBirthNumber's error alone.
func ValidateBirthNumber(s string) error { _, err := ParseBirthNumber(s); return err }

// workdays counts Monday to Friday in [from, to] (public holidays count as
// workdays: a monthly salary pays them, § 115 ZP).
func workdays(from, to Date) int {
	n := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if wd := d.Time(time.UTC).Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}
