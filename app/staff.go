package app

// StaffName is how a staff member is named to people — on the screens and on
// a visitor's badge: their full name, the login name only when the user has
// no full name or is not among staff.
func StaffName(staff []Staff, login string) string {
	for _, s := range staff {
		if s.Name == login && s.FullName != "" {
			return s.FullName
		}
	}
	return login
}
