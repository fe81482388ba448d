package pdf

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
)

// A batch for customers of both languages prints each invoice in its
// customer's language, whatever Options.Lang says.
func TestBatchSpeaksEachCustomersLanguage(t *testing.T) {
	cz, en := czkInvoice(), eurInvoice()
	cz.Lang, en.Lang = app.Czech, app.English
	docs := []app.SalesDoc{cz, en}
	i := 0
	next := func() (app.SalesDoc, error) {
		if i == len(docs) {
			return app.SalesDoc{}, io.EOF
		}
		i++
		return docs[i-1], nil
	}
	path := filepath.Join(t.TempDir(), "mixed.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := RenderBatch(context.Background(), f, next, csOpts(), nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ps := pages(t, path)
	if len(ps) < 2 || !strings.Contains(ps[0], "Faktura – daňový doklad") || !strings.Contains(ps[len(ps)-1], "Invoice – tax document") {
		t.Fatalf("pages: %q …", ps[0][:min(200, len(ps[0]))])
	}
}
