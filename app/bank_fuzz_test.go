package app

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"text/template"

	xunicode "golang.org/x/text/encoding/unicode"
)

// The bank parsers read files a user hands over: anything may be in them.
// The fuzz targets below feed them mutations of real-looking statements —
// ABO in Windows-1250 and UTF-8, CRLF and LF, banks' CSV exports with ';',
// ',' and tabs, a byte-order mark, UTF-16, quoted fields, a preamble,
// broken lines — and hold every result to what the importer relies on: no
// panic, a refusal is an *Error with a message, and a statement that is
// accepted passes CheckBankStatement and adds up.

// abo128 pads a record to 128 characters, as the seed files need.
func abo128(s string) string { return pad(s, 128) }

// aboSeeds are ABO/GPC files: a statement with messages and stornos, two
// statements in a row, a EUR one, and damaged ones.
func aboSeeds(tt testing.TB) [][]byte {
	good := sampleABO(tt)
	two := append([]string{
		aboHeader074(tt, "261126", 500000, 1000000, 0, 500000, 41, "271126"),
		aboMove075(tt, "0000002000145399", "1", 500000, "2", "0000000001", "0008000000", "0000000000", "271126", "A", "0203", "271126"),
	}, good...)
	eur := []string{
		aboHeader074(tt, "000000", 0, 121000, 0, 121000, 1, "281126"),
		aboMove075(tt, "0000000000001234", "E1", 121000, "2", "0000000007", "0000000000", "0000000000", "281126", "Kaffeehaus Löwe", "0978", "281126"),
		"079" + pad("Rechnung 2026007", 35),
	}
	return [][]byte{
		win1250(tt, strings.Join(good, "\r\n")+"\r\n"),
		[]byte(strings.Join(good, "\n")),
		win1250(tt, strings.Join(two, "\r\n")+"\r\n\x1a"),
		[]byte("\uFEFF" + strings.Join(eur, "\r\n")),
		win1250(tt, strings.Join(good[:3], "\r\n")),                          // cut off: does not add up
		win1250(tt, good[0]+"\r\n"+cut(good[1], 0, 100)+"\r\n"),              // a short record
		[]byte(good[0] + "\n076" + strings.Repeat(" ", 60) + "\n" + good[1]), // 076 and a message
		[]byte(abo128("074") + "\n" + abo128("075")),
	}
}

// csvSeeds are banks' CSV exports as they come.
func csvSeeds(tt testing.TB) [][]byte {
	utf16 := func(s string) []byte {
		b, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	demo := strings.Replace(demoStyleCSV, "{{date}}", "30.11.2026", 1)
	return [][]byte{
		win1250(tt, fioCSV),
		win1250(tt, csobCSV),
		win1250(tt, kbCSV),
		[]byte(demo),
		win1250(tt, strings.TrimPrefix(demo, "\ufeff")),
		utf16(demo),
		[]byte("Date,Amount,Currency,Counter account,Message,Transaction ID\n2026-11-28,\"1,234.50\",CZK,2000145399/0800,\"Invoice 7, thanks\",T1\n2026-11-29,-10.00,CZK,,Fee,T2\n"),
		[]byte("Datum\tČástka\tVS\tPoznámka\n28. 11. 2026 14:05\t1 210,00\t20260001\tÚhrada\n"),
		[]byte("Datum;Částka\n28.11.2026;\"1,00\n"),                             // an unclosed quote
		[]byte("Datum;Částka;Měna\n28.11.2026;1,00;CZK\n28.11.2026;1,00;EUR\n"), // two currencies
		[]byte("Období: 01.11.2026 - 30.11.2026\nPočáteční stav: 0,00\nKonečný stav: 1,00\nDatum;Objem\n01.12.9999;1,00\n"),
	}
}

// refusalRenders reports whether an error's message and every translated
// argument in it render with their arguments (values from the file may hold
// "{{" themselves: they are data, not templates).
func refusalRenders(e *Error) bool {
	return e.Msg != "" && templateRenders(e.Msg, e.Args)
}

func templateRenders(msg string, args map[string]any) bool {
	tpl, err := template.New("msg").Option("missingkey=zero").Parse(msg)
	if err != nil || tpl.Execute(io.Discard, args) != nil {
		return false
	}
	for _, v := range args {
		if l, ok := v.(Label); ok && !templateRenders(l.Fallback, l.Args) {
			return false
		}
	}
	return true
}

// checkBankResult holds a parser's answer to what the importer relies on.
func checkBankResult(t *testing.T, st BankStatement, err error) {
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Key == "" || e.Code != EINVALID {
			t.Fatalf("refused with %T %v, not an EINVALID *Error", err, err)
		}
		if !refusalRenders(e) {
			t.Fatalf("refusal without a message: %q", ErrorMessage(err, nil))
		}
		return
	}
	if cerr := CheckBankStatement(st, Date{}); cerr != nil {
		t.Fatalf("accepted a statement CheckBankStatement refuses: %v", cerr)
	}
	if !ValidCurrency(st.Currency) {
		t.Fatalf("currency %q", st.Currency)
	}
	for _, l := range st.Lines {
		if l.Line < 1 || l.Date.IsZero() || l.Amount.Currency != st.Currency {
			t.Fatalf("line %+v of a %s statement", l, st.Currency)
		}
		for _, sym := range []string{l.VariableSymbol, l.ConstantSymbol, l.SpecificSymbol} {
			if sym != "" && (len(sym) > 10 || !allDigits(sym)) {
				t.Fatalf("symbol %q", sym)
			}
		}
	}
	if st.PeriodStated && st.To.Before(st.From) {
		t.Fatalf("period %v – %v", st.From, st.To)
	}
}

func FuzzParseABO(f *testing.F) {
	for _, s := range aboSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseABO(data)
		checkBankResult(t, st, err)
		if err == nil {
			if st.Format != BankFormatABO || !st.BalancesStated {
				t.Fatalf("an ABO statement %+v", st)
			}
			again, err2 := ParseABO(data)
			if err2 != nil || !reflect.DeepEqual(st, again) {
				t.Fatalf("a second parse differs: %v", err2)
			}
		}
	})
}

func FuzzParseBankStatement(f *testing.F) {
	for _, s := range append(csvSeeds(f), aboSeeds(f)[:2]...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseBankStatement(data)
		checkBankResult(t, st, err)
		if err != nil || st.Format != BankFormatCSV {
			return
		}
		// What the Bank pane does: guess the mapping, then parse with it.
		m, gerr := GuessCSVMapping(data)
		if gerr != nil {
			t.Fatalf("parsed, but the mapping is refused: %v", gerr)
		}
		st2, err2 := ParseBankCSV(data, m)
		if err2 != nil || !reflect.DeepEqual(st, st2) {
			t.Fatalf("parsing with the guessed mapping differs: %v", err2)
		}
	})
}
