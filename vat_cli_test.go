package main

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data"
)

// vatBooks makes a real database: a VAT payer and November 2026 posted
// through the ledger with the VAT tags the posting code gives its lines —
// sales over and under 10 000 Kč, a purchase, goods acquired from Germany
// with the tax self-assessed, goods sold to Slovakia, a §92a supply, and
// October's VAT paid to the tax office. It returns the file's path.
func vatBooks(t *testing.T, change func(*app.Company)) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "firma.db")
	st, err := data.Open(db, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bg := context.Background()
	admin, err := st.CreateFirstAdmin(bg, app.NewUser{Name: demo.Admin, FullName: "Správce", Password: demo.Password})
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(bg, admin)
	if _, err := st.CreateUser(ctx, app.NewUser{Name: "prodej", FullName: "Prodejce", Roles: []app.Role{app.RoleSales}, Password: demo.Password}); err != nil {
		t.Fatal(err)
	}
	c := app.Company{Name: "Pražírna Žlutý kůň s.r.o.", Street: "Vinohradská 1597/174", City: "Praha 3", Postcode: "130 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, Chart: app.ChartCzech, Branch: "HQ", TaxOffice: "451", TaxOfficeBranch: "2003"}
	if change != nil {
		change(&c)
	}
	if _, err := st.CreateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	tag := func(side app.VATSide, regime app.VATRegime, kind string, rate, base int64, doc, partner string, total int64) *app.VATTag {
		return &app.VATTag{Side: side, Regime: regime, Kind: kind, Rate: app.RatePercent(rate), Base: base, Doc: doc, Partner: partner, DocTotal: total}
	}
	rcTag := func(t *app.VATTag, code string) *app.VATTag { t.RCCode = code; return t }
	nov := func(d int) app.Date { return app.D(2026, time.November, d) }
	out, in, std, red := app.VATOut, app.VATIn, app.VATStandard, app.VATReduced
	for _, e := range []app.Entry{
		{Date: nov(2), Memo: "FV2026-0001", Lines: []app.Line{{Account: "311", Debit: 121000_00}, {Account: "604", Credit: 100000_00},
			{Account: "343", Credit: 21000_00, VAT: tag(out, app.RegimeDomestic, std, 21, 100000_00, "FV2026-0001", "CZ45274649", 121000_00)}}},
		{Date: nov(3), Memo: "FV2026-0002", Lines: []app.Line{{Account: "311", Debit: 8294_67}, {Account: "604", Credit: 7004_17},
			{Account: "343", Credit: 1050_00, VAT: tag(out, app.RegimeDomestic, std, 21, 5000_00, "FV2026-0002", "CZ25596641", 8294_67)},
			{Account: "343", Credit: 240_50, VAT: tag(out, app.RegimeDomestic, red, 12, 2004_17, "FV2026-0002", "CZ25596641", 8294_67)}}},
		{Date: nov(7), Memo: "Přijatá faktura 2026/1187", Lines: []app.Line{{Account: "501", Debit: 30000_00},
			{Account: "343", Debit: 6300_00, VAT: tag(in, app.RegimeDomestic, "", 21, 30000_00, "2026/1187", "CZ00006947", 36300_00)}, {Account: "321", Credit: 36300_00}}},
		{Date: nov(9), Memo: "RE-5512", Lines: []app.Line{{Account: "132", Debit: 40000_00}, {Account: "321", Credit: 40000_00},
			{Account: "343", Credit: 8400_00, VAT: tag(out, app.RegimeEUGoods, std, 21, 40000_00, "RE-5512", "DE123456789", 40000_00)},
			{Account: "343", Debit: 8400_00, VAT: tag(in, app.RegimeEUGoods, std, 21, 40000_00, "RE-5512", "DE123456789", 40000_00)}}},
		{Date: nov(11), Memo: "FV2026-0004", Lines: []app.Line{{Account: "311", Debit: 80000_50},
			{Account: "604", Credit: 80000_50, VAT: tag(out, app.RegimeEUGoods, "", 0, 80000_50, "FV2026-0004", "SK2020202020", 80000_50)}}},
		{Date: nov(15), Memo: "FV2026-0007", Lines: []app.Line{{Account: "311", Debit: 200000_00},
			{Account: "602", Credit: 200000_00, VAT: rcTag(tag(out, app.RegimeReverseCZ, std, 21, 200000_00, "FV2026-0007", "CZ45274649", 200000_00), "4")}}},
		{Date: nov(20), Memo: "DPH za říjen", Lines: []app.Line{{Account: "343", Debit: 50000_00, VAT: &app.VATTag{Regime: app.RegimeSettlement}}, {Account: "221", Credit: 50000_00}}},
	} {
		if _, err := st.PostEntry(ctx, e); err != nil {
			t.Fatalf("%s: %v", e.Memo, err)
		}
	}
	return db
}

// epoAttrs reads an EPO file back with encoding/xml: each record's
// attributes by record name.
func epoAttrs(t *testing.T, path, form string) map[string][]map[string]string {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name
		NazevSW string `xml:"nazevSW,attr"`
		Form    struct {
			XMLName xml.Name
			Records []struct {
				XMLName xml.Name
				Attrs   []xml.Attr `xml:",any,attr"`
			} `xml:",any"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, body)
	}
	if doc.XMLName.Local != "Pisemnost" || doc.NazevSW != "Kontor" || doc.Form.XMLName.Local != form {
		t.Fatalf("%s: %s/%s by %q", path, doc.XMLName.Local, doc.Form.XMLName.Local, doc.NazevSW)
	}
	out := map[string][]map[string]string{}
	for _, r := range doc.Form.Records {
		m := map[string]string{}
		for _, a := range r.Attrs {
			m[a.Name.Local] = a.Value
		}
		out[r.XMLName.Local] = append(out[r.XMLName.Local], m)
	}
	return out
}

// TestExportVATFilings: the three files from a real database, read back,
// agree with the VAT report and with account 343.
func TestExportVATFilings(t *testing.T) {
	db := vatBooks(t, nil)
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLI(t, append(args, "--db", db)...)
		if code != 0 {
			t.Fatalf("%v: %d\n%s\n%s", args, code, out, errs)
		}
		return out + errs
	}
	dp3 := filepath.Join(dir, "dphdp3.xml")
	if out := run("export", "vat-return", "--period", "2026-11", "--out", dp3); !strings.Contains(out, "tax due (ř. 64) 15,991 CZK") {
		t.Errorf("vat-return said %q", out)
	}
	r := epoAttrs(t, dp3, "DPHDP3")
	for name, want := range map[string]map[string]string{
		"VetaD": {"dokument": "DP3", "rok": "2026", "mesic": "11", "typ_platce": "P"},
		"VetaP": {"c_ufo": "451", "c_pracufo": "2003", "dic": "27082440", "typ_ds": "P", "ulice": "Vinohradská", "c_pop": "1597", "c_orient": "174"},
		"Veta1": {"obrat23": "105000", "dan23": "22050", "obrat5": "2004", "dan5": "241", "p_zb23": "40000", "dan_pzb23": "8400"},
		"Veta2": {"dod_zb": "80001", "pln_rez_pren": "200000"},
		"Veta4": {"pln23": "30000", "odp_tuz23_nar": "6300", "nar_zdp23": "40000", "od_zdp23": "8400", "odp_sum_nar": "14700"},
		"Veta6": {"dan_zocelk": "30691", "odp_zocelk": "14700", "dano_da": "15991"},
	} {
		if len(r[name]) != 1 {
			t.Fatalf("%s: %v", name, r[name])
		}
		for k, v := range want {
			if got := r[name][0][k]; got != v {
				t.Errorf("%s %s = %q, want %q", name, k, got, v)
			}
		}
	}

	kh1 := filepath.Join(dir, "dphkh1.xml")
	if out := run("export", "vat-control", "--period", "2026-11", "--out", kh1); !strings.Contains(out, "A.4 1 document") || strings.Contains(out, "warning") {
		t.Errorf("vat-control said %q", out)
	}
	k := epoAttrs(t, kh1, "DPHKH1")
	if len(k["VetaA4"]) != 1 || k["VetaA4"][0]["c_evid_dd"] != "FV2026-0001" || k["VetaA4"][0]["dic_odb"] != "45274649" || k["VetaA4"][0]["zakl_dane1"] != "100000.00" {
		t.Errorf("A.4 %v", k["VetaA4"])
	}
	if len(k["VetaA5"]) != 1 || k["VetaA5"][0]["zakl_dane1"] != "5000.00" || k["VetaA5"][0]["dan2"] != "240.50" {
		t.Errorf("A.5 %v", k["VetaA5"])
	}
	if len(k["VetaA1"]) != 1 || k["VetaA1"][0]["kod_pred_pl"] != "4" || len(k["VetaA2"]) != 1 || k["VetaA2"][0]["k_stat"] != "DE" || len(k["VetaB2"]) != 1 || k["VetaB2"][0]["dic_dod"] != "00006947" {
		t.Errorf("A.1 %v A.2 %v B.2 %v", k["VetaA1"], k["VetaA2"], k["VetaB2"])
	}
	if c := k["VetaC"][0]; c["obrat23"] != "105000.00" || c["pln23"] != "30000.00" || c["pln_rez_pren"] != "200000.00" || c["celk_zd_a2"] != "40000.00" {
		t.Errorf("C %v", c)
	}

	shv := filepath.Join(dir, "dphshv")
	run("export", "eu-sales", "--period", "11/2026", "--out", shv) // .xml added
	s := epoAttrs(t, shv+".xml", "DPHSHV")
	if len(s["VetaR"]) != 1 || s["VetaR"][0]["k_stat"] != "SK" || s["VetaR"][0]["c_vat"] != "2020202020" || s["VetaR"][0]["k_pln_eu"] != "0" || s["VetaR"][0]["pln_hodnota"] != "80001" {
		t.Errorf("VetaR %v", s["VetaR"])
	}

	// The report of the same month as CSV, and its reconciliation with 343.
	csvPath := filepath.Join(dir, "dph.csv")
	run("export", "vat-return", "--period", "2026-11", "--out", csvPath, "--lang", "en")
	recs := readCSV(t, csvPath)
	if got := cell(t, recs, 0, "64", 3); got != "15990,50" {
		t.Errorf("ř. 64 in haléře %q", got)
	}
	if got := strings.ReplaceAll(cell(t, recs, 0, "64", 5), ",", ""); got != r["Veta6"][0]["dano_da"] {
		t.Errorf("ř. 64 in the report %q, in the file %q", got, r["Veta6"][0]["dano_da"])
	}
	if got := cell(t, recs, 1, "Difference", 3); got != "0,00" {
		t.Errorf("difference from 343: %q", got)
	}
	st, err := data.Open(db, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	admin, err := st.Services().Users.Authenticate(context.Background(), demo.Admin, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	bals, err := st.BalancesBetween(app.WithUser(context.Background(), admin), app.D(2026, 11, 1), app.D(2026, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		// 343 moved by the tax due and the payment of October's VAT.
		if b.Account.Code == "343" && b.Credit-b.Debit != 15990_50-50000_00 {
			t.Errorf("343 moved %d", b.Credit-b.Debit)
		}
	}
	st.Close()
	// The control statement and the EU sales list as reports, in Czech.
	pdfless := filepath.Join(dir, "kh.csv")
	run("export", "vat-control", "--period", "2026-11", "--out", pdfless)
	if body, _ := os.ReadFile(pdfless); !strings.Contains(string(body), "A.4 Uskutečněná zdanitelná plnění") || !strings.Contains(string(body), "FV2026-0001") {
		t.Errorf("KH report %s", body)
	}
	// A PDF through the renderer main wires.
	pdf := filepath.Join(dir, "sh.pdf")
	run("export", "eu-sales", "--period", "2026-11", "--out", pdf)
	if text := pdfText(t, pdf); !strings.Contains(text, "Souhrnné hlášení") || !strings.Contains(text, "2020202020") {
		t.Errorf("SH PDF %q", text)
	}
}

// TestExportVATRefusals: wrong usage exits 2, what the data forbids 1,
// and no file is left behind.
func TestExportVATRefusals(t *testing.T) {
	db := vatBooks(t, nil)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.xml")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "vat-return", "--out", out}, 2, "--period is required"},
		{[]string{"export", "vat-return", "--period", "2026-13", "--out", out}, 2, "is not a VAT period"},
		{[]string{"export", "vat-return", "--period", "listopad", "--out", out}, 2, "write 2026-11"},
		{[]string{"export", "vat-return", "--period", "2026-11"}, 2, "--out FILE.xml"},
		{[]string{"export", "vat-return", "--period", "2026-11", "--out", filepath.Join(dir, "x.txt")}, 2, "must end in .xml, .pdf or .csv"},
		{[]string{"export", "eu-sales", "--period", "2026-11", "--out", out, "--lang", "de"}, 2, "choose cs or en"},
		{[]string{"export", "vat-control", "--period", "2099-01", "--out", out}, 2, "has not begun yet"},
		{[]string{"export", "vat-return", "--period", app.VATPeriodOf(app.DateOf(time.Now()).MonthOf()).String(), "--out", out}, 1, "it can be filed from the next day"},
		{[]string{"export", "vat-control", "--period", "2026-Q3", "--out", out}, 1, "a legal person files the control statement for each month"},
		{[]string{"export", "vat-return", "--period", "2026-11", "--out", out, "--user", "prodej"}, 1, "user prodej may not do this"},
	} {
		code, stdout, stderr := runCLI(t, append(tc.args, "--db", db)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.want, stdout, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v left %s", tc.args, out)
		}
	}
	// A quarter is fine for the return.
	if code, _, errs := runCLI(t, "export", "vat-return", "--period", "2026-Q3", "--out", out, "--db", db); code != 0 {
		t.Errorf("Q3: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "export", "vat-return", "--period", "2026-Q3", "--out", out, "--db", db); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("again without --force: %d %s", code, errs)
	}

	// A company that is not a VAT payer, or has no tax office, files nothing.
	for _, tc := range []struct {
		change func(*app.Company)
		want   string
	}{
		{func(c *app.Company) { c.VATPayer, c.DIC = false, "" }, "not a VAT payer"},
		{func(c *app.Company) { c.TaxOffice = "" }, "code of the company's tax office"},
	} {
		db := vatBooks(t, tc.change)
		out := filepath.Join(t.TempDir(), "x.xml")
		if code, _, errs := runCLI(t, "export", "vat-return", "--period", "2026-11", "--out", out, "--db", db); code != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d %s", tc.want, code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: wrote %s", tc.want, out)
		}
	}
}
