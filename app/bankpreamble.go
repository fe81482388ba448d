package app

import (
	"regexp"
	"strings"
)

// bankPreamble is what the records above a CSV export's header say about
// the statement (Fio, ČSOB and others put them there): the period and the
// balances, so that CheckBankStatement can hold the movements to them.
// Values it cannot read are left out rather than refusing a file a bank
// wrote: the movements are what is imported.
type bankPreamble struct {
	period, from, to, opening, closing preambleValue
}

// preambleValue is a preamble cell's text and its line.
type preambleValue struct {
	text string
	line int
}

// preambleLabels are the labels of each value, folded by headerKey.
var preambleLabels = []struct {
	names []string
	value func(*bankPreamble) *preambleValue
}{
	{[]string{"obdobi", "zaobdobi", "obdobivypisu", "vypisobdobi", "vypiszaobdobi", "period", "statementperiod"}, func(p *bankPreamble) *preambleValue { return &p.period }},
	{[]string{"obdobiod", "datumod", "od", "pocatekobdobi", "datestart", "from", "periodfrom"}, func(p *bankPreamble) *preambleValue { return &p.from }},
	{[]string{"obdobido", "datumdo", "do", "konecobdobi", "dateend", "to", "periodto"}, func(p *bankPreamble) *preambleValue { return &p.to }},
	{[]string{"pocatecnistav", "pocatecnistavuctu", "pocatecnizustatek", "pocatecnizustatekuctu", "zustatekpocatecni", "zustateknazacatkuobdobi", "openingbalance", "startbalance"}, func(p *bankPreamble) *preambleValue { return &p.opening }},
	{[]string{"konecnystav", "konecnystavuctu", "koncovystav", "koncovystavuctu", "konecnyzustatek", "koncovyzustatek", "zustatekkonecny", "zustateknakonciobdobi", "closingbalance", "endbalance"}, func(p *bankPreamble) *preambleValue { return &p.closing }},
}

// read takes a preamble record of line: "Label;value" or "Label: value".
func (p *bankPreamble) read(row []string, line int) {
	if len(row) == 0 {
		return
	}
	label, value := cellText(row[0]), ""
	if i := strings.IndexByte(label, ':'); i >= 0 {
		label, value = label[:i], strings.TrimSpace(label[i+1:])
	}
	for _, cell := range row[1:] {
		if value != "" {
			break
		}
		value = cellText(cell)
	}
	key := headerKey(label)
	for _, l := range preambleLabels {
		for _, name := range l.names {
			if key == name && value != "" {
				if v := l.value(p); v.text == "" {
					*v = preambleValue{text: value, line: line}
				}
				return
			}
		}
	}
}

// bankDateToken finds the dates in "01.11.2026 - 30.11.2026", "od 1. 11.
// 2026 do 30. 11. 2026" or "2026-11-01/2026-11-30".
var bankDateToken = regexp.MustCompile(`\d{1,4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}`)

// dates reads the dates of a value; nil when any of them is not one.
func (v preambleValue) dates() []Date {
	var out []Date
	for _, tok := range bankDateToken.FindAllString(v.text, -1) {
		d, err := parseBankDate(tok, "")
		if err != nil {
			return nil
		}
		out = append(out, d)
	}
	return out
}

// apply sets the statement's period and balances from what the preamble
// states and could be read.
func (p bankPreamble) apply(st *BankStatement) {
	var from, to Date
	if ds := p.period.dates(); len(ds) == 2 {
		from, to = ds[0], ds[1]
	} else if f, t := p.from.dates(), p.to.dates(); len(f) == 1 && len(t) == 1 {
		from, to = f[0], t[0]
	}
	if !from.IsZero() && !to.Before(from) {
		st.From, st.To, st.PeriodStated = from, to, true
	}
	if p.opening.text == "" || p.closing.text == "" {
		return
	}
	digits := MinorDigits(st.Currency)
	opening, err1 := parseDecimal(p.opening.text, digits, Czech, st.Currency)
	closing, err2 := parseDecimal(p.closing.text, digits, Czech, st.Currency)
	if err1 == nil && err2 == nil {
		st.Opening, st.Closing = M(opening, st.Currency), M(closing, st.Currency)
		st.BalancesStated, st.BalanceLine = true, p.closing.line
	}
}
