package app

import (
	"encoding/xml"
	"io"
)

// epoDP3 is the VAT return (DPHDP3); amounts in whole koruny, zero left out.
type epoDP3 struct {
	VerzePis string       `xml:"verzePis,attr"`
	VetaD    epoVetaD     `xml:"VetaD"`
	VetaP    epoVetaP     `xml:"VetaP"`
	Veta1    *epoDP3Veta1 `xml:"Veta1,omitempty"`
	Veta2    *epoDP3Veta2 `xml:"Veta2,omitempty"`
	Veta4    *epoDP3Veta4 `xml:"Veta4,omitempty"`
	Veta5    *epoDP3Veta5 `xml:"Veta5,omitempty"`
	Veta6    epoDP3Veta6  `xml:"Veta6"`
}

// epoDP3Veta1 is section I, output tax: ř. 1–13.
type epoDP3Veta1 struct {
	Obrat23    int64 `xml:"obrat23,attr,omitempty"`     // ř. 1 base
	Dan23      int64 `xml:"dan23,attr,omitempty"`       // ř. 1 tax
	Obrat5     int64 `xml:"obrat5,attr,omitempty"`      // ř. 2
	Dan5       int64 `xml:"dan5,attr,omitempty"`        //
	PZb23      int64 `xml:"p_zb23,attr,omitempty"`      // ř. 3
	DanPzb23   int64 `xml:"dan_pzb23,attr,omitempty"`   //
	PZb5       int64 `xml:"p_zb5,attr,omitempty"`       // ř. 4
	DanPzb5    int64 `xml:"dan_pzb5,attr,omitempty"`    //
	PSl23E     int64 `xml:"p_sl23_e,attr,omitempty"`    // ř. 5
	DanPsl23E  int64 `xml:"dan_psl23_e,attr,omitempty"` //
	PSl5E      int64 `xml:"p_sl5_e,attr,omitempty"`     // ř. 6
	DanPsl5E   int64 `xml:"dan_psl5_e,attr,omitempty"`  //
	DovZb23    int64 `xml:"dov_zb23,attr,omitempty"`    // ř. 7
	DanDzb23   int64 `xml:"dan_dzb23,attr,omitempty"`   //
	DovZb5     int64 `xml:"dov_zb5,attr,omitempty"`     // ř. 8
	DanDzb5    int64 `xml:"dan_dzb5,attr,omitempty"`    //
	RezPren23  int64 `xml:"rez_pren23,attr,omitempty"`  // ř. 10
	DanRpren23 int64 `xml:"dan_rpren23,attr,omitempty"` //
	RezPren5   int64 `xml:"rez_pren5,attr,omitempty"`   // ř. 11
	DanRpren5  int64 `xml:"dan_rpren5,attr,omitempty"`  //
	PSl23Z     int64 `xml:"p_sl23_z,attr,omitempty"`    // ř. 12
	DanPsl23Z  int64 `xml:"dan_psl23_z,attr,omitempty"` //
	PSl5Z      int64 `xml:"p_sl5_z,attr,omitempty"`     // ř. 13
	DanPsl5Z   int64 `xml:"dan_psl5_z,attr,omitempty"`  //
}

// epoDP3Veta2 is section II, supplies without tax with the right to deduct.
type epoDP3Veta2 struct {
	DodZb      int64 `xml:"dod_zb,attr,omitempty"`       // ř. 20, §64
	PlnSluzby  int64 `xml:"pln_sluzby,attr,omitempty"`   // ř. 21, §9(1)
	PlnVyvoz   int64 `xml:"pln_vyvoz,attr,omitempty"`    // ř. 22, §66
	PlnRezPren int64 `xml:"pln_rez_pren,attr,omitempty"` // ř. 25, §92a
	PlnOst     int64 `xml:"pln_ost,attr,omitempty"`      // ř. 26
}

// epoDP3Veta4 is section IV, deductions (in full: the *_nar and od_*
// attributes; Kontor does not reduce deductions by a coefficient).
type epoDP3Veta4 struct {
	Pln23       int64 `xml:"pln23,attr,omitempty"`         // ř. 40 base
	OdpTuz23Nar int64 `xml:"odp_tuz23_nar,attr,omitempty"` // ř. 40 in full
	Pln5        int64 `xml:"pln5,attr,omitempty"`          // ř. 41
	OdpTuz5Nar  int64 `xml:"odp_tuz5_nar,attr,omitempty"`  //
	DovCu       int64 `xml:"dov_cu,attr,omitempty"`        // ř. 42
	OdpCuNar    int64 `xml:"odp_cu_nar,attr,omitempty"`    //
	NarZdp23    int64 `xml:"nar_zdp23,attr,omitempty"`     // ř. 43
	OdZdp23     int64 `xml:"od_zdp23,attr,omitempty"`      //
	NarZdp5     int64 `xml:"nar_zdp5,attr,omitempty"`      // ř. 44
	OdZdp5      int64 `xml:"od_zdp5,attr,omitempty"`       //
	OdpSumNar   int64 `xml:"odp_sum_nar,attr,omitempty"`   // ř. 46
}

// epoDP3Veta5 is section V: ř. 50, exempt supplies without the right to deduct.
type epoDP3Veta5 struct {
	PlnosvKf int64 `xml:"plnosv_kf,attr,omitempty"`
}

// epoDP3Veta6 is section VI, the result: ř. 62–65.
type epoDP3Veta6 struct {
	DanZocelk int64  `xml:"dan_zocelk,attr"`
	OdpZocelk int64  `xml:"odp_zocelk,attr"`
	DanoDa    *int64 `xml:"dano_da,attr,omitempty"`
	DanoNo    *int64 `xml:"dano_no,attr,omitempty"`
}

// WriteVATReturnXML writes the return as the portal's DPHDP3 file (řádné
// přiznání of a payer).
func WriteVATReturnXML(w io.Writer, r VATReturn, f VATFiling) error {
	if err := f.Check(); err != nil {
		return err
	}
	d := f.vetaD("DP3")
	d.DapdphForma, d.TypPlatce, d.Trans = "B", "P", "N"
	if r.HasSupplies() {
		d.Trans = "A"
	}
	x := r.Whole
	v1 := epoDP3Veta1{
		Obrat23: x(1).Base, Dan23: x(1).VAT, Obrat5: x(2).Base, Dan5: x(2).VAT,
		PZb23: x(3).Base, DanPzb23: x(3).VAT, PZb5: x(4).Base, DanPzb5: x(4).VAT,
		PSl23E: x(5).Base, DanPsl23E: x(5).VAT, PSl5E: x(6).Base, DanPsl5E: x(6).VAT,
		DovZb23: x(7).Base, DanDzb23: x(7).VAT, DovZb5: x(8).Base, DanDzb5: x(8).VAT,
		RezPren23: x(10).Base, DanRpren23: x(10).VAT, RezPren5: x(11).Base, DanRpren5: x(11).VAT,
		PSl23Z: x(12).Base, DanPsl23Z: x(12).VAT, PSl5Z: x(13).Base, DanPsl5Z: x(13).VAT,
	}
	v2 := epoDP3Veta2{DodZb: x(20).Base, PlnSluzby: x(21).Base, PlnVyvoz: x(22).Base, PlnRezPren: x(25).Base, PlnOst: x(26).Base}
	res := r.Result()
	v4 := epoDP3Veta4{
		Pln23: x(40).Base, OdpTuz23Nar: x(40).VAT, Pln5: x(41).Base, OdpTuz5Nar: x(41).VAT,
		DovCu: x(42).Base, OdpCuNar: x(42).VAT, NarZdp23: x(43).Base, OdZdp23: x(43).VAT,
		NarZdp5: x(44).Base, OdZdp5: x(44).VAT, OdpSumNar: res.R46,
	}
	v5 := epoDP3Veta5{PlnosvKf: x(50).Base}
	dp := &epoDP3{VerzePis: DPHDP3Version, VetaD: d, VetaP: f.vetaP(true),
		Veta6: epoDP3Veta6{DanZocelk: res.R62, OdpZocelk: res.R63}}
	if v1 != (epoDP3Veta1{}) {
		dp.Veta1 = &v1
	}
	if v2 != (epoDP3Veta2{}) {
		dp.Veta2 = &v2
	}
	if v4 != (epoDP3Veta4{}) {
		dp.Veta4 = &v4
	}
	if v5 != (epoDP3Veta5{}) {
		dp.Veta5 = &v5
	}
	if res.R65 > 0 {
		dp.Veta6.DanoNo = &res.R65
	} else {
		dp.Veta6.DanoDa = &res.R64
	}
	return writeEPO(w, f, epoPisemnost{DP3: dp})
}

// khAmount is an amount of the control statement: haléře written as koruny
// with two decimals ("12100.50", "-500.00").
type khAmount int64

// MarshalXMLAttr writes the amount.
func (a khAmount) MarshalXMLAttr(name xml.Name) (xml.Attr, error) {
	return xml.Attr{Name: name, Value: FormatMinor(int64(a), 2, "")}, nil
}

// UnmarshalXMLAttr reads it back.
func (a *khAmount) UnmarshalXMLAttr(attr xml.Attr) error {
	v, err := parseDecimal(attr.Value, 2, English, "")
	*a = khAmount(v)
	return err
}

// epoKHRates are a record's bases and tax by rate (1 = 21 %, 2 = 12 %,
// 3 = the second reduced rate).
type epoKHRates struct {
	ZaklDane1 khAmount `xml:"zakl_dane1,attr,omitempty"`
	Dan1      khAmount `xml:"dan1,attr,omitempty"`
	ZaklDane2 khAmount `xml:"zakl_dane2,attr,omitempty"`
	Dan2      khAmount `xml:"dan2,attr,omitempty"`
	ZaklDane3 khAmount `xml:"zakl_dane3,attr,omitempty"`
	Dan3      khAmount `xml:"dan3,attr,omitempty"`
}

func khRates(a KHAmounts) epoKHRates {
	return epoKHRates{
		ZaklDane1: khAmount(a[0].Base), Dan1: khAmount(a[0].VAT),
		ZaklDane2: khAmount(a[1].Base), Dan2: khAmount(a[1].VAT),
		ZaklDane3: khAmount(a[2].Base), Dan3: khAmount(a[2].VAT),
	}
}

type epoKH1 struct {
	VerzePis string      `xml:"verzePis,attr"`
	VetaD    epoVetaD    `xml:"VetaD"`
	VetaP    epoVetaP    `xml:"VetaP"`
	A1       []epoKHA1   `xml:"VetaA1"`
	A2       []epoKHA2   `xml:"VetaA2"`
	A4       []epoKHA4   `xml:"VetaA4"`
	A5       *epoKHRates `xml:"VetaA5,omitempty"`
	B1       []epoKHB1   `xml:"VetaB1"`
	B2       []epoKHB2   `xml:"VetaB2"`
	B3       *epoKHRates `xml:"VetaB3,omitempty"`
	C        *epoKHC     `xml:"VetaC,omitempty"`
}

type epoKHA1 struct {
	CRadku    int      `xml:"c_radku,attr"`
	DicOdb    string   `xml:"dic_odb,attr"`
	CEvidDd   string   `xml:"c_evid_dd,attr"`
	Duzp      string   `xml:"duzp,attr"`
	ZaklDane1 khAmount `xml:"zakl_dane1,attr"`
	KodPredPl string   `xml:"kod_pred_pl,attr"`
}

type epoKHA2 struct {
	CRadku   int    `xml:"c_radku,attr"`
	KStat    string `xml:"k_stat,attr,omitempty"`
	VatidDod string `xml:"vatid_dod,attr,omitempty"`
	CEvidDd  string `xml:"c_evid_dd,attr,omitempty"`
	Dppd     string `xml:"dppd,attr"`
	epoKHRates
}

type epoKHA4 struct {
	CRadku  int    `xml:"c_radku,attr"`
	DicOdb  string `xml:"dic_odb,attr"`
	CEvidDd string `xml:"c_evid_dd,attr"`
	Dppd    string `xml:"dppd,attr"`
	epoKHRates
	KodRezimPl string `xml:"kod_rezim_pl,attr"` // 0: the ordinary regime
	Zdph44     string `xml:"zdph_44,attr"`      // N: no §46 bad-debt correction
}

type epoKHB1 struct {
	CRadku  int    `xml:"c_radku,attr"`
	DicDod  string `xml:"dic_dod,attr"`
	CEvidDd string `xml:"c_evid_dd,attr"`
	Duzp    string `xml:"duzp,attr"`
	epoKHRates
	KodPredPl string `xml:"kod_pred_pl,attr"`
}

type epoKHB2 struct {
	CRadku  int    `xml:"c_radku,attr"`
	DicDod  string `xml:"dic_dod,attr"`
	CEvidDd string `xml:"c_evid_dd,attr"`
	Dppd    string `xml:"dppd,attr"`
	epoKHRates
	Pomer  string `xml:"pomer,attr"`   // N: the deduction is not reduced in proportion (§75)
	Zdph44 string `xml:"zdph_44,attr"` // N
}

// epoKHC are the control sums (věta C) the office compares with the return.
type epoKHC struct {
	Obrat23    khAmount `xml:"obrat23,attr,omitempty"`
	Obrat5     khAmount `xml:"obrat5,attr,omitempty"`
	Pln23      khAmount `xml:"pln23,attr,omitempty"`
	Pln5       khAmount `xml:"pln5,attr,omitempty"`
	PlnRezPren khAmount `xml:"pln_rez_pren,attr,omitempty"`
	RezPren23  khAmount `xml:"rez_pren23,attr,omitempty"`
	RezPren5   khAmount `xml:"rez_pren5,attr,omitempty"`
	CelkZdA2   khAmount `xml:"celk_zd_a2,attr,omitempty"`
}

// WriteVATControlXML writes the control statement as the portal's DPHKH1
// file (řádné kontrolní hlášení). A.1 and B.1 carry the code of the subject
// of each §92a supply (kod_pred_pl: 4 construction work, 5 waste and scrap,
// …) from its document; one recorded without it is written empty, to be
// completed on the portal.
func WriteVATControlXML(w io.Writer, c VATControl, f VATFiling) error {
	if err := f.Check(); err != nil {
		return err
	}
	d := f.vetaD("KH1")
	d.KhdphForma = "B"
	kh := &epoKH1{VerzePis: DPHKH1Version, VetaD: d, VetaP: f.vetaP(true)}
	for i, x := range c.A1 {
		kh.A1 = append(kh.A1, epoKHA1{CRadku: i + 1, DicOdb: vatNumber(x.Partner), CEvidDd: x.Doc, Duzp: epoDate(x.Date),
			ZaklDane1: khAmount(x.Amounts.BaseTotal()), KodPredPl: x.Code})
	}
	for i, x := range c.A2 {
		country, number := splitVATID(x.Partner)
		kh.A2 = append(kh.A2, epoKHA2{CRadku: i + 1, KStat: country, VatidDod: number, CEvidDd: x.Doc, Dppd: epoDate(x.Date), epoKHRates: khRates(x.Amounts)})
	}
	for i, x := range c.A4 {
		kh.A4 = append(kh.A4, epoKHA4{CRadku: i + 1, DicOdb: vatNumber(x.Partner), CEvidDd: x.Doc, Dppd: epoDate(x.Date),
			epoKHRates: khRates(x.Amounts), KodRezimPl: "0", Zdph44: "N"})
	}
	if c.A5 != (KHAmounts{}) {
		a5 := khRates(c.A5)
		kh.A5 = &a5
	}
	for i, x := range c.B1 {
		kh.B1 = append(kh.B1, epoKHB1{CRadku: i + 1, DicDod: vatNumber(x.Partner), CEvidDd: x.Doc, Duzp: epoDate(x.Date), epoKHRates: khRates(x.Amounts), KodPredPl: x.Code})
	}
	for i, x := range c.B2 {
		kh.B2 = append(kh.B2, epoKHB2{CRadku: i + 1, DicDod: vatNumber(x.Partner), CEvidDd: x.Doc, Dppd: epoDate(x.Date),
			epoKHRates: khRates(x.Amounts), Pomer: "N", Zdph44: "N"})
	}
	if c.B3 != (KHAmounts{}) {
		b3 := khRates(c.B3)
		kh.B3 = &b3
	}
	k := c.Checks()
	vc := epoKHC{Obrat23: khAmount(k.Obrat23), Obrat5: khAmount(k.Obrat5), Pln23: khAmount(k.Pln23), Pln5: khAmount(k.Pln5),
		PlnRezPren: khAmount(k.PlnRezPren), RezPren23: khAmount(k.RezPren23), RezPren5: khAmount(k.RezPren5), CelkZdA2: khAmount(k.CelkZdA2)}
	if vc != (epoKHC{}) {
		kh.C = &vc
	}
	return writeEPO(w, f, epoPisemnost{KH1: kh})
}

// vatNumber is a VAT ID without its country prefix (the DIČ "CZ27082440"
// is written 27082440).
func vatNumber(id string) string {
	_, n := splitVATID(id)
	return n
}

type epoSHV struct {
	VerzePis string    `xml:"verzePis,attr"`
	VetaD    epoVetaD  `xml:"VetaD"`
	VetaP    epoVetaP  `xml:"VetaP"`
	R        []epoSHVR `xml:"VetaR"`
}

// epoSHVR is one line of the list; pages of 20 lines as on paper.
type epoSHVR struct {
	PorCStran  int    `xml:"por_c_stran,attr"`
	CRad       int    `xml:"c_rad,attr"`
	KStat      string `xml:"k_stat,attr"`
	CVat       string `xml:"c_vat,attr"`
	KPlnEu     string `xml:"k_pln_eu,attr"`
	PlnPocet   int    `xml:"pln_pocet,attr"`
	PlnHodnota int64  `xml:"pln_hodnota,attr"`
}

// euSalesLinesPerPage is how many lines one page of the paper list has.
const euSalesLinesPerPage = 20

// WriteEUSalesXML writes the EU sales list as the portal's DPHSHV file
// (řádné souhrnné hlášení).
func WriteEUSalesXML(w io.Writer, s EUSales, f VATFiling) error {
	if err := f.Check(); err != nil {
		return err
	}
	d := f.vetaD("SHV")
	d.ShviesForma = "R"
	sh := &epoSHV{VerzePis: DPHSHVVersion, VetaD: d, VetaP: f.vetaP(false)}
	for i, l := range s.Lines {
		sh.R = append(sh.R, epoSHVR{PorCStran: i/euSalesLinesPerPage + 1, CRad: i%euSalesLinesPerPage + 1,
			KStat: l.Country, CVat: l.VATNumber, KPlnEu: l.Code, PlnPocet: l.Count, PlnHodnota: l.Value()})
	}
	return writeEPO(w, f, epoPisemnost{SHV: sh})
}
