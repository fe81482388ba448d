package app

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	xunicode "golang.org/x/text/encoding/unicode"
)

// itemSeeds are item lists as spreadsheets save them: Czech Excel's
// Windows-1250 with ';' and CRLF, UTF-8 with a byte-order mark, UTF-16,
// English headers with commas and tabs, quoted cells, rows the rules
// refuse, and broken files.
func itemSeeds(tb testing.TB) [][]byte {
	czech := "Kód;Název;Jednotka;Sazba DPH (%);Prodejní cena;Měna;Nákupní cena;EAN;Záruka (měsíce);Minimální zásoba;Objednací množství;Umístění;Evidence;Druh\n" +
		"MLY-01;Mlýnek Žluťoučký;ks;21;1 234,50;CZK;800;4006381333931;24;2;5;HLAVNI;výrobní číslo;zboží\n" +
		"\n" +
		"ZRN-1;Zelená zrnka \"Etiopie\";kg;12;450,5;;300;;;10,5;;;šarže;materiál\n" +
		"KAV-250;'=1+1;ks;0;9,9;EUR;5;8594001234561;0;;;;;\n"
	utf16 := func(s string) []byte {
		b, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	return [][]byte{
		[]byte(czech),
		append([]byte("\uFEFF"), czech...),
		cp1250(tb, czech),
		utf16(czech),
		[]byte("Code,Name,Unit,VAT rate,Price,EAN,Location,Tracking\nA-1,\"Cup, white\",pcs,21 %,\"1,234.50\",96385074,hlavni,lot\nA-2,\"Two\nlines\",pcs,reduced,10,,,\n"),
		[]byte("SKU\tItem\tUoM\tVAT\tCost\tWarranty\nX\tY\tpcs\tstandard\t1.5\t12 months\n"),
		[]byte("Kód;Název;Jednotka;EAN\nA;B;ks;8594001234562\nA;C;ks;\n;D;ks;\n"),
		[]byte("Kód\nA\nB\n"),
		[]byte("Kód;Název\nA;\"B\nC;D\n"),
		append([]byte("Kód;Název\nA;Žluťoučký kůň\nB;"), 0xE8, 0x0A),
	}
}

// FuzzItemCSV: any file is read, or refused as EINVALID with a message;
// the rows it plans pass the item and stock card rules; what Kontor writes
// of the planned items it reads back as the same items, with nothing to
// change.
func FuzzItemCSV(f *testing.F) {
	for _, s := range itemSeeds(f) {
		f.Add(s)
	}
	day := D(2026, time.March, 1)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadItemsCSV(data, nil, day)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID || e.Key == "" || !refusalRenders(e) {
				t.Fatalf("refused with %T %v, not an EINVALID *Error with a message", err, err)
			}
			return
		}
		last := 1
		for _, r := range file.Rows {
			if r.Line <= last {
				t.Fatalf("row of line %d after line %d", r.Line, last)
			}
			last = r.Line
		}
		book := itemBook()
		plans, rejected := file.PlanItems(book)
		for _, r := range append(file.Rejected, rejected...) {
			if r.Line < 2 || r.Err == nil || r.Reason == "" {
				t.Fatalf("rejected row %+v", r)
			}
		}
		locs := map[string]Location{}
		for _, l := range book.Locations {
			locs[l.ID] = l
		}
		again := ItemBook{Locations: book.Locations, Base: book.Base}
		var rows []ItemRow
		for i, p := range plans {
			if err := p.Item.Validate(); err != nil {
				t.Fatalf("planned an item the rules refuse: %v (%+v)", err, p.Item)
			}
			if err := p.Stock.Validate(locs); err != nil {
				t.Fatalf("planned a card the rules refuse: %v (%+v)", err, p.Stock)
			}
			if p.Item.ID == "" {
				p.Item.ID = fmt.Sprintf("new%d", i)
				p.Stock.ItemID = p.Item.ID
			}
			again.Items = append(again.Items, p.Item)
			again.Stock = append(again.Stock, p.Stock)
		}
		rows = ItemRowsOf(again.Items, again.Stock, again.Locations)
		var buf bytes.Buffer
		if err := WriteItemsCSV(&buf, rows, nil, day); err != nil {
			t.Fatal(err)
		}
		back, err := ReadItemsCSV(buf.Bytes(), nil, day)
		if err != nil {
			t.Fatalf("its own export is refused: %v\n%s", err, buf.Bytes())
		}
		replans, rej := back.PlanItems(again)
		if len(back.Rejected)+len(rej) > 0 || len(replans) != len(rows) {
			t.Fatalf("its own export: %d plans, rejected %+v %+v; want %d\n%s", len(replans), back.Rejected, rej, len(rows), buf.Bytes())
		}
		for _, p := range replans {
			if p.Changed || p.NewItem || p.NewCard {
				t.Fatalf("line %d changed on the way out and in: %+v\n%s", p.Line, p, buf.Bytes())
			}
		}
	})
}
