package app

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The three files the tax portal (EPO, adisspr.mfcr.cz) takes: the VAT
// return DPHDP3, the control statement DPHKH1 and the EU sales list DPHSHV,
// each a <Pisemnost> around one form of věty (records) whose attributes are
// the form's fields.
//
// Element and attribute names follow the portal's structure descriptions
// (dphdp3_epo2.xsd, dphkh1_epo2.xsd, dphshv_epo2.xsd on adisspr.mfcr.cz),
// checked against Microsoft's Czech localisation of Business Central
// (microsoft/ALAppExtensions, Apps/CZ/CoreLocalizationPack: the XmlPorts
// VATStatementDPHDP3CZL, VATControlReportDPHKH1 and VIESDeclarationCZL and
// the row-to-attribute table of codeunit "VAT Statement DPHDP3 CZL"):
//
//	DPHDP3  VetaD k_uladis=DPH dokument=DP3 rok mesic|ctvrt dapdph_forma=B
//	        typ_platce=P trans d_poddp; VetaP; Veta1 obrat23/dan23 (ř. 1) …
//	        Veta2 dod_zb (20) pln_sluzby (21) pln_vyvoz (22) pln_rez_pren
//	        (25) pln_ost (26); Veta4 pln23/odp_tuz23_nar (40) … odp_sum_nar
//	        (46); Veta5 plnosv_kf (50); Veta6 dan_zocelk (62) odp_zocelk
//	        (63) dano_da (64) dano_no (65) — whole koruny
//	DPHKH1  VetaD dokument=KH1 khdph_forma=B; VetaA1 dic_odb c_evid_dd duzp
//	        zakl_dane1 kod_pred_pl; VetaA2 k_stat vatid_dod c_evid_dd dppd;
//	        VetaA4 dic_odb c_evid_dd dppd kod_rezim_pl zdph_44; VetaA5;
//	        VetaB1 dic_dod … duzp kod_pred_pl; VetaB2 dic_dod … pomer zdph_44;
//	        VetaB3; VetaC control sums; zakl_daneN/danN by rate (1 = 21 %,
//	        2 = 12 %) — haléře, two decimals
//	DPHSHV  VetaD dokument=SHV shvies_forma=R; VetaR por_c_stran c_rad
//	        k_stat c_vat k_pln_eu pln_pocet pln_hodnota — whole koruny
//
// DIČs are written without "CZ" (dic, dic_odb, dic_dod), foreign VAT IDs
// split into the state (k_stat) and the number (vatid_dod, c_vat); dates as
// DD.MM.YYYY.

// Versions of the EPO structures written (verzePis), those published for
// 2026.
const (
	DPHDP3Version = "03.01.03"
	DPHKH1Version = "03.01.14"
	DPHSHVVersion = "02.01.04"
)

// VATFiling is who files and when: the company (its DIČ, name, address and
// tax office), the period, the day of filing (d_poddp) and the software
// named in the file.
type VATFiling struct {
	Company  Company
	Period   VATPeriod
	Filed    Date
	Software string // nazevSW, "Kontor"
	Version  string // verzeSW
}

// Check refuses a filing the portal would: a company that is no VAT payer,
// without a Czech DIČ or without its tax office.
func (f VATFiling) Check() error {
	c := f.Company
	if !c.VATPayer {
		return Invalid("company.vat_payer", "err.vat.not_payer", "the company is not a VAT payer, so it files no VAT return, control statement or EU sales list (in Settings, tab Company)", nil)
	}
	if czechDIC(c.DIC) == "" {
		return Invalid("company.dic", "err.vat.no_czech_dic", "the VAT filings need the company's Czech DIČ (CZ and 8 to 10 digits, in Settings, tab Company)", nil)
	}
	if strings.TrimSpace(c.TaxOffice) == "" {
		return Invalid("company.tax_office", "err.vat.no_tax_office", "the VAT filings need the code of the company's tax office, e.g. 461 (in Settings, tab Bank and VAT)", nil)
	}
	if f.Period.Year == 0 {
		return Invalid("period", "err.required", "is required", nil)
	}
	return nil
}

// epoPisemnost is the envelope of one form.
type epoPisemnost struct {
	XMLName xml.Name `xml:"Pisemnost"`
	NazevSW string   `xml:"nazevSW,attr"`
	VerzeSW string   `xml:"verzeSW,attr,omitempty"`
	DP3     *epoDP3  `xml:"DPHDP3,omitempty"`
	KH1     *epoKH1  `xml:"DPHKH1,omitempty"`
	SHV     *epoSHV  `xml:"DPHSHV,omitempty"`
}

// epoVetaD is the header record; each form uses its own attributes.
type epoVetaD struct {
	KUladis     string `xml:"k_uladis,attr"`
	Dokument    string `xml:"dokument,attr"`
	Rok         int    `xml:"rok,attr"`
	Mesic       int    `xml:"mesic,attr,omitempty"`
	Ctvrt       int    `xml:"ctvrt,attr,omitempty"`
	DapdphForma string `xml:"dapdph_forma,attr,omitempty"` // DP3: B řádné
	TypPlatce   string `xml:"typ_platce,attr,omitempty"`   // DP3: P plátce
	Trans       string `xml:"trans,attr,omitempty"`        // DP3: A there were supplies, N none
	KhdphForma  string `xml:"khdph_forma,attr,omitempty"`  // KH1: B řádné
	ShviesForma string `xml:"shvies_forma,attr,omitempty"` // SHV: R řádné
	DPoddp      string `xml:"d_poddp,attr"`
}

// epoVetaP identifies the filer.
type epoVetaP struct {
	CUfo      string `xml:"c_ufo,attr"`
	CPracufo  string `xml:"c_pracufo,attr,omitempty"`
	Dic       string `xml:"dic,attr"`
	TypDs     string `xml:"typ_ds,attr"` // P legal person, F natural person
	Zkrobchjm string `xml:"zkrobchjm,attr,omitempty"`
	Jmeno     string `xml:"jmeno,attr,omitempty"`
	Prijmeni  string `xml:"prijmeni,attr,omitempty"`
	Ulice     string `xml:"ulice,attr,omitempty"`
	CPop      string `xml:"c_pop,attr,omitempty"`
	COrient   string `xml:"c_orient,attr,omitempty"`
	NazObce   string `xml:"naz_obce,attr,omitempty"`
	Psc       string `xml:"psc,attr,omitempty"`
	Stat      string `xml:"stat,attr,omitempty"`
	Email     string `xml:"email,attr,omitempty"`
	CTelef    string `xml:"c_telef,attr,omitempty"`
}

func (f VATFiling) vetaD(dokument string) epoVetaD {
	d := epoVetaD{KUladis: "DPH", Dokument: dokument, Rok: f.Period.Year, DPoddp: epoDate(f.Filed)}
	if f.Period.IsQuarter() {
		d.Ctvrt = f.Period.Quarter
	} else {
		d.Mesic = int(f.Period.Month)
	}
	return d
}

// vetaP: a DIČ of 8 digits is a company's (its IČO), longer ones a
// person's (a birth number), whose name is split into first and last.
func (f VATFiling) vetaP(contacts bool) epoVetaP {
	c := f.Company
	dic := czechDIC(c.DIC)
	p := epoVetaP{CUfo: strings.TrimSpace(c.TaxOffice), CPracufo: strings.TrimSpace(c.TaxOfficeBranch), Dic: dic, TypDs: "P"}
	name := strings.TrimSpace(c.Name)
	if len(dic) == 8 {
		p.Zkrobchjm = cutRunes(name, 255)
	} else {
		p.TypDs = "F"
		first, last, _ := strings.Cut(name, " ")
		p.Jmeno, p.Prijmeni = cutRunes(first, 20), cutRunes(strings.TrimSpace(last), 36)
	}
	street, pop, orient := splitStreet(c.Street)
	p.Ulice, p.CPop, p.COrient = cutRunes(street, 38), cutRunes(pop, 6), cutRunes(orient, 4)
	p.NazObce = cutRunes(strings.TrimSpace(c.City), 48)
	p.Psc = cutRunes(strings.ReplaceAll(c.Postcode, " ", ""), 10)
	if c.Country == "" || c.Country == "CZ" {
		p.Stat = "ČESKÁ REPUBLIKA"
	}
	if contacts {
		p.Email = cutRunes(strings.TrimSpace(c.Email), 255)
		p.CTelef = cutRunes(strings.ReplaceAll(c.Phone, " ", ""), 14)
	}
	return p
}

// splitStreet splits "Vinohradská 1597/174" into the street, the house
// number (číslo popisné) and the orientation number (číslo orientační).
func splitStreet(s string) (street, pop, orient string) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s, "", ""
	}
	num := s[i+1:]
	if num == "" || num[0] < '0' || num[0] > '9' {
		return s, "", ""
	}
	a, b, hasSlash := strings.Cut(num, "/")
	switch {
	case hasSlash && allDigits(a):
		return strings.TrimSpace(s[:i]), a, b
	case allDigits(num):
		return strings.TrimSpace(s[:i]), num, ""
	case !hasSlash && len(num) <= 4:
		return strings.TrimSpace(s[:i]), "", num // "5a": an orientation number
	}
	return s, "", ""
}

func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func epoDate(d Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day(), int(d.Month()), d.Year())
}

// writeEPO writes the envelope with the XML declaration.
func writeEPO(w io.Writer, f VATFiling, p epoPisemnost) error {
	p.NazevSW, p.VerzeSW = f.Software, f.Version
	if p.NazevSW == "" {
		p.NazevSW = "Kontor"
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return Internal("writing the XML", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(p); err != nil {
		return Internal("writing the XML", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return Internal("writing the XML", err)
	}
	return nil
}
