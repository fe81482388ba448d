package app

import (
	"slices"
	"testing"
)

// TestEveryRoleGranted: every role some module brings holds a permission
// of its own beyond reading the company, is brought by exactly one module,
// and every permission is granted once and known.
func TestEveryRoleGranted(t *testing.T) {
	granted := map[Role]int{}
	seen := map[Permission]bool{}
	for _, m := range Modules() {
		for _, g := range m.Grants {
			if seen[g.Perm] || !Known(g.Perm) {
				t.Errorf("module %s: %s granted twice or unknown", m.ID, g.Perm)
			}
			seen[g.Perm] = true
			if !g.Everyone {
				for _, r := range g.Roles {
					granted[r]++
				}
			}
		}
	}
	for _, r := range AllRoles() {
		if r != RoleAdmin && granted[r] == 0 {
			t.Errorf("role %s is granted nothing but what everyone has", r)
		}
		if !r.Valid() {
			t.Errorf("role %s is not valid", r)
		}
	}
	if len(seen) != len(Permissions()) {
		t.Errorf("%d permissions granted, Permissions lists %d", len(seen), len(Permissions()))
	}
	if Known("no.such") || Known("") {
		t.Error("Known accepts a permission no module grants")
	}
	// Admin holds everything; nobody holds what no module grants.
	for _, p := range Permissions() {
		if !Can([]Role{RoleAdmin}, p) {
			t.Errorf("admin lacks %s", p)
		}
	}
	if Can(AllRoles()[:len(AllRoles())-1], "no.such") {
		t.Error("a role holds an unknown permission")
	}
}

// TestRoleMatrixUnchanged: the matrix built from Modules() is the one
// roles.go spelt out before modules existed, grant for grant.
func TestRoleMatrixUnchanged(t *testing.T) {
	all := []Role{RoleReception, RoleSales, RoleAftersales, RoleAccounts, RolePayroll, RoleWarehouse, RoleAdmin}
	want := map[Permission][]Role{
		PermCompanyRead:    all,
		PermCompanyWrite:   {},
		PermLedgerRead:     {RoleAccounts},
		PermLedgerPost:     {RoleAccounts},
		PermPeriodLock:     {RoleAccounts},
		PermStoreAdmin:     {RoleAccounts},
		PermUsersManage:    {},
		PermAuditRead:      {RoleAccounts},
		PermCustomersRead:  {RoleReception, RoleSales, RoleAftersales, RoleAccounts},
		PermCustomersWrite: {RoleReception, RoleSales, RoleAccounts},
		PermItemsWrite:     {RoleSales, RoleWarehouse},
		PermSalesRead:      {RoleSales, RoleAccounts},
		PermSalesWrite:     {RoleSales},
		PermPaymentsWrite:  {RoleSales, RoleAccounts},
		PermReception:      {RoleReception, RoleSales, RoleAftersales},
		PermInquiryQuote:   {RoleReception, RoleSales},
		PermPayables:       {RoleAccounts},
		PermBank:           {RoleAccounts},
		PermAftersales:     {RoleAftersales},
		PermPayroll:        {RolePayroll},
		PermWarehouse:      {RoleWarehouse},
	}
	if !slices.Equal(AllRoles(), all) {
		t.Errorf("AllRoles %v, want %v", AllRoles(), all)
	}
	if len(Permissions()) != len(want) {
		t.Errorf("%d permissions, want %d", len(Permissions()), len(want))
	}
	for p, roles := range want {
		for _, r := range all {
			if got, w := Can([]Role{r}, p), r == RoleAdmin || slices.Contains(roles, r); got != w {
				t.Errorf("Can(%s, %s) = %v, want %v", r, p, got, w)
			}
		}
	}
}

// TestBuildMatrixRefusesMistakes: a permission granted twice, a role of two
// modules, a grant to a role nobody brings, a module ID twice: each panics.
func TestBuildMatrixRefusesMistakes(t *testing.T) {
	for name, mods := range map[string][]Module{
		"granted twice": {{ID: "a", Roles: []Role{RoleSales}, Grants: []Grant{{Perm: PermSalesRead}}}, {ID: "b", Grants: []Grant{{Perm: PermSalesRead}}}},
		"role twice":    {{ID: "a", Roles: []Role{RoleSales}}, {ID: "b", Roles: []Role{RoleSales}}},
		"unknown role":  {{ID: "a", Grants: []Grant{{Perm: PermSalesRead, Roles: []Role{RoleSales}}}}},
		"ID twice":      {{ID: "a"}, {ID: "a"}},
		"empty perm":    {{ID: "a", Grants: []Grant{{}}}},
		"empty ID":      {{ID: ""}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			buildMatrix(mods)
		}()
	}
}
