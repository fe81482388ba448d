package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"kontor/app"
)

// TestRoleMatrix walks every role against every service method and proves
// each role can do what it should and nothing more. A call counts as allowed
// when it is not refused with EUNAUTHORIZED (it may still fail validation).
func TestRoleMatrix(t *testing.T) {
	s, cust := salesStore(t)
	inv, err := s.SaveDraft(ctx, draftInvoice(cust))
	if err != nil {
		t.Fatal(err)
	}
	if inv, err = s.Issue(ctx, inv.ID); err != nil {
		t.Fatal(err)
	}
	e, err := s.PostEntry(ctx, sale(app.D(2026, 3, 3)))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range app.AllRoles() {
		if r == app.RoleAdmin {
			continue
		}
		if _, err := s.CreateUser(ctx, app.NewUser{Name: "u-" + string(r), Roles: []app.Role{r}, Password: testPassword}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateUser(ctx, app.NewUser{Name: "victim", Roles: []app.Role{app.RoleSales}, Password: testPassword}); err != nil {
		t.Fatal(err)
	}
	company, _ := s.Company(ctx)
	backupDir := t.TempDir()
	pur, err := s.RecordPurchase(ctx, purchase(cust.ID, "R-1", app.D(2026, 11, 5)))
	if err != nil {
		t.Fatal(err)
	}
	st := statement(bankLine(10, 100, "1"))
	imported, err := s.ImportBank(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	line := imported.Entries[0].ID

	// Each method with the roles that may call it (admin may call everything).
	all := app.AllRoles()
	acc := []app.Role{app.RoleAccounts}
	custRead := []app.Role{app.RoleReception, app.RoleSales, app.RoleAftersales, app.RoleAccounts}
	custWrite := []app.Role{app.RoleReception, app.RoleSales, app.RoleAccounts} // accounts keep the suppliers
	itemsWrite := []app.Role{app.RoleSales, app.RoleWarehouse}
	salesRead := []app.Role{app.RoleSales, app.RoleAccounts}
	salesWrite := []app.Role{app.RoleSales}
	payWrite := []app.Role{app.RoleSales, app.RoleAccounts}
	desk := []app.Role{app.RoleReception, app.RoleSales, app.RoleAftersales}
	methods := []struct {
		name  string
		roles []app.Role
		call  func(c context.Context) error
	}{
		{"Company", all, func(c context.Context) error { _, err := s.Company(c); return err }},
		{"UpdateCompany", nil, func(c context.Context) error { _, err := s.UpdateCompany(c, company); return err }},
		{"CreateCompany", nil, func(c context.Context) error { _, err := s.CreateCompany(c, company); return err }},
		{"Accounts", acc, func(c context.Context) error { _, err := s.Accounts(c); return err }},
		{"SaveAccount", acc, func(c context.Context) error {
			_, err := s.SaveAccount(c, app.Account{Code: "221001", Name: "Fio", Type: app.Asset})
			return err
		}},
		{"PostEntry", acc, func(c context.Context) error { _, err := s.PostEntry(c, sale(app.D(2026, 3, 3))); return err }},
		{"PostEntries", acc, func(c context.Context) error { return s.PostEntries(c, []app.Entry{sale(app.D(2026, 3, 4))}) }},
		{"Entry", acc, func(c context.Context) error { _, err := s.Entry(c, e.ID); return err }},
		{"JournalCount", acc, func(c context.Context) error { _, err := s.JournalCount(c, app.JournalFilter{}); return err }},
		{"JournalPage", acc, func(c context.Context) error { _, err := s.JournalPage(c, app.JournalFilter{}, 0, 10); return err }},
		{"Balances", acc, func(c context.Context) error {
			_, err := s.Balances(c, app.Month{Year: 2026, Month: 1}, app.Month{Year: 2026, Month: 12})
			return err
		}},
		{"SetPeriodLock", acc, func(c context.Context) error { return s.SetPeriodLock(c, app.Month{Year: 2025, Month: 1}, true) }},
		{"LockedPeriods", acc, func(c context.Context) error { _, err := s.LockedPeriods(c); return err }},
		{"Backup", acc, func(c context.Context) error {
			return s.Backup(c, filepath.Join(backupDir, "b.db"), app.BackupOptions{})
		}},
		{"Check", acc, func(c context.Context) error { _, err := s.Check(c); return err }},
		{"AuditCount", acc, func(c context.Context) error { _, err := s.AuditCount(c, app.AuditFilter{}); return err }},
		{"AuditPage", acc, func(c context.Context) error { _, err := s.AuditPage(c, app.AuditFilter{}, 0, 10); return err }},
		{"Users", nil, func(c context.Context) error { _, err := s.Users(c); return err }},
		{"CreateUser", nil, func(c context.Context) error {
			_, err := s.CreateUser(c, app.NewUser{Name: "x", Roles: []app.Role{app.RoleSales}, Password: "short"})
			return err
		}},
		{"SetRoles", nil, func(c context.Context) error {
			_, err := s.SetRoles(c, "victim", []app.Role{app.RoleSales})
			return err
		}},
		{"ResetPassword", nil, func(c context.Context) error { return s.ResetPassword(c, "victim", testPassword) }},
		{"SetDisabled", nil, func(c context.Context) error { _, err := s.SetDisabled(c, "victim", false); return err }},
		{"ChangePassword", all, func(c context.Context) error { return s.ChangePassword(c, "wrong-old-password", "new-password-1") }},

		{"Customers", custRead, func(c context.Context) error { _, err := s.Customers(c, "", 10); return err }},
		{"Customer", custRead, func(c context.Context) error { _, err := s.Customer(c, cust.ID); return err }},
		{"SaveCustomer", custWrite, func(c context.Context) error { _, err := s.SaveCustomer(c, app.Customer{Name: ""}); return err }},
		{"Items", all, func(c context.Context) error { _, err := s.Items(c); return err }},
		{"SaveItem", itemsWrite, func(c context.Context) error { _, err := s.SaveItem(c, app.Item{}); return err }},
		{"Documents", salesRead, func(c context.Context) error { _, _, err := s.Documents(c, app.DocFilter{}, 0, 10); return err }},
		{"Document", salesRead, func(c context.Context) error { _, err := s.Document(c, inv.ID); return err }},
		{"DocumentByNumber", salesRead, func(c context.Context) error { _, err := s.DocumentByNumber(c, inv.Number); return err }},
		{"SaveDraft", salesWrite, func(c context.Context) error { _, err := s.SaveDraft(c, app.SalesDoc{Kind: "bogus"}); return err }},
		{"DeleteDraft", salesWrite, func(c context.Context) error { return s.DeleteDraft(c, "no-such-draft") }},
		{"Convert", salesWrite, func(c context.Context) error { _, err := s.Convert(c, inv.ID, app.KindOrder); return err }},
		{"Issue", salesWrite, func(c context.Context) error { _, err := s.Issue(c, inv.ID); return err }},
		{"NewCreditNote", salesWrite, func(c context.Context) error { _, err := s.NewCreditNote(c, "no-such-invoice", "x"); return err }},
		{"RecordPayment", payWrite, func(c context.Context) error {
			_, err := s.RecordPayment(c, app.Payment{DocID: inv.ID, Date: app.D(2026, 11, 3), Amount: app.M(0, "CZK")})
			return err
		}},
		{"Payments", salesRead, func(c context.Context) error { _, err := s.Payments(c, inv.ID); return err }},

		{"ReverseEntry", acc, func(c context.Context) error { _, err := s.ReverseEntry(c, "no-such-entry", app.Date{}); return err }},
		{"ImportCustomers", custWrite, func(c context.Context) error { _, err := s.ImportCustomers(c, nil, true); return err }},
		{"CustomerCard", custRead, func(c context.Context) error { _, err := s.CustomerCard(c, cust.ID); return err }},
		{"Staff", all, func(c context.Context) error { _, err := s.Staff(c); return err }},
		{"CheckIn", desk, func(c context.Context) error { _, err := s.CheckIn(c, app.Visit{}); return err }},
		{"CheckOut", desk, func(c context.Context) error { _, err := s.CheckOut(c, "none"); return err }},
		{"Visits", desk, func(c context.Context) error { _, err := s.Visits(c, app.D(2026, 11, 28)); return err }},
		{"InBuilding", desk, func(c context.Context) error { _, err := s.InBuilding(c); return err }},
		{"SaveAppointment", desk, func(c context.Context) error { _, err := s.SaveAppointment(c, app.Appointment{}); return err }},
		{"CancelAppointment", desk, func(c context.Context) error { return s.CancelAppointment(c, "none") }},
		{"Appointments", desk, func(c context.Context) error {
			_, err := s.Appointments(c, testNow, testNow.Add(time.Hour), "")
			return err
		}},
		{"SaveInquiry", desk, func(c context.Context) error { _, err := s.SaveInquiry(c, app.Inquiry{}); return err }},
		{"SetInquiryStatus", desk, func(c context.Context) error { _, err := s.SetInquiryStatus(c, "none", app.InquiryWon, ""); return err }},
		{"Inquiries", desk, func(c context.Context) error { _, err := s.Inquiries(c, true); return err }},

		{"Suppliers", acc, func(c context.Context) error { _, err := s.Suppliers(c, "", 10); return err }},
		{"RecordPurchase", acc, func(c context.Context) error { _, err := s.RecordPurchase(c, app.PurchaseInvoice{}); return err }},
		{"Purchase", acc, func(c context.Context) error { _, err := s.Purchase(c, pur.ID); return err }},
		{"Purchases", acc, func(c context.Context) error { _, _, err := s.Purchases(c, app.PurchaseFilter{}, 0, 10); return err }},
		{"PaySupplier", acc, func(c context.Context) error {
			_, err := s.PaySupplier(c, app.Payment{DocID: pur.ID, Date: app.D(2026, 11, 6), Amount: app.M(0, "CZK")})
			return err
		}},
		{"SupplierPayments", acc, func(c context.Context) error { _, err := s.SupplierPayments(c, pur.ID); return err }},
		{"PreviewBank", acc, func(c context.Context) error { _, err := s.PreviewBank(c, st); return err }},
		{"ImportBank", acc, func(c context.Context) error { _, err := s.ImportBank(c, st); return err }},
		{"BankEntries", acc, func(c context.Context) error { _, err := s.BankEntries(c, true); return err }},
		{"ConfirmBank", acc, func(c context.Context) error {
			_, err := s.ConfirmBank(c, []app.BankPairing{{EntryID: line, Kind: "bogus", DocID: inv.ID}})
			return err
		}},
		{"IgnoreBankEntry", acc, func(c context.Context) error { return s.IgnoreBankEntry(c, "no-such-line") }},
		{"PostBankEntry", acc, func(c context.Context) error { _, err := s.PostBankEntry(c, "no-such-line", "568", ""); return err }},
		{"CloseYear", acc, func(c context.Context) error { _, err := s.CloseYear(c, 2024); return err }},
		{"ReopenYear", acc, func(c context.Context) error { _, err := s.ReopenYear(c, 2024); return err }},
		{"YearClosings", acc, func(c context.Context) error { _, err := s.YearClosings(c); return err }},
		{"BankMapping", acc, func(c context.Context) error { _, _, err := s.BankMapping(c, "Datum;Objem"); return err }},
		{"SaveBankMapping", acc, func(c context.Context) error { return s.SaveBankMapping(c, "", app.CSVMapping{}) }},
		{"BalancesBetween", acc, func(c context.Context) error {
			_, err := s.BalancesBetween(c, app.D(2026, 3, 2), app.D(2026, 3, 20))
			return err
		}},
	}
	users := []app.Role{app.RoleAdmin}
	for _, r := range app.AllRoles() {
		if r != app.RoleAdmin {
			users = append(users, r)
		}
	}
	for _, m := range methods {
		for _, r := range users {
			name := "u-" + string(r)
			if r == app.RoleAdmin {
				name = "admin"
			}
			c := app.WithUser(context.Background(), app.User{Name: name})
			want := r == app.RoleAdmin || hasRole(m.roles, r)
			err := m.call(c)
			got := app.ErrorCode(err) != app.EUNAUTHORIZED
			if got != want {
				t.Errorf("%s as %s: allowed=%v (err %v), want allowed=%v", m.name, r, got, err, want)
			}
		}
		// No user at all, and a user the file does not know, are always refused.
		for _, c := range []context.Context{context.Background(), app.WithUser(context.Background(), app.User{Name: "mallory", Roles: []app.Role{app.RoleAdmin}})} {
			if err := m.call(c); app.ErrorCode(err) != app.EUNAUTHORIZED {
				t.Errorf("%s without a known user: %v, want EUNAUTHORIZED", m.name, err)
			}
		}
	}
}

// Roles are read from the file on every call: a role removed after sign-in
// stops working at once, and so does a disabled user.
func TestRolesAreCheckedAgainstTheStore(t *testing.T) {
	s, _ := MustCompany(t)
	u, err := s.CreateUser(ctx, app.NewUser{Name: "jana", Roles: []app.Role{app.RoleAccounts}, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	jana := app.WithUser(context.Background(), u)
	if _, err := s.Balances(jana, app.Month{Year: 2026, Month: 1}, app.Month{Year: 2026, Month: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetRoles(ctx, "jana", []app.Role{app.RoleReception}); err != nil {
		t.Fatal(err)
	}
	_, err = s.Balances(jana, app.Month{Year: 2026, Month: 1}, app.Month{Year: 2026, Month: 1})
	wantCode(t, err, app.EUNAUTHORIZED, "")
	if _, err := s.SetDisabled(ctx, "jana", true); err != nil {
		t.Fatal(err)
	}
	_, err = s.Company(jana)
	wantCode(t, err, app.EUNAUTHORIZED, "")
}
