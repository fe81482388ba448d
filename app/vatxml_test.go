package app

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// epoFile is an EPO file read back with encoding/xml alone: the form's
// element and its records with their attributes, by element name.
type epoFile struct {
	nazevSW, form, verzePis string
	records                 map[string][]map[string]string
}

func readEPO(t *testing.T, data []byte) epoFile {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Fatalf("no XML declaration: %.60s", data)
	}
	f := epoFile{records: map[string][]map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the XML does not parse: %v\n%s", err, data)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range e.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch depth {
			case 0:
				if e.Name.Local != "Pisemnost" {
					t.Fatalf("root %s", e.Name.Local)
				}
				f.nazevSW = attrs["nazevSW"]
			case 1:
				f.form, f.verzePis = e.Name.Local, attrs["verzePis"]
			case 2:
				f.records[e.Name.Local] = append(f.records[e.Name.Local], attrs)
			default:
				t.Fatalf("a record inside a record: %s", e.Name.Local)
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return f
}

// one returns the only record called name.
func (f epoFile) one(t *testing.T, name string) map[string]string {
	t.Helper()
	if len(f.records[name]) != 1 {
		t.Fatalf("%s: %d records %v", name, len(f.records[name]), f.records)
	}
	return f.records[name][0]
}

// wantAttrs compares a record's attributes; a missing one reads "".
func wantAttrs(t *testing.T, name string, got map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s %s = %q, want %q", name, k, got[k], v)
		}
	}
}

func fixtureFiling() VATFiling {
	return VATFiling{
		Company: Company{Name: "Pražírna Žlutý kůň s.r.o.", Street: "Vinohradská 1597/174", City: "Praha 3", Postcode: "130 00", Country: "CZ",
			ICO: "27082440", DIC: "CZ27082440", VATPayer: true, Email: "ucetni@example.cz", Phone: "+420 601 123 456",
			TaxOffice: "451", TaxOfficeBranch: "2003"},
		Period: VATPeriod{Year: 2026, Month: 11}, Filed: D(2026, 12, 18), Software: "Kontor", Version: "1.0",
	}
}

func TestVATReturnXML(t *testing.T) {
	r := BuildVATReturn(fixturePostings(), nov(1), nov(30), "343", DefaultVATRates())
	var buf bytes.Buffer
	if err := WriteVATReturnXML(&buf, r, fixtureFiling()); err != nil {
		t.Fatal(err)
	}
	f := readEPO(t, buf.Bytes())
	if f.nazevSW != "Kontor" || f.form != "DPHDP3" || f.verzePis != DPHDP3Version {
		t.Errorf("envelope %q %q %q", f.nazevSW, f.form, f.verzePis)
	}
	wantAttrs(t, "VetaD", f.one(t, "VetaD"), map[string]string{"k_uladis": "DPH", "dokument": "DP3", "rok": "2026", "mesic": "11", "ctvrt": "",
		"dapdph_forma": "B", "typ_platce": "P", "trans": "A", "d_poddp": "18.12.2026"})
	wantAttrs(t, "VetaP", f.one(t, "VetaP"), map[string]string{"c_ufo": "451", "c_pracufo": "2003", "dic": "27082440", "typ_ds": "P",
		"zkrobchjm": "Pražírna Žlutý kůň s.r.o.", "ulice": "Vinohradská", "c_pop": "1597", "c_orient": "174", "naz_obce": "Praha 3",
		"psc": "13000", "email": "ucetni@example.cz", "c_telef": "+420601123456"})
	wantAttrs(t, "Veta1", f.one(t, "Veta1"), map[string]string{"obrat23": "145000", "dan23": "30450", "obrat5": "2004", "dan5": "241",
		"p_zb23": "40000", "dan_pzb23": "8400", "p_sl23_e": "5000", "dan_psl23_e": "1050", "rez_pren23": "50000", "dan_rpren23": "10500",
		"p_zb5": "", "dov_zb23": ""})
	wantAttrs(t, "Veta2", f.one(t, "Veta2"), map[string]string{"dod_zb": "81001", "pln_sluzby": "12000", "pln_vyvoz": "30000", "pln_rez_pren": "200000", "pln_ost": "7000"})
	wantAttrs(t, "Veta4", f.one(t, "Veta4"), map[string]string{"pln23": "30000", "odp_tuz23_nar": "6300", "pln5": "1000", "odp_tuz5_nar": "120",
		"dov_cu": "20000", "odp_cu_nar": "4200", "nar_zdp23": "95000", "od_zdp23": "19950", "odp_sum_nar": "30570"})
	wantAttrs(t, "Veta5", f.one(t, "Veta5"), map[string]string{"plnosv_kf": "3000"})
	wantAttrs(t, "Veta6", f.one(t, "Veta6"), map[string]string{"dan_zocelk": "50641", "odp_zocelk": "30570", "dano_da": "20071", "dano_no": ""})

	// A quarter, an excess deduction, a natural person filing.
	fl := fixtureFiling()
	fl.Period = VATPeriod{Year: 2026, Quarter: 4}
	fl.Company.DIC, fl.Company.Name, fl.Company.Street = "CZ7103192745", "Jan Novák", "Dlouhá 5a"
	only := BuildVATReturn(fixturePostings()[len(fixturePostings())-4:], nov(1), nov(30), "343", nil)
	buf.Reset()
	if err := WriteVATReturnXML(&buf, only, fl); err != nil {
		t.Fatal(err)
	}
	f = readEPO(t, buf.Bytes())
	wantAttrs(t, "VetaD", f.one(t, "VetaD"), map[string]string{"ctvrt": "4", "mesic": ""})
	wantAttrs(t, "VetaP", f.one(t, "VetaP"), map[string]string{"dic": "7103192745", "typ_ds": "F", "jmeno": "Jan", "prijmeni": "Novák", "zkrobchjm": "",
		"ulice": "Dlouhá", "c_pop": "", "c_orient": "5a"})
	wantAttrs(t, "Veta6", f.one(t, "Veta6"), map[string]string{"dan_zocelk": "0", "odp_zocelk": "4200", "dano_no": "4200", "dano_da": ""})
	if len(f.records["Veta1"]) != 0 || len(f.records["Veta2"]) != 0 {
		t.Errorf("empty sections written: %v", f.records)
	}
}

func TestVATControlXML(t *testing.T) {
	c := BuildVATControl(fixturePostings(), nov(1), nov(30), "343", DefaultVATRates())
	var buf bytes.Buffer
	if err := WriteVATControlXML(&buf, c, fixtureFiling()); err != nil {
		t.Fatal(err)
	}
	f := readEPO(t, buf.Bytes())
	if f.form != "DPHKH1" || f.verzePis != DPHKH1Version {
		t.Errorf("envelope %q %q", f.form, f.verzePis)
	}
	wantAttrs(t, "VetaD", f.one(t, "VetaD"), map[string]string{"k_uladis": "DPH", "dokument": "KH1", "rok": "2026", "mesic": "11", "khdph_forma": "B", "d_poddp": "18.12.2026"})
	wantAttrs(t, "VetaA1", f.one(t, "VetaA1"), map[string]string{"c_radku": "1", "dic_odb": "45274649", "c_evid_dd": "FV2026-0007", "duzp": "15.11.2026",
		"zakl_dane1": "200000.00", "kod_pred_pl": "4"})
	a2 := f.records["VetaA2"]
	if len(a2) != 2 {
		t.Fatalf("A.2 %v", a2)
	}
	wantAttrs(t, "VetaA2", a2[0], map[string]string{"c_radku": "1", "k_stat": "DE", "vatid_dod": "123456789", "c_evid_dd": "RE-5512", "dppd": "09.11.2026",
		"zakl_dane1": "40000.00", "dan1": "8400.00"})
	wantAttrs(t, "VetaA2", a2[1], map[string]string{"c_radku": "2", "k_stat": "IE", "vatid_dod": "9692928F"})
	a4 := f.records["VetaA4"]
	if len(a4) != 2 {
		t.Fatalf("A.4 %v", a4)
	}
	wantAttrs(t, "VetaA4", a4[0], map[string]string{"dic_odb": "45274649", "c_evid_dd": "FV2026-0001", "dppd": "02.11.2026", "zakl_dane1": "100000.00",
		"dan1": "21000.00", "zakl_dane2": "", "kod_rezim_pl": "0", "zdph_44": "N"})
	wantAttrs(t, "VetaA4", a4[1], map[string]string{"c_radku": "2", "c_evid_dd": "OD2026-0001", "zakl_dane1": "-20000.00", "dan1": "-4200.00"})
	wantAttrs(t, "VetaA5", f.one(t, "VetaA5"), map[string]string{"zakl_dane1": "65000.28", "dan1": "13650.05", "zakl_dane2": "2004.17", "dan2": "240.50"})
	wantAttrs(t, "VetaB1", f.one(t, "VetaB1"), map[string]string{"dic_dod": "27082440", "c_evid_dd": "ZF-12", "duzp": "16.11.2026", "zakl_dane1": "50000.00", "dan1": "10500.00", "kod_pred_pl": ""})
	if !strings.Contains(buf.String(), `kod_pred_pl=""`) {
		t.Error("B.1 without its code has no kod_pred_pl to complete")
	}
	wantAttrs(t, "VetaB2", f.one(t, "VetaB2"), map[string]string{"dic_dod": "00006947", "c_evid_dd": "2026/1187", "dppd": "07.11.2026", "zakl_dane1": "30000.00",
		"dan1": "6300.00", "pomer": "N", "zdph_44": "N"})
	wantAttrs(t, "VetaB3", f.one(t, "VetaB3"), map[string]string{"zakl_dane2": "1000.00", "dan2": "120.00", "zakl_dane1": ""})
	wantAttrs(t, "VetaC", f.one(t, "VetaC"), map[string]string{"obrat23": "145000.28", "obrat5": "2004.17", "pln23": "30000.00", "pln5": "1000.00",
		"pln_rez_pren": "200000.00", "rez_pren23": "50000.00", "celk_zd_a2": "45000.00"})
	// The amounts read back through the writer's own type too.
	var back struct {
		KH1 epoKH1 `xml:"DPHKH1"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &back); err != nil || back.KH1.A5.Dan2 != 240_50 || back.KH1.A4[1].ZaklDane1 != -20000_00 {
		t.Errorf("read back %v %+v", err, back.KH1.A5)
	}
}

func TestEUSalesXML(t *testing.T) {
	s := BuildEUSales(fixturePostings(), nov(1), nov(30), "343")
	var buf bytes.Buffer
	if err := WriteEUSalesXML(&buf, s, fixtureFiling()); err != nil {
		t.Fatal(err)
	}
	f := readEPO(t, buf.Bytes())
	if f.form != "DPHSHV" || f.verzePis != DPHSHVVersion {
		t.Errorf("envelope %q %q", f.form, f.verzePis)
	}
	wantAttrs(t, "VetaD", f.one(t, "VetaD"), map[string]string{"k_uladis": "DPH", "dokument": "SHV", "rok": "2026", "mesic": "11", "shvies_forma": "R"})
	wantAttrs(t, "VetaP", f.one(t, "VetaP"), map[string]string{"dic": "27082440", "c_ufo": "451", "email": "", "c_telef": ""})
	r := f.records["VetaR"]
	if len(r) != 2 {
		t.Fatalf("VetaR %v", r)
	}
	wantAttrs(t, "VetaR", r[0], map[string]string{"por_c_stran": "1", "c_rad": "1", "k_stat": "AT", "c_vat": "U12345678", "k_pln_eu": "3", "pln_pocet": "1", "pln_hodnota": "12000"})
	wantAttrs(t, "VetaR", r[1], map[string]string{"c_rad": "2", "k_stat": "SK", "c_vat": "2020202020", "k_pln_eu": "0", "pln_pocet": "2", "pln_hodnota": "81001"})
}

// TestVATFilingRefusals: no file for a company that cannot file one.
func TestVATFilingRefusals(t *testing.T) {
	for _, tc := range []struct {
		change func(*VATFiling)
		field  string
	}{
		{func(f *VATFiling) { f.Company.VATPayer = false }, "company.vat_payer"},
		{func(f *VATFiling) { f.Company.DIC = "" }, "company.dic"},
		{func(f *VATFiling) { f.Company.DIC = "SK2020202020" }, "company.dic"},
		{func(f *VATFiling) { f.Company.TaxOffice = " " }, "company.tax_office"},
		{func(f *VATFiling) { f.Period = VATPeriod{} }, "period"},
	} {
		f := fixtureFiling()
		tc.change(&f)
		for i, write := range []func(io.Writer) error{
			func(w io.Writer) error { return WriteVATReturnXML(w, VATReturn{}, f) },
			func(w io.Writer) error { return WriteVATControlXML(w, VATControl{}, f) },
			func(w io.Writer) error { return WriteEUSalesXML(w, EUSales{}, f) },
		} {
			var buf bytes.Buffer
			err := write(&buf)
			var e *Error
			if err == nil || !errors.As(err, &e) || e.Field != tc.field || buf.Len() != 0 {
				t.Errorf("%s, file %d: %v, wrote %d bytes", tc.field, i, err, buf.Len())
			}
		}
	}
	// The tax office codes are validated with the company.
	c := fixtureFiling().Company
	c.Chart, c.BaseCurrency, c.Branch = ChartCzech, "CZK", "HQ"
	c.VATRates, c.Series = DefaultVATRates(), DefaultSeries()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct{ office, branch, field string }{{"4511", "", "company.tax_office"}, {"45a", "", "company.tax_office"}, {"451", "200", "company.tax_office_branch"}} {
		c.TaxOffice, c.TaxOfficeBranch = bad.office, bad.branch
		var e *Error
		if err := c.Validate(); !errors.As(err, &e) || e.Field != bad.field {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}
