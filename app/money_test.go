package app

import (
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in       string
		currency string
		lang     Lang
		want     int64
		wantKey  string // translation key of the expected error, "" for success
	}{
		{"1 234,50", "CZK", Czech, 123450, ""},
		{"1\u00a0234,50", "CZK", Czech, 123450, ""},
		{"1234.5", "CZK", Czech, 123450, ""},
		{"1234.5", "CZK", English, 123450, ""},
		{"1 234,50 Kč", "CZK", Czech, 123450, ""},
		{"CZK 1,234.50", "CZK", English, 123450, ""},
		{"CZK\u00a01,234.50", "CZK", English, 123450, ""},
		{"-12", "CZK", Czech, -1200, ""},
		{"−12,5", "CZK", Czech, -1250, ""},
		{"+7", "CZK", Czech, 700, ""},
		{"12.50", "CZK", Czech, 1250, ""},
		{"1,234", "CZK", English, 123400, ""},
		{"1,234,567.89", "USD", English, 123456789, ""},
		{"1.234.567,89", "CZK", Czech, 123456789, ""},
		{"€1,234.50", "EUR", English, 123450, ""},
		{"1 234,50 €", "EUR", Czech, 123450, ""},
		{"1 234", "JPY", English, 1234, ""},
		{",5", "CZK", Czech, 50, ""},
		{"0", "CZK", Czech, 0, ""},
		{"abc", "CZK", Czech, 0, "err.number.invalid"},
		{"12a", "CZK", English, 0, "err.number.invalid"},
		{"-", "CZK", Czech, 0, "err.number.invalid"},
		{"", "CZK", Czech, 0, "err.number.empty"},
		{"   ", "CZK", Czech, 0, "err.number.empty"},
		{"1,234", "CZK", Czech, 0, "err.number.decimals"},
		{"0,001", "CZK", Czech, 0, "err.number.decimals"},
		{"1.5", "JPY", English, 0, "err.number.decimals"},
		{"92233720368547758,08", "CZK", Czech, 0, "err.number.too_large"},
		{"999999999999999999999", "CZK", Czech, 0, "err.number.too_large"},
		{"92233720368547758,07", "CZK", Czech, 9223372036854775807, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+"/"+tt.in, func(t *testing.T) {
			got, err := ParseMoney(tt.in, tt.currency, tt.lang)
			if tt.wantKey != "" {
				e, ok := err.(*Error)
				if !ok || e.Code != EINVALID || e.Key != tt.wantKey {
					t.Fatalf("ParseMoney(%q) = %v, %v; want error %s", tt.in, got, err, tt.wantKey)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseMoney(%q): %v", tt.in, err)
			}
			if got != M(tt.want, tt.currency) {
				t.Errorf("ParseMoney(%q) = %+v, want %d %s", tt.in, got, tt.want, tt.currency)
			}
		})
	}
}

func TestParseMoneyErrorNamesValue(t *testing.T) {
	_, err := ParseMoney("abc", "CZK", Czech)
	if msg := ErrorMessage(err, nil); !strings.Contains(msg, "abc") {
		t.Errorf("message %q does not quote the input", msg)
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		m    Money
		lang Lang
		want string
	}{
		{M(123450, "CZK"), Czech, "1\u00a0234,50\u00a0Kč"},
		{M(123450, "CZK"), English, "CZK\u00a01,234.50"},
		{M(-123450, "CZK"), Czech, "-1\u00a0234,50\u00a0Kč"},
		{M(-123450, "CZK"), English, "-CZK\u00a01,234.50"},
		{M(123456789, "CZK"), Czech, "1\u00a0234\u00a0567,89\u00a0Kč"},
		{M(5, "CZK"), Czech, "0,05\u00a0Kč"},
		{M(0, "CZK"), English, "CZK\u00a00.00"},
		{M(100000, "CZK"), Czech, "1\u00a0000,00\u00a0Kč"},
		{M(123450, "EUR"), Czech, "1\u00a0234,50\u00a0€"},
		{M(123450, "EUR"), English, "€1,234.50"},
		{M(1234, "JPY"), English, "¥1,234"},
		{M(150, "XYZ"), English, "XYZ\u00a01.50"},
	}
	for _, tt := range tests {
		if got := tt.m.Format(tt.lang); got != tt.want {
			t.Errorf("%v.Format(%s) = %q, want %q", tt.m, tt.lang, got, tt.want)
		}
	}
	if got := M(-123450, "CZK").String(); got != "-1234.50 CZK" {
		t.Errorf("String = %q", got)
	}
	if got := M(123450, "CZK").FormatNumber(Czech); got != "1\u00a0234,50" {
		t.Errorf("FormatNumber = %q", got)
	}
}

func TestMoneyFormatParseRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 99, 100, 123450, -987654321, 1 << 40} {
		for _, lang := range []Lang{Czech, English} {
			m := M(v, "CZK")
			got, err := ParseMoney(m.Format(lang), "CZK", lang)
			if err != nil || got != m {
				t.Errorf("round trip %v in %s: %v, %v", m, lang, got, err)
			}
		}
	}
}

func TestMoneyAdd(t *testing.T) {
	tests := []struct {
		a, b    Money
		want    Money
		wantErr string
	}{
		{M(100, "CZK"), M(250, "CZK"), M(350, "CZK"), ""},
		{M(100, "CZK"), M(-250, "CZK"), M(-150, "CZK"), ""},
		{M(100, "CZK"), M(100, "EUR"), Money{}, "err.money.currency_mismatch"},
		{Money{}, M(100, "EUR"), M(100, "EUR"), ""},
		{M(0, "CZK"), M(100, "EUR"), M(100, "EUR"), ""},
		{M(100, "EUR"), M(0, "CZK"), M(100, "EUR"), ""},
		{M(1<<62, "CZK"), M(1<<62, "CZK"), Money{}, "err.money.overflow"},
		{M(-1<<62, "CZK"), M(-1<<62-1, "CZK"), Money{}, "err.money.overflow"},
	}
	for _, tt := range tests {
		got, err := tt.a.Add(tt.b)
		if tt.wantErr != "" {
			if e, ok := err.(*Error); !ok || e.Key != tt.wantErr {
				t.Errorf("%v + %v: err %v, want %s", tt.a, tt.b, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%v + %v = %+v, %v; want %+v", tt.a, tt.b, got, err, tt.want)
		}
	}
	if d, err := M(100, "CZK").Sub(M(250, "CZK")); err != nil || d != M(-150, "CZK") {
		t.Errorf("Sub = %v, %v", d, err)
	}
	if _, err := M(100, "CZK").Sub(M(1, "EUR")); ErrorCode(err) != EINVALID {
		t.Errorf("Sub of mixed currencies: %v", err)
	}
}

func TestRounding(t *testing.T) {
	vat21, vat12 := RatePercent(21), RatePercent(12)
	half := RatePercent(50)
	tests := []struct {
		name string
		got  Money
		want int64
	}{
		{"21% of 0.50 half-up", M(50, "CZK").Percent(vat21, HalfUp), 11},
		{"21% of 0.02 half-up", M(2, "CZK").Percent(vat21, HalfUp), 0},
		{"21% of -0.50 half-up", M(-50, "CZK").Percent(vat21, HalfUp), -11},
		{"21% of 100.00", M(10000, "CZK").Percent(vat21, HalfUp), 2100},
		{"12% of 12.50", M(1250, "CZK").Percent(vat12, HalfUp), 150},
		{"12% of 0.04 (0.0048)", M(4, "CZK").Percent(vat12, HalfUp), 0},
		{"50% of 0.01 half-up", M(1, "CZK").Percent(half, HalfUp), 1},
		{"50% of -0.01 half-up", M(-1, "CZK").Percent(half, HalfUp), -1},
		{"50% of 0.01 truncate", M(1, "CZK").Percent(half, Truncate), 0},
		{"50% of 0.01 up", M(1, "CZK").Percent(half, Up), 1},
		{"50% of -0.01 up", M(-1, "CZK").Percent(half, Up), -1},
		{"21% of 0.01 up", M(1, "CZK").Percent(vat21, Up), 1},
		{"21% of 0.49 truncate", M(49, "CZK").Percent(vat21, Truncate), 10},
		{"0% of 123", M(12300, "CZK").Percent(RatePercent(0), HalfUp), 0},
		{"12.5% of 1.00", M(100, "CZK").Percent(RateMicro(12_500_000), HalfUp), 13},
		{"cash 12.50", M(1250, "CZK").RoundCash(), 1300},
		{"cash 12.49", M(1249, "CZK").RoundCash(), 1200},
		{"cash -12.50", M(-1250, "CZK").RoundCash(), -1300},
		{"cash -12.49", M(-1249, "CZK").RoundCash(), -1200},
		{"cash 12.00", M(1200, "CZK").RoundCash(), 1200},
		{"cash JPY", M(1249, "JPY").RoundCash(), 1249},
		{"to 100 truncate 199", M(199, "CZK").RoundTo(100, Truncate), 100},
		{"to 100 truncate -199", M(-199, "CZK").RoundTo(100, Truncate), -100},
		{"to 100 up 101", M(101, "CZK").RoundTo(100, Up), 200},
		{"to 100 up -101", M(-101, "CZK").RoundTo(100, Up), -200},
		{"to 50 half-up 25", M(25, "CZK").RoundTo(50, HalfUp), 50},
		{"to 50 half-up 24", M(24, "CZK").RoundTo(50, HalfUp), 0},
		{"to 1 is identity", M(1234, "CZK").RoundTo(1, Up), 1234},
		{"EUR 100 to CZK at 24.325", M(10000, "EUR").Convert("CZK", RateMicro(24_325_000), HalfUp), 243250},
		{"EUR 0.01 to CZK at 24.325", M(1, "EUR").Convert("CZK", RateMicro(24_325_000), HalfUp), 24},
		{"EUR 1.01 to CZK at 24.325", M(101, "EUR").Convert("CZK", RateMicro(24_325_000), HalfUp), 2457},
		{"EUR -1.01 to CZK at 24.325", M(-101, "EUR").Convert("CZK", RateMicro(24_325_000), HalfUp), -2457},
		{"CZK 100 to JPY at 6.5", M(10000, "CZK").Convert("JPY", RateMicro(6_500_000), HalfUp), 650},
	}
	for _, tt := range tests {
		if tt.got.Amount != tt.want {
			t.Errorf("%s = %d, want %d", tt.name, tt.got.Amount, tt.want)
		}
	}
	if c := M(10000, "EUR").Convert("CZK", RateMicro(24_325_000), HalfUp).Currency; c != "CZK" {
		t.Errorf("Convert currency = %s", c)
	}
	if c := M(1250, "CZK").Percent(vat21, HalfUp).Currency; c != "CZK" {
		t.Errorf("Percent currency = %s", c)
	}
}

func TestCurrencies(t *testing.T) {
	for _, c := range Currencies() {
		if !ValidCurrency(c) {
			t.Errorf("%s listed but not valid", c)
		}
	}
	if ValidCurrency("XYZ") || MinorDigits("XYZ") != 2 || MinorDigits("JPY") != 0 {
		t.Error("unknown currency handling")
	}
	if !M(0, "CZK").IsZero() || M(1, "CZK").IsZero() || M(5, "CZK").Neg() != M(-5, "CZK") {
		t.Error("IsZero/Neg")
	}
}

// Separators in the wrong places are refused, not read as thousands.
func TestParseMoneyRefusesAmbiguousSeparators(t *testing.T) {
	cases := []struct {
		in   string
		lang Lang
	}{
		{"12,50", English}, {"0,5", English}, {"1,2,3", Czech}, {"28.11.2026", Czech},
		{"1.2.3", English}, {"1,23,456.00", English}, {",5", English}, {"1 234,5,0", Czech},
	}
	for _, c := range cases {
		if m, err := ParseMoney(c.in, "CZK", c.lang); err == nil {
			t.Errorf("ParseMoney(%q, %s) = %v, want an error", c.in, c.lang, m)
		}
	}
	ok := []struct {
		in   string
		lang Lang
		want int64
	}{
		{"1,234,567.50", English, 123456750}, {"1.234,50", Czech, 123450}, {"1.234.567", Czech, 123456700},
		{"12.50", Czech, 1250}, {"1,234", English, 123400},
	}
	for _, c := range ok {
		if m, err := ParseMoney(c.in, "CZK", c.lang); err != nil || m.Amount != c.want {
			t.Errorf("ParseMoney(%q, %s) = %v, %v; want %d", c.in, c.lang, m, err, c.want)
		}
	}
	if _, err := ParseBankAccount("00/0800"); err == nil {
		t.Error("an all-zero account number passed")
	}
}
