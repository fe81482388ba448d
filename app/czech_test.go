package app

import "testing"

func TestValidateICO(t *testing.T) {
	for _, ico := range []string{"27082440", "45274649", "00006947", "25596641", "28746155"} {
		if err := ValidateICO(ico); err != nil {
			t.Errorf("ValidateICO(%s): %v", ico, err)
		}
	}
	for _, tt := range []struct{ ico, key string }{
		{"12345678", "err.ico.checksum"},
		{"27082441", "err.ico.checksum"},
		{"2708244", "err.ico.format"},
		{"270824400", "err.ico.format"},
		{"2708244a", "err.ico.format"},
		{"", "err.ico.format"},
	} {
		err := ValidateICO(tt.ico)
		if e, ok := err.(*Error); !ok || e.Key != tt.key || e.Field != "ico" {
			t.Errorf("ValidateICO(%q) = %v, want %s", tt.ico, err, tt.key)
		}
	}
	if got := NormalizeICO(" 6947 "); got != "00006947" {
		t.Errorf("NormalizeICO = %q", got)
	}
	if got := NormalizeICO("270 82 440"); got != "27082440" {
		t.Errorf("NormalizeICO = %q", got)
	}
}

func TestValidateDIC(t *testing.T) {
	valid := []string{
		"CZ27082440",
		"CZ7103192745", // a birth number divisible by 11
		"CZ710319274",  // a 9-digit birth number (born before 1954)
		"DE123456789",
		"SK2020317068",
	}
	for _, dic := range valid {
		if err := ValidateDIC(dic); err != nil {
			t.Errorf("ValidateDIC(%s): %v", dic, err)
		}
	}
	for _, tt := range []struct{ dic, key string }{
		{"CZ12345678", "err.dic.checksum"},
		{"CZ7103192746", "err.dic.checksum"},
		{"CZ1234567", "err.dic.format"},
		{"CZ12345678901", "err.dic.format"},
		{"CZ2708244A", "err.dic.format"},
		{"27082440", "err.dic.format"},
		{"CZ", "err.dic.format"},
		{"D1123456", "err.dic.format"},
	} {
		err := ValidateDIC(tt.dic)
		if e, ok := err.(*Error); !ok || e.Key != tt.key || e.Field != "dic" {
			t.Errorf("ValidateDIC(%q) = %v, want %s", tt.dic, err, tt.key)
		}
	}
	if got := NormalizeDIC(" cz 270 82 440"); got != "CZ27082440" {
		t.Errorf("NormalizeDIC = %q", got)
	}
}

func TestParseBankAccount(t *testing.T) {
	tests := []struct {
		in, str, iban string
	}{
		{"19-2000145399/0800", "19-2000145399/0800", "CZ6508000000192000145399"},
		{" 19-2000145399 / 0800 ", "19-2000145399/0800", "CZ6508000000192000145399"},
		{"2801234578/2010", "2801234578/2010", ""},
		{"000000-0123456788/0100", "123456788/0100", ""},
	}
	for _, tt := range tests {
		a, err := ParseBankAccount(tt.in)
		if err != nil {
			t.Errorf("ParseBankAccount(%q): %v", tt.in, err)
			continue
		}
		if a.String() != tt.str {
			t.Errorf("String = %q, want %q", a.String(), tt.str)
		}
		if err := ValidateIBAN(a.IBAN()); err != nil {
			t.Errorf("IBAN %s of %s: %v", a.IBAN(), tt.in, err)
		}
		if tt.iban != "" && a.IBAN() != tt.iban {
			t.Errorf("IBAN = %q, want %q", a.IBAN(), tt.iban)
		}
	}
	for _, tt := range []struct{ in, key string }{
		{"19-2000145398/0800", "err.bank_account.checksum"},
		{"18-2000145399/0800", "err.bank_account.checksum"},
		{"2000145399", "err.bank_account.format"},
		{"2000145399/080", "err.bank_account.format"},
		{"-2000145399/0800", "err.bank_account.format"},
		{"1234567-2000145399/0800", "err.bank_account.format"},
		{"12345678901/0800", "err.bank_account.format"},
		{"1/0800", "err.bank_account.format"},
		{"abc/0800", "err.bank_account.format"},
	} {
		_, err := ParseBankAccount(tt.in)
		if e, ok := err.(*Error); !ok || e.Key != tt.key || e.Field != "bank_account" {
			t.Errorf("ParseBankAccount(%q) = %v, want %s", tt.in, err, tt.key)
		}
	}
}

func TestValidateIBAN(t *testing.T) {
	for _, iban := range []string{
		"CZ6508000000192000145399",
		"DE89370400440532013000",
		"GB29NWBK60161331926819",
		"SK3112000000198742637541",
		"NO9386011117947", // a country without a known length still gets mod 97
	} {
		if err := ValidateIBAN(iban); err != nil {
			t.Errorf("ValidateIBAN(%s): %v", iban, err)
		}
	}
	for _, tt := range []struct{ iban, key string }{
		{"CZ6508000000192000145398", "err.iban.checksum"},
		{"CZ6608000000192000145399", "err.iban.checksum"},
		{"CZ650800000019200014539", "err.iban.length"},
		{"CZ65080000001920001453990", "err.iban.length"},
		{"DE8937040044053201300", "err.iban.length"},
		{"CZ65", "err.iban.format"},
		{"6508000000192000145399CZ", "err.iban.format"},
		{"CZ65 0800 0000 1920 0014 5399", "err.iban.format"},
		{"cz6508000000192000145399", "err.iban.format"},
	} {
		err := ValidateIBAN(tt.iban)
		if e, ok := err.(*Error); !ok || e.Key != tt.key || e.Field != "iban" {
			t.Errorf("ValidateIBAN(%q) = %v, want %s", tt.iban, err, tt.key)
		}
	}
	if got := NormalizeIBAN(" cz65 0800 0000 1920 0014 5399 "); got != "CZ6508000000192000145399" {
		t.Errorf("NormalizeIBAN = %q", got)
	}
	if got := FormatIBAN("CZ6508000000192000145399"); got != "CZ65 0800 0000 1920 0014 5399" {
		t.Errorf("FormatIBAN = %q", got)
	}
}

func TestValidateBIC(t *testing.T) {
	for _, bic := range []string{"GIBACZPX", "KOMBCZPPXXX", "FIOBCZPP"} {
		if err := ValidateBIC(bic); err != nil {
			t.Errorf("ValidateBIC(%s): %v", bic, err)
		}
	}
	for _, bic := range []string{"", "GIBACZP", "GIBACZPXX", "G1BACZPX", "gibaczpx", "KOMBCZPPXX-"} {
		if err := ValidateBIC(bic); ErrorCode(err) != EINVALID {
			t.Errorf("ValidateBIC(%q) accepted", bic)
		}
	}
}
