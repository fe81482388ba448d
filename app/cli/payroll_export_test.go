package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// payslipText is the text of a PDF by pdftotext; the test skips without it.
func payslipText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// approvedNovember is payrollEnv with November 2026 run and approved.
func approvedNovember(t *testing.T) *testEnv {
	t.Helper()
	te, _, _ := payrollEnv(t)
	if code := te.run("payroll", "run", "2026-11"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	return te
}

func TestExportPayslips(t *testing.T) {
	te := approvedNovember(t)
	dir := t.TempDir()

	t.Run("a folder", func(t *testing.T) {
		out := filepath.Join(dir, "výplatnice")
		if code := te.run("export", "payslips", "--month", "2026-11", "--out", out); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !strings.Contains(te.out.String(), "Wrote 2 payslips of 11/2026") {
			t.Errorf("stdout %q", te.out.String())
		}
		files, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
		if len(files) != 2 {
			t.Fatalf("files %v", files)
		}
		var petr string
		for _, f := range files {
			base := filepath.Base(f)
			if !strings.HasPrefix(base, "2026-11_") || strings.Count(base, ".pdf") != 1 {
				t.Errorf("file %s is not named by the month", base)
			}
			if strings.Contains(base, "Dvo") {
				petr = f
			}
		}
		if petr == "" {
			t.Fatalf("no file of Petr Dvořák among %v", files)
		}
		// The worked example of part A: gross 45,000, social 3,195, health
		// 2,025, advance 6,750 − 2,570 − 1,900 = 2,280 … net 36,867.
		text := payslipText(t, petr)
		for _, w := range []string{"Petr Dvořák", "45 000,00", "3 195,00", "2 025,00", "36 867,00"} {
			if !strings.Contains(text, w) {
				t.Errorf("the payslip lacks %q:\n%s", w, text)
			}
		}
		if strings.Contains(text, "Šárka") {
			t.Error("Petr's payslip shows the other employee")
		}
		// Again without --force: refused, nothing replaced.
		expectFail(t, te, te.run("export", "payslips", "--month", "2026-11", "--out", out), "--force")
		if code := te.run("export", "payslips", "--month", "2026-11", "--out", out, "--force"); code != ExitOK {
			t.Errorf("with --force: exit %d: %s", code, te.err.String())
		}
	})

	t.Run("one PDF", func(t *testing.T) {
		out := filepath.Join(dir, "listopad.pdf")
		if code := te.run("export", "payslips", "--month", "2026-11", "--out", out, "--pay-day", "10.12.2026"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		text := payslipText(t, out)
		for _, w := range []string{"Petr Dvořák", "36 867,00", "Šárka Nová", "8 400,00", "7 140,00"} {
			if !strings.Contains(text, w) {
				t.Errorf("the PDF lacks %q:\n%s", w, text)
			}
		}
		if n := strings.Count(text, "\f"); n < 2 {
			t.Errorf("%d pages, want one per payslip", n)
		}
	})

	t.Run("refused", func(t *testing.T) {
		out := filepath.Join(dir, "říjen.pdf")
		expectFail(t, te, te.run("export", "payslips", "--month", "2026-10", "--out", out), "10/2026", "kontor payroll run 2026-10")
		if exists(out) {
			t.Error("a refused export wrote its file")
		}
		for _, args := range [][]string{{"--out", out}, {"--month", "listopad", "--out", out}, {"--month", "2026-11"}, {"--month", "2026-11", "--out", out, "--pay-day", "zítra"}} {
			if code := te.run(append([]string{"export", "payslips"}, args...)...); code != ExitUsage {
				t.Errorf("%v: exit %d", args, code)
			}
		}
		te.as("eva", "eva-heslo-12")
		defer te.as("mzdy", "mzdy-heslo-1")
		if code := te.run("export", "payslips", "--month", "2026-11", "--out", out); code != ExitFailure || exists(out) {
			t.Errorf("the salesman: exit %d", code)
		}
	})
}

func TestExportPaymentOrder(t *testing.T) {
	te := approvedNovember(t)
	dir := t.TempDir()

	t.Run("nets only, ABO", func(t *testing.T) {
		out := filepath.Join(dir, "mzdy.abo")
		if code := te.run("export", "payment-order", "--month", "2026-11", "--out", out, "--nets-only"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		// 36,867 + 7,140 = 44,007 Kč.
		if !strings.Contains(te.out.String(), "2 payments") || !strings.Contains(te.out.String(), "44,007.00") {
			t.Errorf("stdout %q", te.out.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.HasPrefix(s, "UHL1") || !strings.Contains(s, "000000003686700") && !strings.Contains(s, "3686700") {
			t.Errorf("ABO:\n%s", s)
		}
	})

	t.Run("everything, CSV", func(t *testing.T) {
		out := filepath.Join(dir, "odvody.csv")
		// Without the insurers' accounts the order is refused, naming them.
		expectFail(t, te, te.run("export", "payment-order", "--month", "2026-11", "--out", out), "ČSSZ")
		if exists(out) {
			t.Error("a refused order wrote its file")
		}
		code := te.run("export", "payment-order", "--month", "2026-11", "--out", out,
			"--social", "2000145399/0800", "--health", "111=2801234578/2010", "--health", "201=2000145399/0800:123",
			"--tax", "19-2000145399/0800", "--withholding", "19-2000145399/0800")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		b, _ := os.ReadFile(out)
		// Social 3,195 + 11,160 = 14,355 (the DPP is not insured); health
		// of VZP 2,025 + 4,050 = 6,075 (Šárka's 201 owes nothing: no line);
		// the advance 2,913 (no bonus); the DPP's withholding 1,260; in all
		// 44,007 + 14,355 + 6,075 + 2,913 + 1,260 = 68,610. The variable
		// symbol left empty is the IČO.
		for _, w := range []string{
			"Petr Dvořák;Čistá mzda;19-2000145399/0800;36867,00;202611;",
			"Šárka Nová;Čistá mzda;19-2000145399/0800;7140,00;202611;",
			"ČSSZ;Sociální pojištění;2000145399/0800;14355,00;",
			"Všeobecná zdravotní pojišťovna ČR;Zdravotní pojištění;2801234578/2010;6075,00;",
			"Finanční úřad;Zálohy na daň z příjmů;19-2000145399/0800;2913,00;",
			"Finanční úřad;Srážková daň;19-2000145399/0800;1260,00;",
			"Celkem;;;68610,00",
		} {
			if !strings.Contains(string(b), w) {
				t.Errorf("CSV lacks %q:\n%s", w, b)
			}
		}
		if strings.Contains(string(b), "Vojenská") {
			t.Errorf("an insurer owed nothing is paid:\n%s", b)
		}
		if !strings.Contains(te.out.String(), "6 payments") || !strings.Contains(te.out.String(), "68,610.00") {
			t.Errorf("stdout %q", te.out.String())
		}
	})

	t.Run("refused", func(t *testing.T) {
		out := filepath.Join(dir, "x.abo")
		for _, args := range [][]string{
			{"--month", "2026-11", "--out", filepath.Join(dir, "x.txt")},
			{"--month", "2026-11", "--out", out, "--social", "12345"},
			{"--month", "2026-11", "--out", out, "--health", "999=19-2000145399/0800"},
			{"--month", "2026-11", "--out", out, "--format", "xml"},
		} {
			if code := te.run(append([]string{"export", "payment-order"}, args...)...); code != ExitUsage {
				t.Errorf("%v: exit %d", args, code)
			}
		}
		if exists(out) {
			t.Error("a refused order wrote its file")
		}
	})
}

func TestExportPayrollRegisterAndJMHZ(t *testing.T) {
	te := approvedNovember(t)
	dir := t.TempDir()

	pdfOut := filepath.Join(dir, "register.pdf")
	if code := te.run("export", "payroll-register", "--month", "2026-11", "--out", pdfOut); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	text := payslipText(t, pdfOut)
	for _, w := range []string{"Petr Dvořák", "Šárka Nová", "45 000,00", "36 867,00", "53 400,00", "44 007,00"} {
		if !strings.Contains(text, w) {
			t.Errorf("the register lacks %q:\n%s", w, text)
		}
	}
	csvOut := filepath.Join(dir, "register.csv")
	if code := te.run("export", "payroll-register", "--month", "2026-11", "--out", csvOut, "--lang", "en"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	b, _ := os.ReadFile(csvOut)
	if !strings.Contains(string(b), "Petr Dvořák") || !strings.Contains(string(b), "Petr Dvořák;HPP;45000,00;3195,00;2025,00;2913,00;0,00;3837,00;0,00;0,00;36867,00;11160,00;4050,00") {
		t.Errorf("register CSV:\n%s", b)
	}

	jmhz := filepath.Join(dir, "jmhz.csv")
	if code := te.run("export", "jmhz", "--month", "2026-11", "--out", jmhz); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	b, _ = os.ReadFile(jmhz)
	if !strings.Contains(string(b), "Petr Dvořák") || !strings.Contains(string(b), "850315") {
		t.Errorf("JMHZ CSV:\n%s", b)
	}
	// The insurers' overview: VZP (111) gets Petr's 2,025 + 4,050 on a base
	// of 45,000; Šárka's DPP below 12,000 is not insured.
	health := filepath.Join(dir, "health.csv")
	if code := te.run("export", "health-overview", "--month", "2026-11", "--out", health); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	b, _ = os.ReadFile(health)
	if !strings.Contains(string(b), "111;") || !strings.Contains(string(b), "45000,00;2025,00;4050,00;6075,00") {
		t.Errorf("health overview CSV:\n%s", b)
	}
	healthPDF := filepath.Join(dir, "health.pdf")
	if code := te.run("export", "health-overview", "--month", "2026-11", "--out", healthPDF, "--lang", "en"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if text := payslipText(t, healthPDF); !strings.Contains(text, "Health insurance overview") || !strings.Contains(text, "6,075.00") {
		t.Errorf("health overview PDF:\n%s", text)
	}
	for _, args := range [][]string{
		{"jmhz", "--month", "2026-11", "--out", filepath.Join(dir, "j.pdf")},
		{"health-overview", "--month", "2026-11", "--out", filepath.Join(dir, "h.txt")},
		{"payroll-register", "--month", "2026-11", "--out", filepath.Join(dir, "r.pdf"), "--lang", "de"},
		{"payroll-register", "--month", "2026-11", "--out", filepath.Join(dir, "r.xls")},
	} {
		if code := te.run(append([]string{"export"}, args...)...); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	expectFail(t, te, te.run("export", "jmhz", "--month", "2026-12", "--out", filepath.Join(dir, "p.csv")), "12/2026")
}
