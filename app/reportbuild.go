package app

import "context"

// BuildReport gathers what a report needs from the services and lays it out
// in t's language (English for nil) for the period [from, to]; account is the
// account of the general ledger (ReportLedger), ignored otherwise.
func BuildReport(ctx context.Context, svc Services, kind ReportKind, from, to Date, account string, t Translator) (ReportTable, error) {
	// Being written (issue 5): the builders of each report land here.
	return ReportTable{}, Errorf(EINTERNAL, "err.report.unknown", "unknown report {{.value}}", map[string]any{"value": string(kind)})
}
