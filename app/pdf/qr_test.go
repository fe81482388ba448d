package pdf

import (
	"testing"

	"kontor/app"
)

// TestPaymentQR decodes the QR code of the rendered page and wants exactly
// the string app.PaymentQR makes: SPAYD for CZK, EPC for EUR, and none when
// nothing is to be paid by transfer.
func TestPaymentQR(t *testing.T) {
	partly := czkInvoice()
	partly.Paid = 100000
	paid := czkInvoice()
	paid.Paid = paid.Totals.Total
	noIBAN := czkInvoice()
	noIBAN.Supplier.IBAN = ""
	cash := czkInvoice()
	cash.PaymentMethod = app.PayCash
	usd := eurInvoice()
	usd.Currency = "USD"
	usd.Totals = app.ComputeTotals(usd, "CZK")
	tests := []struct {
		name   string
		d      app.SalesDoc
		opt    Options
		prefix string // of the expected code; "" for none
	}{
		{"CZK SPAYD", czkInvoice(), csOpts(), "SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:4863.67*CC:CZK*DT:20261116*X-VS:20260042"},
		{"CZK partly paid", partly, csOpts(), "SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:3863.67*"},
		{"EUR EPC", eurInvoice(), enOpts(), "BCD\n002\n1\nSCT\nGIBACZPX\nKontor Žluťoučký s.r.o.\nCZ6508000000192000145399\nEUR808.05\n"},
		{"reverse charge", reverseChargeInvoice(), csOpts(), "SPD*1.0*"},
		{"paid", paid, csOpts(), ""},
		{"no IBAN", noIBAN, csOpts(), ""},
		{"cash", cash, csOpts(), ""},
		{"credit note", creditNote(), csOpts(), ""},
		{"USD", usd, enOpts(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			codes := decodeQR(t, render(t, tt.d, tt.opt))
			want, ok := app.PaymentQR(tt.d, tt.d.Remaining())
			if tt.prefix == "" {
				if len(codes) != 0 {
					t.Errorf("QR %q on a document that should have none", codes)
				}
				return
			}
			if !ok {
				t.Fatal("fixture: app.PaymentQR has no code")
			}
			if len(want) < len(tt.prefix) || want[:len(tt.prefix)] != tt.prefix {
				t.Errorf("fixture: PaymentQR = %q, want prefix %q", want, tt.prefix)
			}
			if len(codes) != 1 || codes[0] != want {
				t.Errorf("decoded %q\nwant      %q", codes, want)
			}
		})
	}
}
