package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kontor/app"
)

var (
	// A directory's variety: the commonest Czech surnames and first names,
	// trades and towns (a real list of 100,000 firms has far more).
	firstNames = []string{"Jan", "Petr", "Jana", "Marie", "Tomáš", "Lucie", "Jiří", "Eva", "Pavel", "Zdeňka", "Václav", "Kateřina",
		"Martin", "Hana", "Josef", "Lenka", "Michal", "Alena", "Karel", "Věra", "Lukáš", "Jaroslava", "Milan", "Veronika", "Zdeněk",
		"Tereza", "David", "Michaela", "Jakub", "Ivana", "Ondřej", "Monika", "Roman", "Markéta", "Vojtěch", "Dagmar", "Radek", "Šárka"}
	lastNames = []string{"Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Pokorný",
		"Marek", "Růžička", "Žák", "Šťastný", "Pospíšil", "Hájek", "Jelínek", "Král", "Beneš", "Fiala", "Sedláček", "Doležal",
		"Zeman", "Kolář", "Navrátil", "Čermák", "Vaněk", "Urban", "Blažek", "Kříž", "Kovář", "Bartoš", "Vlček", "Polák", "Musil",
		"Kopecký", "Šimek", "Konečný", "Malý", "Holub", "Štěpánek", "Kadlec", "Dostál", "Soukup", "Mareš", "Sýkora", "Moravec"}
	trades = []string{"Pekařství", "Truhlářství", "Kavárna", "Autoservis", "Zahradnictví", "Účetní kancelář", "Vinotéka",
		"Květinářství", "Stavebniny", "Řeznictví", "Instalatérství", "Elektro", "Kadeřnictví", "Cukrárna", "Zámečnictví",
		"Pneuservis", "Tiskárna", "Malířství", "Advokátní kancelář", "Projekce", "Doprava", "Úklid", "Realitní kancelář",
		"Optika", "Papírnictví", "Sklenářství", "Pivovar", "Restaurace", "Penzion", "Čalounictví"}
	cities = []string{"Praha", "Brno", "Ostrava", "Plzeň", "Olomouc", "Liberec", "České Budějovice", "Hradec Králové",
		"Ústí nad Labem", "Pardubice", "Zlín", "Příbram", "Kladno", "Most", "Opava", "Frýdek-Místek", "Karviná", "Jihlava",
		"Teplice", "Děčín", "Karlovy Vary", "Chomutov", "Jablonec nad Nisou", "Mladá Boleslav", "Prostějov", "Přerov",
		"Třebíč", "Česká Lípa", "Třinec", "Tábor", "Znojmo", "Kolín", "Písek", "Kroměříž", "Vsetín", "Cheb", "Trutnov",
		"Hodonín", "Břeclav", "Sokolov"}
)

// fakeCustomers makes n Czech customers with valid, distinct IČO.
func fakeCustomers(n int) []app.ImportRow {
	rng := rand.New(rand.NewPCG(7, 7))
	rows := make([]app.ImportRow, n)
	for i := range rows {
		first7 := fmt.Sprintf("%07d", 1000000+i)
		sum := 0
		for j := 0; j < 7; j++ {
			sum += int(first7[j]-'0') * (8 - j)
		}
		ico := first7 + fmt.Sprint((11-sum%11)%10)
		last := lastNames[rng.IntN(len(lastNames))]
		rows[i] = app.ImportRow{Line: i + 2, Customer: app.Customer{
			Name:  fmt.Sprintf("%s %s %s s.r.o.", trades[rng.IntN(len(trades))], firstNames[rng.IntN(len(firstNames))], last),
			City:  cities[rng.IntN(len(cities))],
			ICO:   ico,
			Phone: fmt.Sprintf("+420 %03d %03d %03d", 600+rng.IntN(200), rng.IntN(1000), rng.IntN(1000)),
		}}
	}
	return rows
}

var (
	bigCustOnce  sync.Once
	bigCustStore *Store
)

// customers100k is a store with 100,000 customers, imported once per run.
func customers100k(b *testing.B) *Store {
	bigCustOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kontor-customers-")
		if err != nil {
			panic(err)
		}
		// Kept open for every benchmark of the run, so not tied to one b's cleanup.
		s, err := Open(filepath.Join(dir, "k.db"), Options{Clock: app.NewFixedClock(testNow), NoAutoBackup: true})
		if err != nil {
			panic(err)
		}
		if _, err := s.CreateFirstAdmin(ctx, app.NewUser{Name: "admin", Password: testPassword}); err != nil {
			panic(err)
		}
		if _, err := s.CreateCompany(ctx, testCompany()); err != nil {
			panic(err)
		}
		start := time.Now()
		res, err := s.ImportCustomers(ctx, fakeCustomers(100_000), false)
		if err != nil || res.Accepted != 100_000 {
			panic(fmt.Sprint("import: ", err, res.Accepted, len(res.Rejected)))
		}
		b.Logf("imported 100,000 customers in %v", time.Since(start))
		bigCustStore = s
	})
	return bigCustStore
}

// BenchmarkCustomerSearch runs desk-like queries over 100,000 customers.
func BenchmarkCustomerSearch(b *testing.B) {
	s := customers100k(b)
	queries := []string{"novak praha", "pekar dvor", "zastny", "1000042", "truhl kucera brno", "777", "ucetni"}
	b.Run("mix", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Customers(ctx, queries[i%len(queries)], 50); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, q := range queries {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Customers(ctx, q, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCreateCustomer stores one customer with its index entries.
func BenchmarkCreateCustomer(b *testing.B) {
	s, _ := MustCompany(b)
	rows := fakeCustomers(b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.SaveCustomer(ctx, rows[i].Customer); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport100k imports 100,000 customers in one transaction.
func BenchmarkImport100k(b *testing.B) {
	rows := fakeCustomers(100_000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, _ := MustCompany(b)
		b.StartTimer()
		if res, err := s.ImportCustomers(ctx, rows, false); err != nil || res.Accepted != len(rows) {
			b.Fatal(err)
		}
	}
}
