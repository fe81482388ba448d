package pdf

import (
	"strings"
	"testing"
)

// TestInvoiceTrace: an invoice line of a serial-numbered or lot-tracked item
// prints its numbers under the line's text, in the document's language.
func TestInvoiceTrace(t *testing.T) {
	d := czkInvoice()
	d.Lines[0].Trace = []string{"MŁ-2026-001", "MŁ-2026-002"}
	d.Lines[1].Trace = []string{"Š-44"}
	p := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	mustContain(t, "Czech invoice", p, "Šarže / výr. č.: MŁ-2026-001, MŁ-2026-002", "Šarže / výr. č.: Š-44")
	p = strings.Join(pages(t, render(t, d, enOpts())), "\f")
	mustContain(t, "English invoice", p, "Lot / serial no.: MŁ-2026-001, MŁ-2026-002")
	if !strings.Contains(p, "Žluťoučký kůň") {
		t.Error("the line's own text is gone")
	}
}
