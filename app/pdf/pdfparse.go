package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// This file reads back the PDFs fpdf writes, so that a batch can be rendered
// in small pieces and stream-merged (see merge.go). It is not a general PDF
// reader: it knows the classic, unencrypted layout fpdf produces — a header,
// plain "n 0 obj … endobj" objects whose streams have a direct /Length, one
// xref table and a trailer — and refuses anything else with an error rather
// than guessing.

// srcPDF is one parsed PDF: its bytes and where each object starts.
type srcPDF struct {
	data    []byte
	version string // "1.3"
	offsets []int  // by object number; 0 for none
	root    int    // the Catalog's object number
	info    int    // the Info dictionary's object number, 0 for none
}

// pdfRef is an indirect reference "n 0 R".
type pdfRef int

// pdfName is a name object, without its slash.
type pdfName string

// pdfObj is one indirect object of a srcPDF.
type pdfObj struct {
	num    int
	raw    []byte // the object's value as written (a dictionary, usually)
	val    any    // raw parsed: map[string]any, []any, int64, pdfRef, pdfName, or []byte for strings and other tokens
	stream []byte // the stream's bytes, verbatim (still compressed); nil for none
}

var errNotFpdf = errors.New("pdf: not a classic PDF as fpdf writes it")

// parsePDF indexes b by its xref table.
func parsePDF(b []byte) (*srcPDF, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: no header", errNotFpdf)
	}
	eol := bytes.IndexAny(b, "\r\n")
	if eol < 0 {
		return nil, fmt.Errorf("%w: no header line", errNotFpdf)
	}
	s := &srcPDF{data: b, version: string(b[5:eol])}
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return nil, fmt.Errorf("%w: no startxref", errNotFpdf)
	}
	lx := lexer{b: b, i: i + len("startxref")}
	t := lx.next()
	xref, err := strconv.Atoi(string(t.text(b)))
	if t.kind != tokInt || err != nil || xref <= 0 || xref >= len(b) {
		return nil, fmt.Errorf("%w: bad startxref", errNotFpdf)
	}
	lx = lexer{b: b, i: xref}
	if t := lx.next(); t.kind != tokKeyword || string(t.text(b)) != "xref" {
		return nil, fmt.Errorf("%w: no xref table (a cross-reference stream?)", errNotFpdf)
	}
	// Subsections "first count" of "offset generation n|f" entries, then the trailer.
	for {
		t := lx.next()
		if t.kind == tokKeyword && string(t.text(b)) == "trailer" {
			break
		}
		first, err1 := strconv.Atoi(string(t.text(b)))
		count, err2 := strconv.Atoi(string(lx.next().text(b)))
		if t.kind != tokInt || err1 != nil || err2 != nil || first < 0 || count < 0 || first+count > len(b) {
			return nil, fmt.Errorf("%w: bad xref subsection", errNotFpdf)
		}
		for n := first; n < first+count; n++ {
			off, err := strconv.Atoi(string(lx.next().text(b)))
			lx.next() // generation
			kind := string(lx.next().text(b))
			if err != nil || (kind != "n" && kind != "f") {
				return nil, fmt.Errorf("%w: bad xref entry %d", errNotFpdf, n)
			}
			for len(s.offsets) <= n {
				s.offsets = append(s.offsets, 0)
			}
			if kind == "n" {
				if off <= 0 || off >= len(b) {
					return nil, fmt.Errorf("%w: xref entry %d out of the file", errNotFpdf, n)
				}
				s.offsets[n] = off
			}
		}
	}
	trailer, err := lx.value()
	if err != nil {
		return nil, err
	}
	td, _ := trailer.(map[string]any)
	if _, enc := td["Encrypt"]; enc {
		return nil, fmt.Errorf("%w: encrypted", errNotFpdf)
	}
	root, ok := td["Root"].(pdfRef)
	if !ok {
		return nil, fmt.Errorf("%w: trailer without /Root", errNotFpdf)
	}
	s.root = int(root)
	if info, ok := td["Info"].(pdfRef); ok {
		s.info = int(info)
	}
	return s, nil
}

// object reads object n.
func (s *srcPDF) object(n int) (*pdfObj, error) {
	if n <= 0 || n >= len(s.offsets) || s.offsets[n] == 0 {
		return nil, fmt.Errorf("%w: object %d is not in the xref table", errNotFpdf, n)
	}
	b := s.data
	lx := lexer{b: b, i: s.offsets[n]}
	num, gen, kw := lx.next(), lx.next(), lx.next()
	if string(num.text(b)) != strconv.Itoa(n) || gen.kind != tokInt || string(kw.text(b)) != "obj" {
		return nil, fmt.Errorf("%w: object %d is not where the xref says", errNotFpdf, n)
	}
	lx.skipSpace()
	start := lx.i
	val, err := lx.value()
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", n, err)
	}
	o := &pdfObj{num: n, raw: b[start:lx.i], val: val}
	t := lx.next()
	if t.kind == tokKeyword && string(t.text(b)) == "stream" {
		length, ok := dictGet(val, "Length").(int64)
		if !ok {
			return nil, fmt.Errorf("%w: object %d: stream without a direct /Length", errNotFpdf, n)
		}
		i := lx.i
		if i < len(b) && b[i] == '\r' {
			i++
		}
		if i < len(b) && b[i] == '\n' {
			i++
		}
		if length < 0 || int64(i)+length > int64(len(b)) {
			return nil, fmt.Errorf("%w: object %d: stream runs past the file", errNotFpdf, n)
		}
		o.stream = b[i : i+int(length)]
		lx.i = i + int(length)
		t = lx.next()
		if string(t.text(b)) != "endstream" {
			return nil, fmt.Errorf("%w: object %d: stream of the wrong /Length", errNotFpdf, n)
		}
		t = lx.next()
	}
	if string(t.text(b)) != "endobj" {
		return nil, fmt.Errorf("%w: object %d: no endobj", errNotFpdf, n)
	}
	return o, nil
}

// dictGet returns the value of key in v if v is a dictionary, else nil.
func dictGet(v any, key string) any {
	d, _ := v.(map[string]any)
	return d[key]
}

// rewriteRefs copies the object value raw with every reference "n 0 R"
// replaced by "m 0 R", m = fn(n). Strings, names and numbers are copied as
// they are.
func rewriteRefs(dst, raw []byte, fn func(n int) (int, error)) ([]byte, error) {
	lx := lexer{b: raw}
	var toks [3]token // the last three tokens
	last := 0         // raw[:last] is in dst
	for {
		t := lx.next()
		if t.kind == tokEOF {
			break
		}
		if t.kind == tokError {
			return nil, fmt.Errorf("%w: unreadable value", errNotFpdf)
		}
		toks[0], toks[1], toks[2] = toks[1], toks[2], t
		if t.kind == tokKeyword && string(t.text(raw)) == "R" && toks[0].kind == tokInt && toks[1].kind == tokInt {
			n, err := strconv.Atoi(string(toks[0].text(raw)))
			if err != nil {
				return nil, fmt.Errorf("%w: bad reference", errNotFpdf)
			}
			m, err := fn(n)
			if err != nil {
				return nil, err
			}
			dst = append(dst, raw[last:toks[0].start]...)
			dst = strconv.AppendInt(dst, int64(m), 10)
			dst = append(dst, " 0 R"...)
			last = t.end
			toks = [3]token{}
		}
	}
	return append(dst, raw[last:]...), nil
}
