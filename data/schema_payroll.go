package data

import (
	bolt "go.etcd.io/bbolt"
)

// Payroll (issue 14): employees, pay runs and their payslips are records
// (logged); the birth-number index, the runs of each month and each
// employee's running year-to-date are what saving and approving keep
// beside them.
var (
	bEmployees     = []byte("payroll_employees")     // ID → Employee JSON
	bBirthNumbers  = []byte("payroll_birth_numbers") // birth number digits → employee ID
	bPayRuns       = []byte("payroll_runs")          // ID → PayRun JSON (without its payslips)
	bPayRunMonths  = []byte("payroll_run_months")    // YYYYMM 0 run ID → nothing: the runs of a month
	bPayslips      = []byte("payroll_payslips")      // run ID 0 employee ID → Payslip JSON
	bPayYTD        = []byte("payroll_ytd")           // employee ID 0 YYYYMM → ytdRecord JSON: the approved month's running totals
	payrollBuckets = [][]byte{bEmployees, bBirthNumbers, bPayRuns, bPayRunMonths, bPayslips, bPayYTD}
	// bTaxReconciliations: employee ID 0 YYYY → TaxReconciliation JSON
	// (payrollannual.go), added by createTaxReconciliations.
	bTaxReconciliations = []byte("payroll_tax_reconciliations")
)

// Logged kinds of payroll's records.
const (
	changeEmployee byte = 'E' // employee (payroll_employees)
	changePayRun   byte = 'P' // pay run (payroll_runs)
	changePayslip  byte = 'Q' // payslip of a pay run (payroll_payslips; key: run ID 0 employee ID)
	// changeTaxReconciliation: roční zúčtování (payroll_tax_reconciliations; key: employee ID 0 YYYY)
	changeTaxReconciliation byte = 'Z'
)

func init() {
	changeKinds = append(changeKinds, changeEmployee, changePayRun, changePayslip, changeTaxReconciliation)
	for _, l := range []loggedRecords{
		{changeEmployee, bEmployees, nil, "employee"},
		{changePayRun, bPayRuns, nil, "payrun"},
		{changePayslip, bPayslips, nil, "payslip"},
		{changeTaxReconciliation, bTaxReconciliations, nil, "tax_reconciliation"},
	} {
		i := 0
		for i < len(logged) && logged[i].kind < l.kind {
			i++
		}
		logged = append(logged[:i], append([]loggedRecords{l}, logged[i:]...)...)
	}
}

// createPayroll: payroll's buckets. The accounts it posts to (521, 524,
// 331, 336, 342 or the international chart's) are in both preset charts.
func createPayroll(tx *bolt.Tx) error {
	return createBuckets(tx, payrollBuckets...)
}

// createTaxReconciliations: the bucket of the annual tax reconciliations.
func createTaxReconciliations(tx *bolt.Tx) error {
	return createBuckets(tx, bTaxReconciliations)
}
