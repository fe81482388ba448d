package app

import (
	"errors"
	"strings"
	"testing"
)

// TestAddressRulesSameInFormAndCSV: a country, postcode and e-mail are
// accepted, normalised or refused alike whether typed in the customer form
// (Normalize + Validate, as the form runs them) or read from a CSV import.
func TestAddressRulesSameInFormAndCSV(t *testing.T) {
	tests := []struct {
		country, postcode, email string
		wantCountry, wantPost    string
		refused                  string // field, "" when accepted
	}{
		{"CZ", "602 00", "info@kun.cz", "CZ", "602 00", ""},
		{"cz", "60200", "", "CZ", "602 00", ""},
		{"Česko", " 602  00 ", "", "CZ", "602 00", ""},
		{"Slovensko", "81101", "", "SK", "811 01", ""},
		{"", "11000", "", "CZ", "110 00", ""},
		{"AT", "1010", "", "AT", "1010", ""},
		{"GB", "SW1A 1AA", "", "GB", "SW1A 1AA", ""},
		{"CZ", "6020", "", "", "", "customer.postcode"},
		{"CZ", "ABCDE", "", "", "", "customer.postcode"},
		{"DE", "10115/BERLIN", "", "", "", "customer.postcode"},
		{"XX", "", "", "", "", "customer.country"},
		{"Czech", "", "", "", "", "customer.country"},
		{"CZ", "", "info@kun", "", "", "customer.email"},
		{"CZ", "", "Jan <jan@kun.cz>", "", "", "customer.email"},
		{"CZ", "", "a@b.cz, c@d.cz", "", "", "customer.email"},
	}
	for _, tt := range tests {
		// The form.
		c := Customer{Name: "Kavárna U Lípy", Country: tt.country, Postcode: tt.postcode, Email: tt.email}
		c.Normalize("CZK")
		formErr := c.Validate()
		// The CSV import.
		csv := "Název;Země;PSČ;E-mail\r\nKavárna U Lípy;" + tt.country + ";" + tt.postcode + ";" + tt.email + "\r\n"
		f, err := ReadCustomersCSV([]byte(csv))
		if err != nil {
			t.Fatalf("%+v: %v", tt, err)
		}
		if tt.refused == "" {
			if formErr != nil || len(f.Rows) != 1 {
				t.Errorf("%+v refused: form %v, CSV %+v", tt, formErr, f.Rejected)
				continue
			}
			if got := f.Rows[0].Customer; c.Country != tt.wantCountry || c.Postcode != tt.wantPost || got.Country != c.Country || got.Postcode != c.Postcode {
				t.Errorf("%+v: form %s %q, CSV %s %q", tt, c.Country, c.Postcode, got.Country, got.Postcode)
			}
			continue
		}
		var fe, ce *Error
		if !errors.As(formErr, &fe) || fe.Field != tt.refused {
			t.Errorf("%+v: the form says %v", tt, formErr)
		}
		if len(f.Rejected) != 1 || !errors.As(f.Rejected[0].Err, &ce) || ce.Field != tt.refused || ce.Key != fe.Key {
			t.Errorf("%+v: the CSV says %+v", tt, f.Rejected)
		}
	}
}

// TestCustomerValidateNamesEveryField: Save marks every wrong field at once.
func TestCustomerValidateNamesEveryField(t *testing.T) {
	c := Customer{Country: "XX", Email: "kun@", ICO: "12345678", PaymentDays: 400, Currency: "CZK", Lang: Czech}
	err := c.Validate()
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Validate = %v, want every field", err)
	}
	var fields []string
	for _, e := range es {
		fields = append(fields, e.Field)
	}
	if got := strings.Join(fields, ","); got != "customer.name,customer.country,customer.ico,customer.email,customer.payment_days" {
		t.Errorf("fields %s", got)
	}
	if ErrorCode(err) != EINVALID {
		t.Errorf("code %s", ErrorCode(err))
	}
	if msg := ErrorMessage(err, nil); strings.Count(msg, "\n") != 4 || !strings.HasPrefix(msg, "Name: is required\n") {
		t.Errorf("message %q", msg)
	}
	if err := (Customer{Name: "Kůň", Country: "CZ", Currency: "CZK", Lang: Czech}).Validate(); err != nil {
		t.Errorf("a good customer: %v", err)
	}
}
