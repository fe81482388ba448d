package app

import "testing"

// TestModulePermissions: the modules still to come each have their
// permission, held by their own role and admin only, so their tabs are
// shown by permission, not by a role name.
func TestModulePermissions(t *testing.T) {
	tests := []struct {
		perm Permission
		role Role
	}{
		{PermAftersales, RoleAftersales},
		{PermPayroll, RolePayroll},
		{PermWarehouse, RoleWarehouse},
	}
	for _, tt := range tests {
		t.Run(string(tt.perm), func(t *testing.T) {
			for _, r := range AllRoles() {
				want := r == tt.role || r == RoleAdmin
				if got := Can([]Role{r}, tt.perm); got != want {
					t.Errorf("Can(%s, %s) = %v, want %v", r, tt.perm, got, want)
				}
			}
			if Can(nil, tt.perm) {
				t.Errorf("a user without roles holds %s", tt.perm)
			}
			if !Can([]Role{RoleSales, tt.role}, tt.perm) {
				t.Errorf("a user with %s among other roles lacks %s", tt.role, tt.perm)
			}
		})
	}
}

// TestEveryRoleHoldsAPermission: no role is left with nothing to do beyond
// reading the company (every role's tab is shown by a permission).
func TestEveryRoleHoldsAPermission(t *testing.T) {
	for _, r := range AllRoles() {
		n := 0
		for _, p := range Permissions() {
			if p != PermCompanyRead && Can([]Role{r}, p) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("role %s holds no permission but company.read", r)
		}
	}
}
