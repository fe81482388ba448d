package app

import (
	"encoding/json"
	"testing"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		in      string
		want    int64 // millionths
		wantErr bool
	}{
		{"21", 21_000_000, false},
		{"21 %", 21_000_000, false},
		{"21%", 21_000_000, false},
		{"12,5", 12_500_000, false},
		{"12.5", 12_500_000, false},
		{"24.325", 24_325_000, false},
		{"24,325", 24_325_000, false},
		{"0", 0, false},
		{"0.000001", 1, false},
		{"abc", 0, true},
		{"", 0, true},
		{"1,234.5", 0, true},
		{"0.0000001", 0, true},
	}
	for _, tt := range tests {
		for _, lang := range []Lang{Czech, English} {
			got, err := ParseRate(tt.in, lang)
			if tt.wantErr {
				if ErrorCode(err) != EINVALID {
					t.Errorf("ParseRate(%q, %s) = %v, %v; want EINVALID", tt.in, lang, got, err)
				}
				continue
			}
			if err != nil || got.Micro() != tt.want {
				t.Errorf("ParseRate(%q, %s) = %d, %v; want %d", tt.in, lang, got.Micro(), err, tt.want)
			}
		}
	}
	_, err := ParseRate("abc", Czech)
	if e, ok := err.(*Error); !ok || e.Args["value"] != "abc" {
		t.Errorf("error does not name the input: %#v", err)
	}
}

func TestRateFormat(t *testing.T) {
	tests := []struct {
		r      Rate
		cs, en string
	}{
		{RatePercent(21), "21", "21"},
		{RateMicro(12_500_000), "12,5", "12.5"},
		{RateMicro(24_325_000), "24,325", "24.325"},
		{RatePercent(0), "0", "0"},
		{RateMicro(1), "0,000001", "0.000001"},
	}
	for _, tt := range tests {
		if got := tt.r.Format(Czech); got != tt.cs {
			t.Errorf("Format(cs) = %q, want %q", got, tt.cs)
		}
		if got := tt.r.Format(English); got != tt.en {
			t.Errorf("Format(en) = %q, want %q", got, tt.en)
		}
		if got := tt.r.String(); got != tt.en {
			t.Errorf("String() = %q, want %q", got, tt.en)
		}
	}
	if RatePercent(21).Cmp(RatePercent(12)) != 1 || RatePercent(12).Cmp(RatePercent(21)) != -1 || RatePercent(5).Cmp(RateMicro(5_000_000)) != 0 {
		t.Error("Cmp")
	}
}

func TestRateJSON(t *testing.T) {
	type doc struct {
		R Rate `json:"r"`
	}
	for _, r := range []Rate{RatePercent(21), RateMicro(24_325_000), RateMicro(12_500_000), RatePercent(0), RateMicro(1)} {
		b, err := json.Marshal(doc{r})
		if err != nil {
			t.Fatal(err)
		}
		var back doc
		if err := json.Unmarshal(b, &back); err != nil || back.R != r {
			t.Errorf("round trip of %s via %s: %v, %v", r, b, back.R, err)
		}
	}
	b, _ := json.Marshal(RateMicro(24_325_000))
	if string(b) != `"24.325"` {
		t.Errorf("JSON form = %s", b)
	}
	var r Rate
	if err := json.Unmarshal([]byte(`"abc"`), &r); err == nil {
		t.Error("bad JSON rate accepted")
	}
	if err := json.Unmarshal([]byte(`21`), &r); err == nil {
		t.Error("JSON number accepted where a string is stored")
	}
}
