package aftersales

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
	"kontor/kittest"
)

// TestAttachments: a file over 5 MiB and a text file are refused, each
// with the reason shown in red under the attachments and nothing stored;
// a PNG photo is stored, listed, and saved back byte for byte.
func TestAttachments(t *testing.T) {
	s := newASStore(t)
	tk, err := s.db.SaveTicket(s.db.Ctx, s.complaint("Prasklý kryt", app.D(2026, 11, 19)))
	if err != nil {
		t.Fatal(err)
	}
	a := openTab(t, s.db)
	a.v.openTicket(tk.ID)
	d := a.v.detail

	big := append([]byte("\x89PNG\r\n\x1A\n"), make([]byte, app.MaxAttachmentBytes)...)
	d.attach("fotka-šrotu.png", big)
	if !d.fileErr.Visible() || !strings.Contains(d.fileErr.Text, "at most 5242880 bytes") {
		t.Errorf("too large: visible %v %q", d.fileErr.Visible(), d.fileErr.Text)
	}
	d.attach("poznámka.txt", []byte("jen text"))
	if !d.fileErr.Visible() || !strings.Contains(d.fileErr.Text, "neither a photo") || !strings.Contains(d.fileErr.Text, "poznámka.txt") {
		t.Errorf("unknown type: %q", d.fileErr.Text)
	}
	if got, _ := s.db.Ticket(s.db.Ctx, tk.ID); len(got.Attachments) != 0 {
		t.Fatalf("refused files stored: %+v", got.Attachments)
	}

	png := append([]byte("\x89PNG\r\n\x1A\n"), bytes.Repeat([]byte("Ž"), 1000)...)
	d.attach("kryt zepředu.png", png)
	if d.fileErr.Visible() {
		t.Errorf("a good file left the refusal shown: %q", d.fileErr.Text)
	}
	contains(t, "attachments", kittest.Texts(a.v.UI()), "kryt zepředu.png · 1 kB")
	path := filepath.Join(t.TempDir(), "kopie.png")
	d.saveAttachment(d.t.Attachments[0], path)
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, png) {
		t.Errorf("saved copy differs (%d bytes, %v)", len(got), err)
	}
}
