package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// partWriter copies the objects one part's pages need into the merged file,
// children before parents, each under a new number.
type partWriter struct {
	m     *merger
	s     *srcPDF
	root  int          // the part's page tree root
	memo  map[int]int  // the part's object number → ours
	busy  map[int]bool // objects being copied, to refuse a cycle
	donor bool         // s is the shared fonts' PDF: nothing is replaced
}

// page copies page local, which already has its number, under the current
// leaf of the page tree.
func (p *partWriter) page(local int, box []byte) error {
	o, err := p.s.object(local)
	if err != nil {
		return err
	}
	if dictGet(o.val, "Type") != pdfName("Page") {
		return fmt.Errorf("%w: object %d in /Kids is not a page", errNotFpdf, local)
	}
	leaf := p.m.leaf().num
	res, _ := dictGet(o.val, "Resources").(pdfRef)
	raw, err := rewriteRefs(nil, o.raw, func(n int) (int, error) {
		if n == p.root {
			return leaf, nil
		}
		return p.emit(n, n == int(res))
	})
	if err != nil {
		return err
	}
	// Pages inherit their size from the root, which has the first part's.
	if box != nil && !bytes.Equal(box, p.m.box) && dictRaw(o.raw, "MediaBox") == nil && bytes.HasPrefix(raw, []byte("<<")) {
		raw = append([]byte("<</MediaBox "+string(box)+" "), raw[2:]...)
	}
	num := p.memo[local]
	if err := p.m.writeObject(num, raw, o.stream); err != nil {
		return err
	}
	l := &p.m.leaves[len(p.m.leaves)-1]
	l.pages = append(l.pages, int32(num))
	return nil
}

// emit copies object n and what it refers to, unless copied already, and
// returns its number in the merged file. A shared object — one reached
// through a page's resources — is written once for all parts with the same
// bytes.
func (p *partWriter) emit(n int, shared bool) (int, error) {
	if g, ok := p.memo[n]; ok {
		return g, nil
	}
	if n == p.root {
		return pagesRoot, nil
	}
	if p.busy[n] {
		return 0, fmt.Errorf("%w: object %d refers to itself", errNotFpdf, n)
	}
	o, err := p.s.object(n)
	if err != nil {
		return 0, err
	}
	if shared && !p.donor && p.m.parts > ownFontParts && isType0Font(o.val) {
		name, _ := dictGet(o.val, "BaseFont").(pdfName)
		g, ok, err := p.m.sharedFont(string(name))
		if err != nil {
			return 0, err
		}
		if ok {
			p.memo[n] = g
			return g, nil
		}
	}
	p.busy[n] = true
	raw, err := rewriteRefs(nil, o.raw, func(c int) (int, error) { return p.emit(c, shared) })
	delete(p.busy, n)
	if err != nil {
		return 0, err
	}
	var key [sha256.Size]byte
	if shared {
		h := sha256.New()
		var l [8]byte
		binary.BigEndian.PutUint64(l[:], uint64(len(raw)))
		h.Write(l[:])
		h.Write(raw)
		h.Write(o.stream)
		h.Sum(key[:0])
		if g, ok := p.m.shared[key]; ok {
			p.memo[n] = g
			return g, nil
		}
	}
	g := p.m.alloc()
	if err := p.m.writeObject(g, raw, o.stream); err != nil {
		return 0, err
	}
	if shared {
		if len(p.m.shared) >= maxShared {
			clear(p.m.shared)
		}
		p.m.shared[key] = g
	}
	p.memo[n] = g
	return g, nil
}

// isType0Font reports whether v is a composite (Type0) font dictionary,
// which is how fpdf writes a UTF-8 font.
func isType0Font(v any) bool {
	return dictGet(v, "Type") == pdfName("Font") && dictGet(v, "Subtype") == pdfName("Type0")
}

// sharedFont returns the number of the batch's copy of the cut font named
// name (a BaseFont), writing it on first use; ok is false for a font that
// is not one of the cut fonts.
func (m *merger) sharedFont(name string) (num int, ok bool, err error) {
	if g, ok := m.fonts[name]; ok {
		return g, true, nil
	}
	src, local, err := sharedFonts()
	if err != nil {
		return 0, false, nil // not shared, then: each part keeps its own copy
	}
	n, ok := local[name]
	if !ok {
		return 0, false, nil
	}
	p := partWriter{m: m, s: src, memo: m.fontsMemo, busy: map[int]bool{}, donor: true}
	g, err := p.emit(n, false)
	if err != nil {
		return 0, false, err
	}
	m.fonts[name] = g
	return g, true, nil
}
