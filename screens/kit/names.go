package kit

import (
	"kontor/app"

	"fyne.io/fyne/v2/lang"
)

// VATLabel is "21 %" for a kind's rate valid on day, its name if none is.
func VATLabel(c app.Company, kind string, day app.Date) string {
	if r, err := c.VATRateOn(kind, day); err == nil {
		return r.Format(UILang) + "\u00a0%"
	}
	return VATKindName(kind)
}

// VATKinds are the VAT rate kinds in the order the kind selector lists them.
var VATKinds = []string{app.VATStandard, app.VATReduced, app.VATZero}

// VATKindName returns the translated name of a VAT rate kind.
func VATKindName(kind string) string {
	switch kind {
	case app.VATStandard:
		return lang.X("vat.kind.standard", "standard")
	case app.VATReduced:
		return lang.X("vat.kind.reduced", "reduced")
	case app.VATZero:
		return lang.X("vat.kind.zero", "zero (exempt)")
	}
	return kind
}

var SeriesWidths = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}

// InquiryStatusName is the translated name of an inquiry status.
func InquiryStatusName(s app.InquiryStatus) string {
	switch s {
	case app.InquiryNew:
		return lang.X("inquiry.status.new", "new")
	case app.InquiryInProgress:
		return lang.X("inquiry.status.in_progress", "in progress")
	case app.InquiryQuoted:
		return lang.X("inquiry.status.quoted", "quoted")
	case app.InquiryWon:
		return lang.X("inquiry.status.won", "won")
	case app.InquiryLost:
		return lang.X("inquiry.status.lost", "lost")
	}
	return string(s)
}
