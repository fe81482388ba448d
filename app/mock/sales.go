package mock

import (
	"context"

	"kontor/app"
)

var _ app.SalesService = (*Sales)(nil)

// Sales is an app.SalesService.
type Sales struct {
	SaveDraftFn        func(ctx context.Context, d app.SalesDoc) (app.SalesDoc, error)
	DeleteDraftFn      func(ctx context.Context, id string) error
	DocumentFn         func(ctx context.Context, id string) (app.SalesDoc, error)
	DocumentByNumberFn func(ctx context.Context, number string) (app.SalesDoc, error)
	DocumentsFn        func(ctx context.Context, f app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error)
	DocRowsFn          func(ctx context.Context, f app.DocFilter, offset, limit int) ([]app.DocRow, int, error)
	ConvertFn          func(ctx context.Context, id string, to app.DocKind) (app.SalesDoc, error)
	IssueFn            func(ctx context.Context, id string) (app.SalesDoc, error)
	NewCreditNoteFn    func(ctx context.Context, invoiceID, reason string) (app.SalesDoc, error)
	RecordPaymentFn    func(ctx context.Context, p app.Payment) (app.Payment, error)
	PaymentsFn         func(ctx context.Context, docID string) ([]app.Payment, error)
}

// SaveDraft calls SaveDraftFn.
func (s *Sales) SaveDraft(ctx context.Context, d app.SalesDoc) (app.SalesDoc, error) {
	return s.SaveDraftFn(ctx, d)
}

// DeleteDraft calls DeleteDraftFn.
func (s *Sales) DeleteDraft(ctx context.Context, id string) error { return s.DeleteDraftFn(ctx, id) }

// Document calls DocumentFn.
func (s *Sales) Document(ctx context.Context, id string) (app.SalesDoc, error) {
	return s.DocumentFn(ctx, id)
}

// DocumentByNumber calls DocumentByNumberFn.
func (s *Sales) DocumentByNumber(ctx context.Context, number string) (app.SalesDoc, error) {
	return s.DocumentByNumberFn(ctx, number)
}

// Documents calls DocumentsFn.
func (s *Sales) Documents(ctx context.Context, f app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error) {
	return s.DocumentsFn(ctx, f, offset, limit)
}

// DocRows calls DocRowsFn.
func (s *Sales) DocRows(ctx context.Context, f app.DocFilter, offset, limit int) ([]app.DocRow, int, error) {
	return s.DocRowsFn(ctx, f, offset, limit)
}

// Convert calls ConvertFn.
func (s *Sales) Convert(ctx context.Context, id string, to app.DocKind) (app.SalesDoc, error) {
	return s.ConvertFn(ctx, id, to)
}

// Issue calls IssueFn.
func (s *Sales) Issue(ctx context.Context, id string) (app.SalesDoc, error) {
	return s.IssueFn(ctx, id)
}

// NewCreditNote calls NewCreditNoteFn.
func (s *Sales) NewCreditNote(ctx context.Context, invoiceID, reason string) (app.SalesDoc, error) {
	return s.NewCreditNoteFn(ctx, invoiceID, reason)
}

// RecordPayment calls RecordPaymentFn.
func (s *Sales) RecordPayment(ctx context.Context, p app.Payment) (app.Payment, error) {
	return s.RecordPaymentFn(ctx, p)
}

// Payments calls PaymentsFn.
func (s *Sales) Payments(ctx context.Context, docID string) ([]app.Payment, error) {
	return s.PaymentsFn(ctx, docID)
}
