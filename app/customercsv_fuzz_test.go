package app

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	xunicode "golang.org/x/text/encoding/unicode"
)

// customerSeeds are customer lists as spreadsheets save them: Czech Excel's
// Windows-1250 with ';' and CRLF, UTF-8 with and without a byte-order mark,
// UTF-16, commas with quoted separators and line breaks, tabs and English
// headers, rows the rules refuse, and broken files.
func customerSeeds(tb testing.TB) [][]byte {
	czech := "Název;IČO;DIČ;Ulice;Obec;PSČ;Stát;E-mail;Telefon;Splatnost (dny);Měna;Jazyk;Poznámka\n" +
		"Žluťoučký kůň s.r.o.;27082440;CZ27082440;Náměstí Míru 12;Příbram;261 01;CZ;info@kun.cz;+420 318 123 456;30;CZK;cs;Stálý odběratel\n" +
		"\n" +
		"Úřad městyse Čeřovka;6947;;Hlavní 1;Jičín;506 01;;;;;;;'=SUM(A1)\n" +
		"Kaviareň Pod Hradom;;SK2023418765;;Bratislava;811 01;Slovensko;objednavky@podhradom.sk;;7 dní;€;;\n"
	utf16 := func(s string) []byte {
		b, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	return [][]byte{
		[]byte(czech),
		append([]byte("\uFEFF"), czech...),
		cp1250(tb, strings.ReplaceAll(czech, "\n", "\r\n")),
		utf16(czech),
		[]byte("nazev,ico,adresa,mesto,poznamka\n\"Pekařství \"\"U Zlatého klasu\"\", s.r.o.\",25596641,\"Dlouhá 5, 2. patro\",Brno,\"volat ráno,\nnejlépe před 9:00\"\nKovářství Šťastný,45274649,Polní 3,Tábor,\n"),
		[]byte("Company\tVAT ID\tCity\tZIP\tCountry\tLanguage\tCurrency\tPayment days\tSegment\n" +
			"Kaffeehaus Löwe GmbH\tATU63785913\tWien\t1060\tRakousko\tEnglish\t€\t30 days\tHoReCa\n"),
		[]byte("Firma;IČ;E-mail;Splatnost\nDobrá firma a.s.;27082440;;14\nŠpatné IČO s.r.o.;12345678;;14\n;27082440;;\nBez zavináče;;kancelar.firma.cz;\nDlouhá splatnost;;;dlouho\n"),
		[]byte("Název\nAlfa\nBeta\n"),
		[]byte("Název;Obec\nAlfa;Praha\n\"Beta;Brno\nGama;Kolín\n"),
		[]byte("Název;Obec\nPekárna \"U Nováků\";Praha\n"),
		append([]byte("Název;Obec\nŽluťoučký kůň;Příbram\nČeřovka;"), 0xE8, 0x0A),
		[]byte("Název;Telefon\n\"+420 602 318 447\";'+1 (555) 010\n"),
	}
}

func FuzzReadCustomersCSV(f *testing.F) {
	for _, s := range customerSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadCustomersCSV(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID || e.Key == "" {
				t.Fatalf("refused with %T %v, not an EINVALID *Error", err, err)
			}
			if !refusalRenders(e) {
				t.Fatalf("refusal without a message: %q", ErrorMessage(err, nil))
			}
			return
		}
		var cs []Customer
		last := 1
		for _, r := range file.Rows {
			if r.Line <= last {
				t.Fatalf("row of line %d after line %d", r.Line, last)
			}
			last = r.Line
			c := r.Customer
			if c.Currency == "" {
				c.Currency = "CZK" // what the store fills in
			}
			n := c
			n.Normalize("CZK")
			if n != c {
				t.Fatalf("a row is not normalised:\n got %+v\nthen %+v", c, n)
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("a row the rules refuse: %v (%+v)", err, c)
			}
			cs = append(cs, c)
		}
		for _, r := range file.Rejected {
			if r.Line < 2 || r.Err == nil || r.Reason == "" {
				t.Fatalf("rejected row %+v", r)
			}
		}
		// What Kontor writes of the rows, it reads back the same.
		var buf bytes.Buffer
		if err := WriteCustomersCSV(&buf, cs); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCustomersCSV(buf.Bytes())
		if err != nil {
			t.Fatalf("its own export is refused: %v\n%s", err, buf.Bytes())
		}
		if len(back.Rejected) > 0 || len(back.Rows) != len(cs) {
			t.Fatalf("its own export: %d rows, %d rejected %+v; want %d rows", len(back.Rows), len(back.Rejected), back.Rejected, len(cs))
		}
		for i, r := range back.Rows {
			if r.Customer != cs[i] {
				t.Fatalf("row %d changed on the way out and in:\n was %+v\n now %+v", i, cs[i], r.Customer)
			}
		}
	})
}

// TestCustomerCSVCells pins what the fuzz target found: a formula-looking
// cell after a space, and a line break written as a lone CR, read the same
// after Kontor writes them out again.
func TestCustomerCSVCells(t *testing.T) {
	f, err := ReadCustomersCSV([]byte("Název;Obec;Poznámka\n\"Alfa\rBeta\"; '+5 Kč;\"a\rb\"\n"))
	if err != nil || len(f.Rows) != 1 {
		t.Fatalf("%v %+v", err, f.Rejected)
	}
	c := f.Rows[0].Customer
	if c.Name != "Alfa Beta" || c.City != "+5 Kč" || c.Note != "a\nb" {
		t.Fatalf("read %q %q %q", c.Name, c.City, c.Note)
	}
	c.Currency = "CZK"
	var buf bytes.Buffer
	if err := WriteCustomersCSV(&buf, []Customer{c}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCustomersCSV(buf.Bytes())
	if err != nil || len(back.Rows) != 1 || back.Rows[0].Customer != c {
		t.Fatalf("back %v %+v, want %+v", err, back.Rows, c)
	}
}
