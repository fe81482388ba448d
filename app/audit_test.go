package app

import (
	"encoding/json"
	"reflect"
	"testing"
)

type czechAudit struct{}

func (czechAudit) Lang() Lang { return Czech }
func (czechAudit) Translate(key, fallback string, args map[string]any) string {
	texts := map[string]string{
		"audit.issue":                "{{.number}} pro {{.customer}}, {{.total}}, DUZP {{.date}}, {{.lines}} řádky, stav {{.status}}",
		"inquiry.status.in_progress": "rozpracovaná",
	}
	if s, ok := texts[key]; ok {
		return renderTemplate(s, args)
	}
	return renderTemplate(fallback, args)
}

// An audit summary is stored as a key with typed arguments and shown in the
// reader's language, money and dates in its format; the English text stays
// for readers without translations, and the arguments read back from JSON
// exactly as written (the entry's hash covers them).
func TestAuditSummaryIsTranslated(t *testing.T) {
	const english = "{{.number}} for {{.customer}}, {{.total}}, DUZP {{.date}}, {{.lines}} lines, status {{.status}}"
	args := AuditArgs{
		"number": AText("FV2026-0042"), "customer": AText("Kavárna {{U koně}}"), "total": AMoney(M(1435900, "CZK")),
		"date": ADate(D(2026, 11, 28)), "lines": AInt(3), "status": ALabel("inquiry.status.in_progress", "in progress"),
	}
	e := AuditEntry{Key: "audit.issue", Args: args, Text: AuditText(english, args)}
	if want := "FV2026-0042 for Kavárna {{U koně}}, CZK\u00a014,359.00, DUZP 28 Nov 2026, 3 lines, status in progress"; e.Text != want {
		t.Errorf("English text %q\nwant        %q", e.Text, want)
	}
	if got := e.Summary(nil); got != e.Text {
		t.Errorf("without a translator: %q", got)
	}
	if got, want := e.Summary(czechAudit{}), "FV2026-0042 pro Kavárna {{U koně}}, 14\u00a0359,00\u00a0Kč, DUZP 28.\u00a011.\u00a02026, 3 řádky, stav rozpracovaná"; got != want {
		t.Errorf("Czech %q\nwant  %q", got, want)
	}
	raw, _ := json.Marshal(e)
	var back AuditEntry
	if err := json.Unmarshal(raw, &back); err != nil || !reflect.DeepEqual(back, e) {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	again, _ := json.Marshal(back)
	if string(again) != string(raw) {
		t.Fatalf("JSON changed on the way back:\n%s\n%s", raw, again)
	}
	// An entry written before keys existed shows its text, and a key the
	// translator lacks falls back to the stored English (braces and all).
	old := AuditEntry{Text: "signed in"}
	if got := old.Summary(czechAudit{}); got != "signed in" {
		t.Errorf("old entry %q", got)
	}
	unknown := AuditEntry{Key: "audit.new_in_a_later_version", Text: "{{weird}} text"}
	if got := unknown.Summary(czechAudit{}); got != "{{weird}} text" {
		t.Errorf("unknown key %q", got)
	}
	unknown.Args = AuditArgs{"n": AInt(2)}
	if got := unknown.Summary(czechAudit{}); got != "{{weird}} text" {
		t.Errorf("unknown key with arguments %q", got)
	}
}
