package screens

import (
	"context"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// auditPageSize is how many audit entries one fetch brings; the table asks
// only for the pages it shows.
const auditPageSize = 200

// auditView is the Audit tab (admin, accounts): the audit trail newest first,
// filtered by user, entity and dates, exportable as CSV.
type auditView struct {
	deps kit.Deps
	win  fyne.Window

	filter app.AuditFilter
	rows   *kit.PagedRows[app.AuditEntry]

	user, from, to *widget.Entry
	entity         *widget.SelectEntry
	countText      *widget.Label
	table          *widget.Table
}

func newAuditView(d kit.Deps, w fyne.Window) *auditView {
	return &auditView{deps: d, win: w, rows: kit.NewPagedRows[app.AuditEntry](auditPageSize, d, w)}
}

// auditColumns are the columns of the audit table and of the CSV export.
var auditColumns = []kit.Column{
	{Key: "audit.col.seq", Fallback: "No.", Width: 70},
	{Key: "audit.col.time", Fallback: "Time", Width: 180},
	{Key: "audit.col.user", Fallback: "User", Width: 110},
	{Key: "audit.col.action", Fallback: "Action", Width: 120},
	{Key: "audit.col.entity", Fallback: "Entity", Width: 100},
	{Key: "audit.col.id", Fallback: "ID", Width: 130},
	{Key: "audit.col.summary", Fallback: "Summary", Width: 520},
}

// auditEntities are the kinds of records the trail names, offered (by
// their translated names) in the entity filter; any other text works too.
var auditEntities = []string{"account", "appointment", "bank", "bank_mapping", "company", "credit_note", "customer", "database",
	"entry", "inquiry", "invoice", "item", "order", "payment", "period", "purchase", "quote", "supplier_payment", "user", "visit", "year"}

// auditActions are the actions the store writes to the trail.
var auditActions = []string{"backup", "cancel", "check_in", "check_out", "close", "confirm", "convert", "create", "delete", "ignore",
	"import", "issue", "lock", "login", "login.failed", "login.refused", "migrate", "pay", "post", "post.batch", "record", "refund", "reopen",
	"restore", "reverse", "save", "status", "unlock", "update"}

// auditActionName is the translated name of an audit action ("post" →
// "zaúčtování"); an action without a translation shows readably.
func auditActionName(a string) string { return lang.X("audit.action."+a, readableID(a)) }

// auditEntityName is the translated name of the kind of record an entry is about.
func auditEntityName(e string) string { return lang.X("audit.entity."+e, readableID(e)) }

// readableID writes an identifier for a person: "check_in" → "check in".
func readableID(id string) string { return strings.NewReplacer("_", " ", ".", " ").Replace(id) }

// auditEntityOf reads the entity filter: a translated name as the list
// offers it, or an entity's identifier typed in.
func auditEntityOf(text string) string {
	text = strings.TrimSpace(text)
	for _, e := range auditEntities {
		if strings.EqualFold(text, auditEntityName(e)) {
			return e
		}
	}
	return strings.ToLower(text)
}

// auditSummary is an entry's summary in the UI language: from its
// translation key and arguments (AuditEntry.Summary). Entries written before
// summaries had keys are English text; the one shape of them that names raw
// statuses (an inquiry's "new → in_progress") is rewritten in words. Fyne's
// UI font has no arrows: its fallback font draws "→", but a space after it
// falls into that font too, which has no space, and shows as "�" — so a
// stored arrow shows as "->".
func auditSummary(e app.AuditEntry) string {
	if e.Key != "" {
		return e.Summary(kit.Translator())
	}
	s := e.Text
	if e.Entity == "inquiry" && e.Action == "status" {
		if from, to, ok := strings.Cut(s, " → "); ok {
			return lang.X("audit.inquiry_status", "status changed from “{{.from}}” to “{{.to}}”",
				map[string]any{"from": kit.InquiryStatusName(app.InquiryStatus(from)), "to": kit.InquiryStatusName(app.InquiryStatus(to))})
		}
	}
	return strings.ReplaceAll(s, "→", "->")
}

func (v *auditView) buildUI() fyne.CanvasObject {
	v.user = widget.NewEntry()
	v.user.SetPlaceHolder(lang.X("audit.any_user", "any user"))
	names := make([]string, len(auditEntities))
	for i, e := range auditEntities {
		names[i] = auditEntityName(e)
	}
	sort.Strings(names)
	v.entity = widget.NewSelectEntry(names)
	v.entity.SetPlaceHolder(lang.X("audit.any_entity", "any"))
	v.from = widget.NewEntry()
	v.from.SetPlaceHolder(kit.DatePlaceholder())
	v.to = widget.NewEntry()
	v.to.SetPlaceHolder(kit.DatePlaceholder())
	for _, e := range []*widget.Entry{v.user, v.from, v.to, &v.entity.Entry} {
		e.OnSubmitted = func(string) { v.apply() }
	}
	apply := widget.NewButtonWithIcon(lang.X("journal.apply", "Apply"), theme.SearchIcon(), v.apply)
	apply.Importance = widget.HighImportance
	clear := widget.NewButtonWithIcon(lang.X("journal.clear", "Clear"), theme.ContentClearIcon(), v.clear)
	export := widget.NewButtonWithIcon(lang.X("audit.export", "Export CSV…"), theme.DocumentSaveIcon(), v.exportCSV)
	v.countText = widget.NewLabel("")

	filters := container.NewHBox(
		widget.NewLabel(lang.X("audit.user", "User")), kit.Sized(v.user, 110),
		widget.NewLabel(lang.X("audit.entity", "Entity")), kit.Sized(v.entity, 130),
		widget.NewLabel(lang.X("journal.from", "From")), kit.Sized(v.from, 120),
		widget.NewLabel(lang.X("journal.to", "To")), kit.Sized(v.to, 120),
		apply, clear)
	bar := container.NewBorder(nil, nil, nil, export, filters)

	v.table = kit.NewColumnTable(auditColumns, func() int { return v.rows.Count }, v.updateCell, nil)
	v.rows.Table = v.table
	v.reload()
	return container.NewBorder(bar, v.countText, nil, nil, v.table)
}

// readFilter reads the filter bar; a wrong date names its field.
func (v *auditView) readFilter() (app.AuditFilter, error) {
	f := app.AuditFilter{User: app.NormalizeUserName(v.user.Text), Entity: auditEntityOf(v.entity.Text)}
	var err error
	if f.From, err = kit.ParseOptionalDate(v.from.Text, "filter.from"); err != nil {
		return f, err
	}
	if f.To, err = kit.ParseOptionalDate(v.to.Text, "filter.to"); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	return f, nil
}

// apply reads the filter bar; a wrong date is shown and nothing changes.
func (v *auditView) apply() {
	f, err := v.readFilter()
	if err != nil {
		kit.ShowError(err, v.win)
		return
	}
	v.filter = f
	v.reload()
}

// clear empties the filter bar and shows the whole trail.
func (v *auditView) clear() {
	for _, e := range []*widget.Entry{v.user, v.from, v.to} {
		e.SetText("")
	}
	v.entity.SetText("")
	v.filter = app.AuditFilter{}
	v.reload()
}

// reload counts the entries of the filter and drops the cached pages.
func (v *auditView) reload() {
	f, svc := v.filter, v.deps.Services.Audit
	gen := v.rows.Reset(func(ctx context.Context, offset, limit int) ([]app.AuditEntry, int, error) {
		es, err := svc.AuditPage(ctx, f, offset, limit)
		return es, -1, err
	})
	kit.Call(v.deps, kit.To{Win: v.win, Stale: func() bool { return gen != v.rows.Gen }}, func(ctx context.Context) (int, error) {
		return svc.AuditCount(ctx, f)
	}, func(n int) {
		v.rows.Count = n
		v.countText.SetText(kit.Plural("audit.count", n, "{{.n}} entry", "{{.n}} entries", nil))
		v.table.Refresh()
	})
}

func (v *auditView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	v.rows.Updating = true
	defer func() { v.rows.Updating = false }()
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	e, ok := v.rows.Row(id.Row)
	if !ok {
		l.SetText("…")
		return
	}
	text := ""
	switch id.Col {
	case 0:
		text = app.FormatMinor(int64(e.Seq), 0, kit.UILang)
	case 1:
		text = formatTimeSeconds(e.Time)
	case 2:
		text = e.User
	case 3:
		text = auditActionName(e.Action)
	case 4:
		text = auditEntityName(e.Entity)
	case 5:
		text = e.EntityID
	case 6:
		text = auditSummary(e)
	}
	l.SetText(text)
}

// formatTimeSeconds writes an instant in local time with seconds: audit
// entries of one minute must stay apart.
func formatTimeSeconds(t time.Time) string {
	t = t.Local()
	return app.DateOf(t).Format(kit.UILang) + " " + t.Format("15:04:05")
}

// exportCSV asks where to save the entries of the current filter.
func (v *auditView) exportCSV() {
	f, err := v.readFilter()
	if err != nil {
		kit.ShowError(err, v.win)
		return
	}
	name := "kontor-audit-" + v.deps.Clock().Now().Format("2006-01-02") + ".csv"
	kit.SaveFileAs(v.win, name, ".csv", func(path string) { v.runExport(f, path) })
}

// runExport writes the CSV in the background with a progress dialog.
func (v *auditView) runExport(f app.AuditFilter, path string) {
	bar := widget.NewProgressBar()
	wait := dialog.NewCustom(lang.X("audit.exporting", "Exporting the audit trail…"), lang.X("action.cancel", "Cancel"), bar, v.win)
	stop := &kit.Stop{}
	wait.SetOnClosed(stop.Stop) // Cancel was pressed (or the job is over)
	wait.Show()
	header := make([]string, len(auditColumns))
	for i, c := range auditColumns {
		header[i] = lang.X(c.Key, c.Fallback)
	}
	l := kit.UILang
	svc := v.deps.Services.Audit
	kit.Job(v.deps, kit.To{Stop: stop}, func(ctx context.Context, progress func(done, total int)) (int, error) {
		return exportAudit(ctx, svc, f, path, l, header, progress)
	}, func(done, total int) {
		if total > 0 {
			bar.SetValue(float64(done) / float64(total))
		}
	}, func(n int, err error) {
		if stop.Stopped() {
			return
		}
		wait.Hide()
		if err != nil {
			kit.ShowError(err, v.win)
			return
		}
		dialog.ShowInformation(lang.X("audit.export_title", "Audit export"),
			kit.Plural("audit.exported", n, "{{.n}} entry is saved in {{.path}}.", "{{.n}} entries are saved in {{.path}}.", map[string]any{"path": path}), v.win)
	})
}

// exportAudit writes every entry matching f to path, newest first, paging
// through the store; a failed export leaves no half-written file behind.
func exportAudit(ctx context.Context, svc app.AuditService, f app.AuditFilter, path string, l app.Lang, header []string, progress func(done, total int)) (int, error) {
	total, err := svc.AuditCount(ctx, f)
	if err != nil {
		return 0, err
	}
	var n int
	err = kit.WriteFileAtomic(path, func(file *os.File) error {
		var werr error
		n, werr = writeAuditPages(ctx, svc, f, file, l, header, total, progress)
		return werr
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// writeAuditPages pages through the trail into w. Entries that arrive during
// the export shift the newest-first pages; skipping any sequence number not
// below the last one written keeps each entry once.
func writeAuditPages(ctx context.Context, svc app.AuditService, f app.AuditFilter, w io.Writer, l app.Lang, header []string, total int, progress func(done, total int)) (int, error) {
	out, err := newAuditCSV(w, l, header)
	if err != nil {
		return 0, app.Internal("writing the CSV", err)
	}
	n, offset := 0, 0
	last := ^uint64(0)
	for {
		if err := ctx.Err(); err != nil {
			return n, app.Errorf(app.EINVALID, "err.cancelled", "cancelled", nil)
		}
		page, err := svc.AuditPage(ctx, f, offset, 500)
		if err != nil {
			return n, err
		}
		var fresh []app.AuditEntry
		for _, e := range page {
			if e.Seq < last {
				fresh = append(fresh, e)
				last = e.Seq
			}
		}
		if err := out.write(fresh); err != nil {
			return n, app.Internal("writing the CSV", err)
		}
		n += len(fresh)
		offset += len(page)
		if progress != nil {
			progress(n, total)
		}
		if len(page) < 500 {
			break
		}
	}
	if err := out.flush(); err != nil {
		return n, app.Internal("writing the CSV", err)
	}
	return n, nil
}
