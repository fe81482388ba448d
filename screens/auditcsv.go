package screens

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"kontor/app"
)

// auditCSV writes audit entries as CSV a spreadsheet opens as it is: UTF-8
// with a byte-order mark (Excel otherwise guesses the ANSI code page and
// mangles Czech letters), ";" between fields in Czech (where "," is the
// decimal comma) and "," in English, one header row.
type auditCSV struct {
	w *csv.Writer
}

// newAuditCSV writes the BOM and the header row.
func newAuditCSV(w io.Writer, l app.Lang, header []string) (*auditCSV, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ','
	if l == app.Czech {
		cw.Comma = ';'
	}
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return nil, err
	}
	return &auditCSV{w: cw}, nil
}

// write appends entries as the Audit tab shows them (actions, entities and
// summaries in the UI language), times in local time. Entries carry no password
// hashes; the chain hashes stay out too, `kontor check` verifies them.
func (c *auditCSV) write(entries []app.AuditEntry) error {
	for _, e := range entries {
		rec := []string{
			strconv.FormatUint(e.Seq, 10),
			e.Time.Local().Format("2006-01-02 15:04:05"),
			e.User, auditActionName(e.Action), auditEntityName(e.Entity), e.EntityID, auditSummary(e),
		}
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		if err := c.w.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// flush writes what is buffered and reports any write error.
func (c *auditCSV) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvSafe keeps a spreadsheet from running a cell as a formula (a summary
// may quote what a user typed, e.g. a company name starting with "=").
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
