package app

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func cp1250(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q as Windows-1250: %v", s, err)
	}
	return b
}

func TestParseCustomersCSV(t *testing.T) {
	type want struct {
		line int
		name string
		ico  string
		city string
	}
	czech := "Název;IČO;DIČ;Ulice;Obec;PSČ;E-mail;Telefon;Splatnost (dny);Poznámka\n" +
		"Žluťoučký kůň s.r.o.;27082440;CZ27082440;Náměstí Míru 12;Příbram;261 01;info@kun.cz;+420 318 123 456;30;Stálý odběratel\n" +
		"\n" +
		"Úřad městyse Čeřovka;6947;;Hlavní 1;Jičín;506 01;;;;\n"
	cases := []struct {
		name     string
		data     []byte
		enc      string
		sep      rune
		rows     []want
		rejected []int // lines
		ignored  []string
	}{
		{"UTF-8 with ; and a blank line", []byte(czech), EncodingUTF8, ';',
			[]want{{2, "Žluťoučký kůň s.r.o.", "27082440", "Příbram"}, {4, "Úřad městyse Čeřovka", "00006947", "Jičín"}}, nil, nil},
		{"UTF-8 with a BOM", append([]byte("\uFEFF"), czech...), EncodingUTF8, ';',
			[]want{{2, "Žluťoučký kůň s.r.o.", "27082440", "Příbram"}, {4, "Úřad městyse Čeřovka", "00006947", "Jičín"}}, nil, nil},
		{"Windows-1250 from Czech Excel", cp1250(t, strings.ReplaceAll(czech, "\n", "\r\n")), EncodingWindows1250, ';',
			[]want{{2, "Žluťoučký kůň s.r.o.", "27082440", "Příbram"}, {4, "Úřad městyse Čeřovka", "00006947", "Jičín"}}, nil, nil},
		{"comma with quoted separators and newlines", []byte("nazev,ico,adresa,mesto,poznamka\n" +
			"\"Pekařství \"\"U Zlatého klasu\"\", s.r.o.\",25596641,\"Dlouhá 5, 2. patro\",Brno,\"volat ráno,\nnejlépe před 9:00\"\n" +
			"Kovářství Šťastný,45274649,Polní 3,Tábor,\n"), EncodingUTF8, ',',
			[]want{{2, `Pekařství "U Zlatého klasu", s.r.o.`, "25596641", "Brno"}, {4, "Kovářství Šťastný", "45274649", "Tábor"}}, nil, nil},
		{"English headers, tab, unknown columns", []byte("Company\tVAT ID\tCity\tZIP\tCountry\tLanguage\tCurrency\tPayment days\tSegment\tOwner\n" +
			"Kaffeehaus Löwe GmbH\tATU63785913\tWien\t1060\tRakousko\tEnglish\t€\t30 days\tHoReCa\tJana\n"), EncodingUTF8, '\t',
			[]want{{2, "Kaffeehaus Löwe GmbH", "", "Wien"}}, nil, []string{"Segment", "Owner"}},
		{"invalid rows rejected with their line", []byte("Firma;IČ;E-mail;Splatnost\n" +
			"Dobrá firma a.s.;27082440;;14\n" +
			"Špatné IČO s.r.o.;12345678;;14\n" +
			";27082440;;\n" +
			"Bez zavináče;;kancelar.firma.cz;\n" +
			"Dlouhá splatnost;;;dlouho\n" +
			"Poslední dobrá;00006947;;\n"), EncodingUTF8, ';',
			[]want{{2, "Dobrá firma a.s.", "27082440", ""}, {7, "Poslední dobrá", "00006947", ""}}, []int{3, 4, 5, 6}, nil},
		{"one named column", []byte("Název\nAlfa\nBeta\n"), EncodingUTF8, ',',
			[]want{{2, "Alfa", "", ""}, {3, "Beta", "", ""}}, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ReadCustomersCSV(tc.data)
			if err != nil {
				t.Fatalf("ReadCustomersCSV: %v", err)
			}
			if f.Encoding != tc.enc || f.Separator != tc.sep {
				t.Errorf("encoding %s, separator %q; want %s, %q", f.Encoding, f.Separator, tc.enc, tc.sep)
			}
			if fmt.Sprint(f.Ignored) != fmt.Sprint(tc.ignored) && !(len(f.Ignored) == 0 && len(tc.ignored) == 0) {
				t.Errorf("ignored %q, want %q", f.Ignored, tc.ignored)
			}
			if len(f.Rows) != len(tc.rows) {
				t.Fatalf("%d rows, want %d: %+v (rejected %+v)", len(f.Rows), len(tc.rows), f.Rows, f.Rejected)
			}
			for i, w := range tc.rows {
				r := f.Rows[i]
				if r.Line != w.line || r.Customer.Name != w.name || r.Customer.ICO != w.ico || r.Customer.City != w.city {
					t.Errorf("row %d: line %d %q %q %q; want %+v", i, r.Line, r.Customer.Name, r.Customer.ICO, r.Customer.City, w)
				}
				c := r.Customer
				if c.Normalize("CZK"); c.Validate() != nil || c != r.Customer && r.Customer.Currency != "" {
					t.Errorf("row %d changes when normalised again", i)
				}
				if err := c.Validate(); err != nil {
					t.Errorf("row %d does not validate: %v", i, err)
				}
			}
			var lines []int
			for _, r := range f.Rejected {
				lines = append(lines, r.Line)
				if r.Reason == "" || r.Err == nil {
					t.Errorf("rejected line %d without a reason", r.Line)
				}
			}
			if fmt.Sprint(lines) != fmt.Sprint(tc.rejected) && len(lines)+len(tc.rejected) > 0 {
				t.Errorf("rejected lines %v, want %v: %+v", lines, tc.rejected, f.Rejected)
			}
			rows, rejected, err := ParseCustomersCSV(tc.data)
			if err != nil || len(rows) != len(f.Rows) || len(rejected) != len(f.Rejected) {
				t.Errorf("ParseCustomersCSV disagrees: %d, %d, %v", len(rows), len(rejected), err)
			}
		})
	}
}

func TestParseCustomersCSVDetails(t *testing.T) {
	f, err := ReadCustomersCSV([]byte("Název;Stát;Jazyk;Měna;Splatnost;DIČ;E-mail\n" +
		"Kaviareň Pod Hradom;Slovensko;;EUR;0;SK2023418765;objednavky@podhradom.sk\n" +
		"Wiener Kaffee;AT;cs;Kč;7 dní;;\n" +
		"Bez splatnosti;;;;;;\n"))
	if err != nil || len(f.Rows) != 3 {
		t.Fatalf("%v %+v %+v", err, f.Rows, f.Rejected)
	}
	sk, at, cz := f.Rows[0].Customer, f.Rows[1].Customer, f.Rows[2].Customer
	if sk.Country != "SK" || sk.Lang != Czech || sk.Currency != "EUR" || sk.PaymentDays != 0 || sk.DIC != "SK2023418765" {
		t.Errorf("Slovak customer %+v", sk)
	}
	if at.Country != "AT" || at.Lang != Czech || at.Currency != "CZK" || at.PaymentDays != 7 {
		t.Errorf("Austrian customer %+v", at)
	}
	if cz.Country != "CZ" || cz.Currency != "" || cz.PaymentDays != DefaultPaymentDays || cz.Lang != Czech {
		t.Errorf("default customer %+v", cz)
	}
	// The store fills the company's base currency.
	if cz.Normalize("EUR"); cz.Currency != "EUR" || cz.Validate() != nil {
		t.Errorf("customer without a currency in a EUR company: %+v", cz)
	}
	_, rejected, err := ParseCustomersCSV([]byte("Název;Jazyk;IČO\nA;klingonština;\nB;;12345678\n"))
	if err != nil || len(rejected) != 2 {
		t.Fatalf("%v %+v", err, rejected)
	}
	if !strings.Contains(rejected[0].Reason, "Czech or English") || ErrorCode(rejected[0].Err) != EINVALID {
		t.Errorf("language: %q", rejected[0].Reason)
	}
	if !strings.Contains(rejected[1].Reason, "12345678") || !strings.Contains(rejected[1].Reason, "IČO") {
		t.Errorf("IČO: %q", rejected[1].Reason)
	}
}

func TestParseCustomersCSVRefused(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	noNul := bytes.Repeat([]byte{0x01, 0x02, 0x1b, 'a', 0x05, 0x06, 0x07, 0x0e}, 20)
	utf16 := func(s string) []byte {
		b, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"PNG image", "not a text file", png},
		{"xlsx (zip)", "not a text file", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04")},
		{"control characters", "not a text file", noNul},
		{"empty", "empty", []byte("\uFEFF \r\n")},
		{"plain text", "not a CSV file", []byte("Dobrý den\npošlete prosím nabídku\n")},
		{"no known columns", "not a customer CSV", []byte("a;b;c\n1;2;3\n")},
		{"missing name column", "“Název”", []byte("IČO;Obec\n27082440;Praha\n")},
		{"two name columns", "both hold", []byte("Name;Company\nJana;Alfa\n")},
		{"broken quoting", "line 3:", []byte("Název;Obec\nAlfa;Praha\n\"Beta;Brno\nGama;Kolín\n")},
		{"bare quote", "line 2:", []byte("Název;Obec\nPekárna \"U Nováků\";Praha\n")},
		{"text after a closing quote", "line 2:", []byte("Název,Obec\n\"Alfa\" s.r.o.,Praha\n")},
		{"broken UTF-8", "line 3", append([]byte("Název;Obec\nŽluťoučký kůň;Příbram\nČeřovka;"), 0xE8, 0x0A)},
		{"a code page with undefined bytes", "unknown encoding", []byte("Název;Obec\nAlfa\x81\x83\x88;Praha\n")},
		{"symbols, not letters (DOS Latin 2?)", "unknown encoding", []byte("Název;Obec\n\xb1\xa6\xb0\xb6\xab\xbb\xa9\xae;\xb1\xa6\xb0\xb6\xab\xbb\xa9\xae\n")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, rejected, err := ParseCustomersCSV(tc.data)
			if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err, nil), tc.want) {
				t.Fatalf("err %v, want EINVALID with %q", err, tc.want)
			}
			if len(rows)+len(rejected) != 0 {
				t.Errorf("a refused file gave %d rows, %d rejected", len(rows), len(rejected))
			}
		})
	}
	// UTF-16 with a BOM (Excel's "Unicode text") is read, not refused.
	f, err := ReadCustomersCSV(utf16("Název\tObec\r\nŽluťoučký kůň s.r.o.\tPříbram\r\n"))
	if err != nil || f.Encoding != EncodingUTF16 || len(f.Rows) != 1 || f.Rows[0].Customer.City != "Příbram" {
		t.Errorf("UTF-16: %v %+v", err, f)
	}
}

func TestWriteCustomersCSVRoundTrip(t *testing.T) {
	in := []Customer{
		{Name: "Žluťoučký kůň s.r.o.", ICO: "27082440", DIC: "CZ27082440", Street: "Náměstí Míru 12", City: "Příbram", Postcode: "261 01",
			Email: "info@kun.cz", Phone: "+420 318 123 456", PaymentDays: 30, Note: "Odběratel; platí \"včas\",\nvolat ráno"},
		{Name: "=HYPERLINK(\"http://x\")", City: "-1+cmd|' /C calc'!A0", Phone: "-", PaymentDays: 0, Currency: "EUR", Country: "SK"},
		{Name: "Kaffeehaus Löwe GmbH", DIC: "ATU63785913", City: "Wien", Country: "AT", Currency: "EUR", Lang: English, PaymentDays: 45},
	}
	for i := range in {
		in[i].Normalize("CZK")
	}
	var b bytes.Buffer
	if err := WriteCustomersCSV(&b, in); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFFNázev;IČO;DIČ;") || !strings.Contains(out, "\r\n") {
		t.Errorf("not Czech-Excel CSV:\n%s", out)
	}
	if !strings.Contains(out, `'=HYPERLINK`) || !strings.Contains(out, `'-1+cmd`) || !strings.Contains(out, ";+420 318 123 456;") {
		t.Errorf("formulas not defused or a phone number changed:\n%s", out)
	}
	f, err := ReadCustomersCSV(b.Bytes())
	if err != nil || len(f.Rejected) != 0 || len(f.Ignored) != 0 {
		t.Fatalf("%v %+v %v", err, f.Rejected, f.Ignored)
	}
	if len(f.Rows) != len(in) {
		t.Fatalf("%d rows back", len(f.Rows))
	}
	for i, r := range f.Rows {
		if r.Customer != in[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, r.Customer, in[i])
		}
	}
	if f.Rows[2].Line != 5 { // the first customer's note spans two lines
		t.Errorf("third customer on line %d", f.Rows[2].Line)
	}
	// Every exported header is one the reader accepts.
	for _, c := range CustomerCSVColumns() {
		if _, ok := headerIndex()[headerKey(c.Header)]; !ok {
			t.Errorf("header %q is not read back", c.Header)
		}
	}
}

// BenchmarkParseCustomersCSV reads 100,000 customers in Windows-1250, as the
// import of that many must (the whole import has 30 s).
func BenchmarkParseCustomersCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Název;IČO;Ulice;Obec;PSČ;E-mail;Telefon\r\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&sb, "Žluťoučký kůň %d s.r.o.;;Náměstí Míru %d;Příbram;261 01;info%d@kun.cz;+420 318 %06d\r\n", i, i%300, i, i)
	}
	data := cp1250(b, sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, rejected, err := ParseCustomersCSV(data)
		if err != nil || len(rows) != 100_000 || len(rejected) != 0 {
			b.Fatal(err, len(rows), len(rejected))
		}
	}
}
