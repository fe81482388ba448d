package app

import (
	"context"
	"sort"
	"strings"
)

// Role is a job a user does in the office; a user has one or more.
type Role string

// The roles. Admin may do everything, including managing users and settings.
const (
	RoleReception  Role = "reception"
	RoleSales      Role = "sales"
	RoleAftersales Role = "aftersales"
	RoleAccounts   Role = "accounts"
	RolePayroll    Role = "payroll"
	RoleWarehouse  Role = "warehouse"
	RoleAdmin      Role = "admin"
)

// AllRoles lists the roles the modules bring, in the order screens show
// them (Modules' order).
func AllRoles() []Role { return append([]Role{}, matrix.all...) }

// ParseRoles reads "sales,accounts" into sorted, de-duplicated roles and refuses
// unknown names and an empty list.
func ParseRoles(s string) ([]Role, error) {
	var out []Role
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(strings.ToLower(part)); part != "" {
			out = append(out, Role(part))
		}
	}
	return NormalizeRoles(out)
}

// NormalizeRoles checks, sorts and de-duplicates roles.
func NormalizeRoles(roles []Role) ([]Role, error) {
	seen := map[Role]bool{}
	var out []Role
	for _, r := range roles {
		if !r.Valid() {
			return nil, Invalid("user.roles", "err.role.unknown", "“{{.role}}” is not a role (roles: {{.all}})", map[string]any{"role": string(r), "all": rolesText(AllRoles())})
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, Invalid("user.roles", "err.role.none", "a user needs at least one role", nil)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// Valid reports whether r is one of Kontor's roles.
func (r Role) Valid() bool {
	for _, k := range AllRoles() {
		if r == k {
			return true
		}
	}
	return false
}

func rolesText(roles []Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// RolesText writes roles as "accounts, sales".
func RolesText(roles []Role) string { return rolesText(roles) }

// Permission is one thing a service lets a user do.
type Permission string

// The permissions the services check. Modules() says which roles hold each;
// admin holds every permission.
const (
	PermCompanyRead  Permission = "company.read"  // every signed-in user: names, VAT rates
	PermCompanyWrite Permission = "company.write" // settings
	PermLedgerRead   Permission = "ledger.read"   // chart, balances, journal
	PermLedgerPost   Permission = "ledger.post"   // manual journal entries, accounts
	PermPeriodLock   Permission = "ledger.lock"   // locking months
	PermStoreAdmin   Permission = "store.admin"   // check, backup
	PermUsersManage  Permission = "users.manage"  // add, disable, roles, reset passwords
	PermAuditRead    Permission = "audit.read"    // the audit trail

	PermCustomersRead  Permission = "customers.read"  // the customer directory
	PermCustomersWrite Permission = "customers.write" // create and edit customers
	PermItemsWrite     Permission = "items.write"     // the price list (everyone reads it with sales.read or customers.read)
	PermSalesRead      Permission = "sales.read"      // quotes, orders, invoices, credit notes, payments
	PermSalesWrite     Permission = "sales.write"     // drafts, issuing, credit notes
	PermPaymentsWrite  Permission = "payments.write"  // recording payments
	PermReception      Permission = "reception"       // visitors, appointments, inquiries
	PermInquiryQuote   Permission = "inquiries.quote" // turning an inquiry into a draft quote

	PermPayables Permission = "payables" // received invoices, paying suppliers
	PermBank     Permission = "bank"     // bank statement import and pairing

	// The modules still to come; their tabs are placeholders today.
	PermAftersales Permission = "aftersales" // service orders, complaints, warranty repairs
	PermPayroll    Permission = "payroll"    // employees, wages, payslips
	PermWarehouse  Permission = "warehouse"  // stock, receipts, issues
)

// Can reports whether a user with roles holds the permission.
func Can(roles []Role, p Permission) bool {
	for _, r := range roles {
		if r == RoleAdmin {
			return true
		}
		for _, allowed := range matrix.roles[p] {
			if r == allowed {
				return true
			}
		}
	}
	return false
}

type userKey struct{}

// WithUser returns a context carrying the signed-in user; services read it to
// decide what the call may do.
func WithUser(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the signed-in user of ctx.
func UserFrom(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey{}).(User)
	return u, ok && u.Name != ""
}

// Authorize returns nil when ctx's user holds p, EUNAUTHORIZED otherwise.
func Authorize(ctx context.Context, p Permission) error {
	u, ok := UserFrom(ctx)
	if !ok {
		return Errorf(EUNAUTHORIZED, "err.auth.no_user", "sign in first", nil)
	}
	if u.Disabled {
		return Errorf(EUNAUTHORIZED, "err.auth.disabled", "user {{.name}} is disabled", map[string]any{"name": u.Name})
	}
	if !Can(u.Roles, p) {
		return Errorf(EUNAUTHORIZED, "err.auth.denied", "user {{.name}} may not do this ({{.perm}})", map[string]any{"name": u.Name, "perm": string(p)})
	}
	return nil
}
