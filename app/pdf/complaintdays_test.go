package pdf

import "testing"

// TestComplaintDayWord: Czech counts days as 1 den, 2–4 dny, 5+ (and 0)
// dní; English 1 day, n days.
func TestComplaintDayWord(t *testing.T) {
	for n, want := range map[int]string{0: "dní", 1: "den", 2: "dny", 4: "dny", 5: "dní", 11: "dní", 22: "dní", 713: "dní", -1: "den"} {
		if got := complaintCS.dayWord(n); got != want {
			t.Errorf("cs %d: %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{1: "day", 2: "days", 30: "days"} {
		if got := complaintEN.dayWord(n); got != want {
			t.Errorf("en %d: %q, want %q", n, got, want)
		}
	}
}
