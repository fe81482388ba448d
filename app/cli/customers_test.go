package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"kontor/app"
	"kontor/data/datatest"
)

// customerEnv is a database with a company, an admin (the default user), a
// receptionist and a payroll clerk, and a customer on file.
func customerEnv(t *testing.T) (*testEnv, *datatest.DB, string) {
	t.Helper()
	db := datatest.MustOpen(t)
	db.AddUser(t, "recepce", "Jana Růžičková", datatest.UserPassword, app.RoleReception)
	db.AddUser(t, "mzdy", "Zdeňka Kučerová", datatest.UserPassword, app.RolePayroll)
	if _, err := db.SaveCustomer(db.Ctx, app.Customer{Name: "Stávající zákazník s.r.o.", ICO: "45274649", Country: "CZ", Currency: "CZK", Lang: app.Czech, PaymentDays: 14}); err != nil {
		t.Fatal(err)
	}
	te := newTestEnv(t, db)
	te.vars[EnvDB] = db.Path
	return te, db, t.TempDir()
}

// customers are all of db's customers.
func customers(t *testing.T, db *datatest.DB) []app.Customer {
	t.Helper()
	cs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// imports counts the customer imports in db's audit trail.
func imports(t *testing.T, db *datatest.DB) int {
	t.Helper()
	return datatest.Actions(db.AuditTrail(t, db.Ctx, app.AuditFilter{Entity: "customer"}))["import"]
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// czechExcelCSV is a customer list as Czech Excel saves it: Windows-1250,
// semicolons, CRLF; line 4 has a bad IČO, line 5 an IČO already on file,
// line 7 the IČO of line 2 again.
func czechExcelCSV(t *testing.T) []byte {
	t.Helper()
	text := "Název;IČO;Ulice;Obec;PSČ;E-mail;Telefon;Splatnost (dny);Obor\r\n" +
		"Žluťoučký kůň s.r.o.;27082440;Náměstí Míru 12;Příbram;261 01;info@kun.cz;+420 318 123 456;30;chov koní\r\n" +
		"Úřad městyse Čeřovka;6947;Hlavní 1;Jičín;506 01;;;;\r\n" +
		"Špatné IČO a.s.;12345678;;Brno;;;;;\r\n" +
		"Znovu stávající;45274649;;Praha;;;;;\r\n" +
		"Pekařství U Klasu;;Dlouhá 5;Tábor;;pekarstvi@klas.cz;;14;\r\n" +
		"Dvojník koně;27082440;;Příbram;;;;;\r\n"
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImportCustomers(t *testing.T) {
	te, db, dir := customerEnv(t)
	file := writeFile(t, filepath.Join(dir, "zakaznici.csv"), czechExcelCSV(t))

	// A dry run reports everything and writes nothing.
	if code := te.run("import", "customers", file, "--dry-run", "--user", "recepce"); code != ExitOK {
		t.Fatalf("dry run: exit %d: %s", code, te.err.String())
	}
	out := te.out.String()
	for _, want := range []string{"Windows-1250", "semicolons", "5 customers, 1 row with mistakes", "Columns left out (Kontor has no field for them): Obor",
		"Rejected 3 rows (they changed nothing):", "  line 4: IČO: 12345678 is not a valid IČO", "  line 5: ", "already on file", "  line 7: ", "already on line 2 of the file",
		"Dry run: 3 customers would be imported; nothing was written."} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if n := len(customers(t, db)); n != 1 || imports(t, db) != 0 {
		t.Fatalf("a dry run wrote %d customers", n-1)
	}

	if code := te.run("import", "customers", file, "--user", "recepce"); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, te.err.String())
	}
	if out := te.out.String(); !strings.Contains(out, "Imported 3 customers in one transaction") || !strings.Contains(out, "line 7: ") {
		t.Errorf("import output:\n%s", out)
	}
	if n, cs := imports(t, db), customers(t, db); n != 1 || len(cs) != 4 {
		t.Errorf("%d imports, %d customers", n, len(cs))
	}
	found := map[string]app.Customer{}
	for _, c := range customers(t, db) {
		found[c.Name] = c
	}
	if c := found["Žluťoučký kůň s.r.o."]; c.City != "Příbram" || c.PaymentDays != 30 || c.Currency != "CZK" || c.ID == "" {
		t.Errorf("imported %+v", c)
	}
	if c := found["Úřad městyse Čeřovka"]; c.ICO != "00006947" {
		t.Errorf("IČO without its leading zeros (as Excel writes it) not padded: %+v", c)
	}
	if c := found["Pekařství U Klasu"]; c.Email != "pekarstvi@klas.cz" {
		t.Errorf("imported %+v", c)
	}
}

func TestImportCustomersQuotedRow(t *testing.T) {
	te, db, dir := customerEnv(t)
	file := writeFile(t, filepath.Join(dir, "q.csv"), []byte("name,city,note\n\"Pekařství \"\"U Klasu\"\"\",Tábor,\"ráno,\nvečer\"\n"))
	if code := te.run("import", "customers", file); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), "commas") || len(customers(t, db)) != 2 {
		t.Errorf("output %s, %d customers", te.out.String(), len(customers(t, db)))
	}
}

func TestImportCustomersRefused(t *testing.T) {
	te, db, dir := customerEnv(t)
	good := writeFile(t, filepath.Join(dir, "ok.csv"), []byte("Název;Obec\nAlfa;Praha\n"))
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a PNG", []string{writeFile(t, filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))}, ExitFailure, "not a text file"},
		{"broken quoting", []string{writeFile(t, filepath.Join(dir, "broken.csv"), []byte("Název;Obec\nAlfa;Praha\n\"Beta;Brno\n"))}, ExitFailure, "line 3: a quoted field is not closed"},
		{"an empty file", []string{writeFile(t, filepath.Join(dir, "empty.csv"), nil)}, ExitFailure, "empty"},
		{"no name column", []string{writeFile(t, filepath.Join(dir, "noname.csv"), []byte("IČO;Obec\n27082440;Praha\n"))}, ExitFailure, "“Název”"},
		{"missing file", []string{filepath.Join(dir, "nothing.csv")}, ExitFailure, "cannot read"},
		{"no role", []string{good, "--user", "mzdy"}, ExitFailure, "may not do this (customers.write)"},
		{"no file", nil, ExitUsage, "missing FILE.csv"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code := te.run(append([]string{"import", "customers"}, tc.args...)...)
			if code != tc.code || !strings.Contains(te.err.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want %d with %q", code, te.err.String(), tc.code, tc.want)
			}
			if code == ExitFailure && tc.name != "no role" && !strings.Contains(te.err.String(), "nothing was imported") && tc.name != "missing file" {
				t.Errorf("refusal does not say nothing was imported: %q", te.err.String())
			}
		})
	}
	if n, cs := imports(t, db), customers(t, db); len(cs) != 1 || n != 0 {
		t.Errorf("refused imports wrote: %d customers, %d imports", len(cs), n)
	}
	// Bare quotes refuse the whole file with the line.
	bare := writeFile(t, filepath.Join(dir, "bare2.csv"), []byte("Název;Obec\nAlfa;Praha\nPekařství \"U Klasu\";Tábor\n"))
	if code := te.run("import", "customers", bare); code != ExitFailure || !strings.Contains(te.err.String(), "line 3: a quote") {
		t.Errorf("bare quote: exit %d %q", code, te.err.String())
	}
}

func TestExportCustomers(t *testing.T) {
	te, db, dir := customerEnv(t)
	file := writeFile(t, filepath.Join(dir, "in.csv"), czechExcelCSV(t))
	if code := te.run("import", "customers", file); code != ExitOK {
		t.Fatalf("import: %d %s", code, te.err.String())
	}
	out := filepath.Join(dir, "export")
	if code := te.run("export", "customers", "--out", out, "--user", "recepce"); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), "Wrote 4 customers to "+out+".csv") {
		t.Errorf("output %q", te.out.String())
	}
	data, err := os.ReadFile(out + ".csv")
	if err != nil || !strings.HasPrefix(string(data), "\uFEFFNázev;IČO;") {
		t.Fatalf("%v\n%s", err, data)
	}
	back, err := app.ReadCustomersCSV(data)
	if err != nil || len(back.Rows) != 4 || len(back.Rejected) != 0 {
		t.Fatalf("read back: %v %+v", err, back.Rejected)
	}
	for _, r := range back.Rows {
		var orig app.Customer
		for _, c := range customers(t, db) {
			if c.Name == r.Customer.Name {
				orig = c
			}
		}
		orig.ID, orig.Branch, orig.Created, orig.Updated, orig.Revision = "", "", r.Customer.Created, r.Customer.Updated, 0
		if r.Customer != orig {
			t.Errorf("round trip:\n got %+v\nwant %+v", r.Customer, orig)
		}
	}

	// An existing file is kept without --force, replaced with it.
	if code := te.run("export", "customers", "--out", out+".csv"); code != ExitFailure || !strings.Contains(te.err.String(), "--force") {
		t.Errorf("overwrite: exit %d %q", code, te.err.String())
	}
	if code := te.run("export", "customers", "--out", out+".csv", "--force"); code != ExitOK {
		t.Errorf("--force: exit %d %q", code, te.err.String())
	}
	// To standard output.
	if code := te.run("export", "customers", "--out", "-"); code != ExitOK || !strings.Contains(te.out.String(), "Žluťoučký kůň s.r.o.;27082440;") {
		t.Errorf("stdout: exit %d %q", code, te.out.String())
	}
	if code := te.run("export", "customers", "--out", filepath.Join(dir, "x.csv"), "--user", "mzdy"); code != ExitFailure || !strings.Contains(te.err.String(), "customers.read") {
		t.Errorf("payroll clerk: exit %d %q", code, te.err.String())
	}
	if code := te.run("export", "customers"); code != ExitUsage || !strings.Contains(te.err.String(), "--out FILE.csv is required") {
		t.Errorf("no --out: exit %d %q", code, te.err.String())
	}
}

// TestCountPlural: the CLI's summaries say "1 problem", "2 problems" (it
// used to print "1 problem(s)" and "Exporting 1 invoices").
func TestCountPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 invoices"}, {1, "1 invoice"}, {2, "2 invoices"}, {1234, "1,234 invoices"}} {
		if got := count(tt.n, "invoice", "invoices"); got != tt.want {
			t.Errorf("count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if one, many := kindNouns(app.KindCreditNote, false); count(1, one, many) != "1 credit note" {
		t.Errorf("kindNouns: %q %q", one, many)
	}
}
