package app

import "testing"

func TestStaffName(t *testing.T) {
	staff := []Staff{{Name: "prodej", FullName: "Tomáš Černý"}, {Name: "sklad"}}
	for login, want := range map[string]string{"prodej": "Tomáš Černý", "sklad": "sklad", "novak": "novak", "": ""} {
		if got := StaffName(staff, login); got != want {
			t.Errorf("StaffName(%q) = %q, want %q", login, got, want)
		}
	}
}
