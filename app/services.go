package app

import (
	"context"
	"time"
)

// CompanyService keeps the one company of a database.
type CompanyService interface {
	// Company returns the company; ENOTFOUND before the first-run wizard.
	Company(ctx context.Context) (Company, error)
	// CreateCompany creates the company and its chart of accounts (c.Chart) in
	// one transaction; ECONFLICT if one exists.
	CreateCompany(ctx context.Context, c Company) (Company, error)
	// UpdateCompany replaces the settings; the chart cannot change once created.
	UpdateCompany(ctx context.Context, c Company) (Company, error)
}

// LedgerService is the double-entry ledger. PostEntry is the one way into the
// journal: every module that moves money or stock goes through it.
type LedgerService interface {
	Accounts(ctx context.Context) ([]Account, error)
	// SaveAccount adds an account or renames one (its code and type are fixed
	// once it has lines).
	SaveAccount(ctx context.Context, a Account) (Account, error)
	// PostEntry validates, numbers and stores the entry and updates the running
	// balances in one transaction.
	PostEntry(ctx context.Context, e Entry) (Entry, error)
	// PostEntries posts many entries in one transaction: all or none (imports).
	PostEntries(ctx context.Context, es []Entry) error
	Entry(ctx context.Context, id string) (Entry, error)
	// JournalCount and JournalPage serve a virtualised list of journal lines in
	// date order.
	JournalCount(ctx context.Context, f JournalFilter) (int, error)
	JournalPage(ctx context.Context, f JournalFilter, offset, limit int) ([]JournalLine, error)
	// Balances returns every account's movement from the first day of from to
	// the last day of to, read from the running balances, never the journal.
	Balances(ctx context.Context, from, to Month) ([]AccountBalance, error)
	SetPeriodLock(ctx context.Context, m Month, locked bool) error
	LockedPeriods(ctx context.Context) ([]Month, error)
}

// Problem is one finding of a consistency check, in words a person can act on.
type Problem struct {
	Key  string         `json:"key"`
	Msg  string         `json:"msg"`
	Args map[string]any `json:"args,omitempty"`
}

// Text returns the problem in the translator's language (English for nil).
func (p Problem) Text(t Translator) string {
	return ErrorMessage(&Error{Code: EINTERNAL, Key: p.Key, Msg: p.Msg, Args: p.Args}, t)
}

// StoreService is what the front ends know of the database file itself.
type StoreService interface {
	Path() string
	// LastBackup is the time of the newest automatic or manual backup (zero if none).
	LastBackup() time.Time
	// Backup writes a consistent copy of the open database to dst (temp file,
	// fsync, check, rename), safe while others read and write. dst may be an
	// earlier Kontor backup or empty; anything else only with opts.Force.
	Backup(ctx context.Context, dst string, opts BackupOptions) error
	// Check verifies the file and Kontor's invariants; an empty list is
	// healthy. It reports progress to the ProgressFunc ctx carries (WithProgress).
	Check(ctx context.Context) ([]Problem, error)
	// CheckAgainst is Check plus the proof that the audit trail only grew
	// since the backup at path was made.
	CheckAgainst(ctx context.Context, backup string) ([]Problem, error)
}

// BackupOptions tune StoreService.Backup.
type BackupOptions struct {
	// Force lets the backup replace a file that is not a Kontor backup.
	Force bool
}

// Services bundles what a front end needs.
type Services struct {
	Company  CompanyService
	Ledger   LedgerService
	Reverser EntryReverser
	Store    StoreService
	Users    UserService
	Audit    AuditService

	Customers CustomerService
	Importer  CustomerImporter
	PriceList PriceListService
	Sales     SalesService
	Reception ReceptionService

	Payables   PayablesService
	Bank       BankService
	Reports    ReportService
	VAT        VATPostingService
	Closer     YearCloser
	Warehouse  WarehouseService
	Payroll    PayrollService
	AfterSales AfterSalesService

	Clock Clock
}
