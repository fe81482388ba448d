package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// TestImportBankRefusesImplausible takes the demo's own statement files and
// edits them the ways a mistyped or tampered file looks: a movement dated
// 01.12.9999 (which used to be posted as entry ID9999-00001 and pay an
// invoice), an amount over 10^12, a closing balance the movements do not
// reach, an ABO header whose turnovers are not its movements'. Each is
// refused naming the line, and nothing is stored: the intact file imports
// all its lines afterwards.
func TestImportBankRefusesImplausible(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	if code, out, errs := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	base := filepath.Join(dir, "kontor-demo-vypis-"+app.DateOf(time.Now()).String()[:7])
	csvData, err := os.ReadFile(base + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	gpcData, err := os.ReadFile(base + ".gpc")
	if err != nil {
		t.Fatal(err)
	}
	// The CSV: account, period, opening and closing balance on lines 1–4,
	// the header on 5, the first movement on 6.
	rows := strings.Split(string(csvData), "\n")
	editCell := func(row, col int, value string) []byte {
		out := append([]string(nil), rows...)
		cells := strings.Split(out[row], ";")
		cells[col] = value
		out[row] = strings.Join(cells, ";")
		return []byte(strings.Join(out, "\n"))
	}
	closing := strings.Split(rows[3], ";")[1]
	// The ABO header's credit turnover: positions 91–104.
	credit, err := strconv.ParseInt(string(gpcData[90:104]), 10, 64)
	if err != nil {
		t.Fatalf("the demo's ABO header: %v", err)
	}
	badGPC := append([]byte(nil), gpcData...)
	copy(badGPC[90:104], fmt.Sprintf("%014d", credit+100))

	tests := []struct {
		name, file string
		data       []byte
		want       []string
	}{
		{"dated 01.12.9999", "year.csv", editCell(5, 1, "01.12.9999"), []string{"line 6:", "9999", "outside the statement's period"}},
		{"over 10^12", "amount.csv", editCell(5, 2, "12 000 000 000,00"), []string{"line 6:", "is over CZK\u00a010,000,000,000.00"}},
		{"closing balance not reached", "balance.csv", editCell(3, 1, strings.Replace(closing, ",", "9,", 1)), []string{"line 4:", "not the closing balance"}},
		{"ABO turnovers", "turnover.gpc", badGPC, []string{"line 1:", "turnovers"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCLI(t, "import", "bank", path, "--db", db)
			if code != 1 || !strings.Contains(errs, "nothing was imported") {
				t.Fatalf("exit %d\n%s\n%s", code, out, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("the refusal %q does not say %q", errs, w)
				}
			}
		})
	}
	code, out, errs := runCLI(t, "import", "bank", base+".csv", "--db", db)
	if code != 0 || !strings.Contains(out, "Imported 7 new lines; skipped 0 lines") {
		t.Fatalf("the intact statement after the refusals: %d\n%s\n%s", code, out, errs)
	}
}
