package app

import (
	"sort"
	"time"
)

// Plausibility of a bank statement. A parser reads what the file says; these
// rules refuse what no bank would have sent, before anything is stored: a
// movement a person typed a wrong year into (01.12.9999 would be posted as
// entry ID9999-00001 and pay an invoice), an amount no statement line of a
// small business reaches, movements that do not add up to the balances the
// file states. Each refusal names the line of the file.

// MaxBankAmount is the largest amount of one statement line, in minor units:
// 10 000 000 000,00 Kč. ABO/GPC cannot even write more (12 digits).
const MaxBankAmount = 1_000_000_000_000

// Date windows of a statement's movements, in days.
const (
	// BankPeriodSlack is how far a movement may lie outside the period the
	// file states: value dates of card payments and weekend transfers fall a
	// few days before the period opens or after it closes.
	BankPeriodSlack = 31
	// BankUnstatedSpan is how far a movement may lie from the statement's
	// other movements (their median date) when the file states no period:
	// a bank's export covers a year or so, never decades.
	BankUnstatedSpan = 400
	// BankFutureDays is how far after today a movement may be dated (a value
	// date announced for Monday on a Friday statement).
	BankFutureDays = 7
)

// bankFirstDate is the earliest date a movement may have: Kontor's books
// and the ABO format (years 2000–2099) start there.
var bankFirstDate = Date{2000, time.January, 1}

// CheckBankStatement refuses, with EINVALID "line N: …", a statement with a
// movement over MaxBankAmount, dated before 2000, more than BankFutureDays
// after today (a zero today skips this rule: the parsers do not know the
// day), outside the stated period by more than BankPeriodSlack days or —
// when the file states no period — more than BankUnstatedSpan days from the
// median of its movements, or whose stated opening balance plus its
// movements is not its stated closing balance. The rules that need no other
// line come first, so a wrong line is not blamed on the right ones; within
// a rule the first line in file order is the one reported.
func CheckBankStatement(st BankStatement, today Date) error {
	for _, l := range st.Lines {
		if err := checkBankLine(l, today); err != nil {
			return err
		}
	}
	var median Date
	if !st.PeriodStated {
		median = bankMedianDate(st.Lines)
	}
	for _, l := range st.Lines {
		if err := checkBankLineDate(st, l, median); err != nil {
			return err
		}
	}
	return checkBankBalances(st)
}

// checkBankLine applies the rules of one movement alone: its amount, and a
// date after 2000 and not in the future.
func checkBankLine(l BankLine, today Date) error {
	if a := l.Amount.Amount; a > MaxBankAmount || a < -MaxBankAmount {
		return bankLineError(l.Line, "err.bank.amount_too_large",
			"the amount {{.amount}} is over {{.max}}, more than any bank statement line of a business: is the amount column the right one?",
			map[string]any{"amount": l.Amount, "max": M(MaxBankAmount, l.Amount.Currency)})
	}
	args := map[string]any{"date": l.Date}
	switch {
	case l.Date.IsZero():
		return bankLineError(l.Line, "err.bank.no_date", "the movement has no date", nil)
	case l.Date.Before(bankFirstDate):
		return bankLineError(l.Line, "err.bank.date_too_old", "the movement is dated {{.date}}, before 2000: is the year right?", args)
	case !today.IsZero() && l.Date.After(today.AddDays(BankFutureDays)):
		args["today"] = today
		return bankLineError(l.Line, "err.bank.date_future", "the movement is dated {{.date}}, in the future (today is {{.today}}): is the year right?", args)
	}
	return nil
}

// checkBankLineDate holds a movement's date to the stated period, or to the
// median of the movements when the file states none.
func checkBankLineDate(st BankStatement, l BankLine, median Date) error {
	args := map[string]any{"date": l.Date}
	switch {
	case st.PeriodStated && (l.Date.Before(st.From.AddDays(-BankPeriodSlack)) || l.Date.After(st.To.AddDays(BankPeriodSlack))):
		args["from"], args["to"], args["days"] = st.From, st.To, BankPeriodSlack
		return bankLineError(l.Line, "err.bank.date_outside",
			"the movement is dated {{.date}}, more than {{.days}} days outside the statement's period {{.from}} – {{.to}}: is the date right?", args)
	case !st.PeriodStated && !median.IsZero() && absInt(daysBetween(median, l.Date)) > BankUnstatedSpan:
		args["median"], args["days"] = median, BankUnstatedSpan
		return bankLineError(l.Line, "err.bank.date_apart",
			"the movement is dated {{.date}}, more than {{.days}} days from the statement's other movements (around {{.median}}): is the date right?", args)
	}
	return nil
}

// checkBankBalances refuses stated balances the movements do not reach.
func checkBankBalances(st BankStatement) error {
	if !st.BalancesStated {
		return nil
	}
	cur := st.Currency
	if cur == "" {
		cur = "CZK"
	}
	sum, err := bankCurrencyTotal(st.Lines, cur)
	if err != nil {
		return err
	}
	reached, err := M(st.Opening.Amount, cur).Add(sum)
	if err == nil && reached.Amount == st.Closing.Amount {
		return nil
	}
	return bankLineError(st.BalanceLine, "err.bank.balance_mismatch",
		"the opening balance {{.opening}} plus the movements {{.sum}} is {{.reached}}, not the closing balance {{.closing}} the file states: a movement is missing or wrong",
		map[string]any{"opening": M(st.Opening.Amount, cur), "sum": sum, "reached": reached, "closing": M(st.Closing.Amount, cur)})
}

// bankMedianDate is the middle date of the movements (zero when none): the
// statement's time, which a few mistyped dates cannot move.
func bankMedianDate(lines []BankLine) Date {
	var ds []Date
	for _, l := range lines {
		if !l.Date.IsZero() {
			ds = append(ds, l.Date)
		}
	}
	if len(ds) == 0 {
		return Date{}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds[(len(ds)-1)/2] // of two, the earlier: a typo is more often a later year
}

// daysBetween is the number of days from a to b (negative when b is earlier).
func daysBetween(a, b Date) int {
	// Unix seconds, not a Duration: those stop at 292 years.
	return int((b.Time(time.UTC).Unix() - a.Time(time.UTC).Unix()) / 86400)
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
