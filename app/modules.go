package app

// Modules lists Kontor's modules: the roles each brings and who holds each
// of its permissions (see Module). A new module is one line here; the
// modules still to come (aftersales, payroll, warehouse) have their role
// and one permission already, which their placeholder tabs are shown by.
// Admin, brought by the core, holds every permission.
func Modules() []Module {
	return []Module{
		{ID: "reception", Roles: []Role{RoleReception}, Grants: []Grant{
			{Perm: PermReception, Roles: []Role{RoleReception, RoleSales, RoleAftersales}},
			// The people who work an inquiry turn it into a quote: the desk
			// drafts it (the inquiry's topic, no price), sales prices and
			// issues it.
			{Perm: PermInquiryQuote, Roles: []Role{RoleReception, RoleSales}},
		}},
		{ID: "customers", Grants: []Grant{
			{Perm: PermCustomersRead, Roles: []Role{RoleReception, RoleSales, RoleAftersales, RoleAccounts}},
			{Perm: PermCustomersWrite, Roles: []Role{RoleReception, RoleSales, RoleAccounts}}, // accounts keep the suppliers
		}},
		{ID: "sales", Roles: []Role{RoleSales}, Grants: []Grant{
			{Perm: PermItemsWrite, Roles: []Role{RoleSales, RoleWarehouse}},
			{Perm: PermSalesRead, Roles: []Role{RoleSales, RoleAccounts}},
			{Perm: PermSalesWrite, Roles: []Role{RoleSales}},
			{Perm: PermPaymentsWrite, Roles: []Role{RoleSales, RoleAccounts}},
		}},
		{ID: "aftersales", Roles: []Role{RoleAftersales}, Grants: []Grant{
			{Perm: PermAftersales, Roles: []Role{RoleAftersales}},
		}},
		{ID: "accounts", Roles: []Role{RoleAccounts}, Grants: []Grant{
			{Perm: PermLedgerRead, Roles: []Role{RoleAccounts}},
			{Perm: PermLedgerPost, Roles: []Role{RoleAccounts}},
			{Perm: PermPeriodLock, Roles: []Role{RoleAccounts}},
		}},
		{ID: "payables", Grants: []Grant{
			{Perm: PermPayables, Roles: []Role{RoleAccounts}},
			{Perm: PermBank, Roles: []Role{RoleAccounts}},
		}},
		{ID: "payroll", Roles: []Role{RolePayroll}, Grants: []Grant{
			{Perm: PermPayroll, Roles: []Role{RolePayroll}},
		}},
		{ID: "warehouse", Roles: []Role{RoleWarehouse}, Grants: []Grant{
			{Perm: PermWarehouse, Roles: []Role{RoleWarehouse}},
		}},
		// The core: the company, users, the store and its audit trail.
		{ID: "core", Roles: []Role{RoleAdmin}, Grants: []Grant{
			{Perm: PermCompanyRead, Everyone: true}, // names, VAT rates
			{Perm: PermCompanyWrite},                // settings: admin only
			{Perm: PermUsersManage},
			{Perm: PermStoreAdmin, Roles: []Role{RoleAccounts}}, // check, backup
			{Perm: PermAuditRead, Roles: []Role{RoleAccounts}},
		}},
	}
}
