package kit

import (
	"net/url"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// EscEntry is an entry that reports Esc: Fyne hands keys to the focused
// widget only, so a dialog learns of Esc through the entry the user is in.
type EscEntry struct {
	widget.Entry
	OnEsc func()
}

// NewEscEntry returns a single-line escEntry.
func NewEscEntry() *EscEntry {
	e := &EscEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs onEsc for Esc and edits as an entry otherwise.
func (e *EscEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEsc != nil {
		e.OnEsc()
		return
	}
	e.Entry.TypedKey(k)
}

// EntryOf returns the plain entry of an input (an *widget.Entry, *escEntry
// or *widget.SelectEntry).
func EntryOf(o fyne.CanvasObject) *widget.Entry {
	switch v := o.(type) {
	case *widget.Entry:
		return v
	case *EscEntry:
		return &v.Entry
	case *widget.SelectEntry:
		return &v.Entry
	}
	return nil
}

// SearchDelay is how long typing must pause before a search runs; tests set 0.
var SearchDelay = 150 * time.Millisecond

// Debouncer runs the last of a burst of calls once typing pauses.
type Debouncer struct {
	mu    sync.Mutex
	timer *time.Timer
	gen   int
}

// Do schedules f (on the UI thread) after searchDelay, dropping earlier calls.
func (d *Debouncer) Do(f func()) {
	if SearchDelay <= 0 {
		f()
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen++
	gen := d.gen
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(SearchDelay, func() {
		d.mu.Lock()
		current := gen == d.gen
		d.mu.Unlock()
		if current {
			fyne.Do(f)
		}
	})
}

// OpenFile shows a written file in the system viewer. It runs in a goroutine:
// some desktops block while the viewer starts. Tests replace it.
var OpenFile = func(path string) {
	go func() {
		if a := fyne.CurrentApp(); a != nil {
			if u, err := url.Parse(storage.NewFileURI(path).String()); err == nil {
				_ = a.OpenURL(u)
			}
		}
	}()
}

// DocKindName is the translated name of a document kind.
func DocKindName(k app.DocKind) string {
	switch k {
	case app.KindQuote:
		return lang.X("doc.kind.quote", "Quote")
	case app.KindOrder:
		return lang.X("doc.kind.order", "Order")
	case app.KindCreditNote:
		return lang.X("doc.kind.credit_note", "Credit note")
	}
	return lang.X("doc.kind.invoice", "Invoice")
}

// DocStatusName is the translated name of a document status.
func DocStatusName(s app.DocStatus) string {
	switch s {
	case app.StatusDraft:
		return lang.X("doc.status.draft", "draft")
	case app.StatusIssued:
		return lang.X("doc.status.issued", "issued")
	case app.StatusAccepted:
		return lang.X("doc.status.accepted", "accepted")
	case app.StatusInvoiced:
		return lang.X("doc.status.invoiced", "invoiced")
	case app.StatusPartlyPaid:
		return lang.X("doc.status.partly_paid", "partly paid")
	case app.StatusPaid:
		return lang.X("doc.status.paid", "paid")
	case app.StatusOverdue:
		return lang.X("doc.status.overdue", "overdue")
	case app.StatusCredited:
		return lang.X("doc.status.credited", "credited")
	}
	return string(s)
}

// StatusImportance colours a status: overdue stands out, drafts recede.
func StatusImportance(s app.DocStatus) widget.Importance {
	switch s {
	case app.StatusOverdue:
		return widget.DangerImportance
	case app.StatusPaid, app.StatusCredited:
		return widget.SuccessImportance
	case app.StatusPartlyPaid:
		return widget.WarningImportance
	case app.StatusDraft:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// MethodName is the translated name of a payment method.
func MethodName(m string) string {
	if m == app.PayCash {
		return lang.X("pay.cash", "Cash")
	}
	return lang.X("pay.bank", "Bank transfer")
}

// MethodOf maps a translated payment method back to its code.
func MethodOf(name string) string {
	if name == MethodName(app.PayCash) {
		return app.PayCash
	}
	return app.PayBank
}

// LangName is the translated name of a document language.
func LangName(l app.Lang) string {
	if l == app.English {
		return lang.X("lang.en", "English")
	}
	return lang.X("lang.cs", "Czech")
}

// FormatQty writes a quantity for editing in the UI language.
func FormatQty(q app.Qty) string { return strings.ReplaceAll(q.Format(UILang), "\u00a0", " ") }

// FormatPriceInput writes minor units for editing: "1 234,50".
func FormatPriceInput(minor int64, currency string) string {
	return strings.ReplaceAll(app.FormatMinor(minor, app.MinorDigits(currency), UILang), "\u00a0", " ")
}

// ParseOptionalDate reads a date entry; empty is the zero date.
func ParseOptionalDate(text, field string) (app.Date, error) {
	if strings.TrimSpace(text) == "" {
		return app.Date{}, nil
	}
	d, err := app.ParseDate(text)
	if err != nil {
		return d, app.WithField(err, field)
	}
	return d, nil
}
