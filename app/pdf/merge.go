package pdf

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"strconv"
)

// merger stream-merges small PDFs written by fpdf into one PDF on w. Each
// part's objects are renumbered and written as soon as the part arrives; what
// stays in memory across parts is the byte offset of every object written
// (for the xref table), the object number of every page (for the page tree)
// and a bounded table of shared objects. So a batch's memory does not grow
// with its size, only the file does.
//
// Sharing: fonts and images are the bulk of a small PDF. From the fourth
// part on, the cut DejaVu fonts are replaced by one copy holding every glyph
// of the cut (see sharedFonts), written once per batch; any other object
// reached through a page's resources (the logo, a full font, the resource
// dictionary itself) is written once per distinct content, found by the hash
// of its bytes.
type merger struct {
	w   *bufio.Writer
	pos int64 // bytes written so far

	parts   int     // parts added, the current one included
	offsets []int64 // by object number; offsets[0] is unused
	leaves  []pageLeaf
	version string // the header's
	maxVer  string // the highest version of any part
	box     []byte // the /MediaBox the page tree's root gives its pages
	info    []byte // the Info dictionary of the first part, without references

	shared    map[[sha256.Size]byte]int // content hash → object number
	fonts     map[string]int            // BaseFont → object number of the shared cut font
	fontsMemo map[int]int               // shared fonts' objects written: their own number → ours

	buf []byte // scratch for the page tree and the xref table
}

// pageLeaf is one node of the page tree under the root, holding up to
// leafPages pages; a flat /Kids array of thousands of pages is legal but
// slow in viewers (and past some readers' array limits).
type pageLeaf struct {
	num   int
	pages []int32
}

const (
	leafPages = 128
	// ownFontParts is how many parts keep their own font subsets before the
	// shared fonts take over: those hold every glyph of the cut, about
	// 150 KB, where a part's subsets are about 40 KB, so a small batch is
	// smaller without them.
	ownFontParts = 3
	maxShared    = 4096 // entries of merger.shared before it is forgotten
	pagesRoot    = 1    // the page tree's root is always object 1
	firstOwned   = 2    // objects from 2 on are the parts'
)

func newMerger(w io.Writer) *merger {
	return &merger{
		w:         bufio.NewWriterSize(w, 64<<10),
		offsets:   make([]int64, firstOwned), // 0 and the root, written last
		shared:    map[[sha256.Size]byte]int{},
		fonts:     map[string]int{},
		fontsMemo: map[int]int{},
	}
}

func (m *merger) write(b []byte) error {
	n, err := m.w.Write(b)
	m.pos += int64(n)
	return err
}

// alloc reserves the next object number.
func (m *merger) alloc() int {
	m.offsets = append(m.offsets, -1)
	return len(m.offsets) - 1
}

// writeObject writes object num with the value raw and, if not nil, stream.
func (m *merger) writeObject(num int, raw, stream []byte) error {
	m.offsets[num] = m.pos
	var head [24]byte
	h := strconv.AppendInt(head[:0], int64(num), 10)
	h = append(h, " 0 obj\n"...)
	for _, b := range [][]byte{h, raw, []byte("\n")} {
		if err := m.write(b); err != nil {
			return err
		}
	}
	if stream != nil {
		for _, b := range [][]byte{[]byte("stream\n"), stream, []byte("\nendstream\n")} {
			if err := m.write(b); err != nil {
				return err
			}
		}
	}
	return m.write([]byte("endobj\n"))
}

// add appends the pages of one part, fpdf's output for one or more documents.
func (m *merger) add(part []byte) error {
	s, err := parsePDF(part)
	if err != nil {
		return err
	}
	cat, err := s.object(s.root)
	if err != nil {
		return err
	}
	root, ok := dictGet(cat.val, "Pages").(pdfRef)
	if !ok {
		return fmt.Errorf("%w: catalog without /Pages", errNotFpdf)
	}
	tree, err := s.object(int(root))
	if err != nil {
		return err
	}
	kids, _ := dictGet(tree.val, "Kids").([]any)
	boxRaw := dictRaw(tree.raw, "MediaBox")
	if m.pos == 0 {
		if err := m.start(s, boxRaw); err != nil {
			return err
		}
	}
	m.parts++
	if s.version > m.maxVer {
		m.maxVer = s.version
	}
	p := partWriter{m: m, s: s, root: int(root), memo: map[int]int{}, busy: map[int]bool{}}
	// Pages get their numbers first, so that anything may point to a page.
	pages := make([]int, len(kids))
	for i, k := range kids {
		r, ok := k.(pdfRef)
		if !ok {
			return fmt.Errorf("%w: page tree kid is not a reference", errNotFpdf)
		}
		pages[i] = int(r)
		p.memo[int(r)] = m.alloc()
	}
	for _, local := range pages {
		if err := p.page(local, boxRaw); err != nil {
			return err
		}
	}
	return nil
}

// start writes the header, from the first part.
func (m *merger) start(s *srcPDF, box []byte) error {
	m.version, m.maxVer, m.box = s.version, s.version, box
	if s.info != 0 {
		info, err := s.object(s.info)
		if err != nil {
			return err
		}
		// Kept only when it points nowhere, as fpdf's does.
		if out, err := rewriteRefs(nil, info.raw, func(int) (int, error) { return 0, errNotFpdf }); err == nil && info.stream == nil {
			m.info = out
		}
	}
	return m.write([]byte("%PDF-" + s.version + "\n%\xb5\xb6\xe9\xfa\n"))
}

// leaf returns the page-tree node the next page goes under.
func (m *merger) leaf() *pageLeaf {
	if n := len(m.leaves); n == 0 || len(m.leaves[n-1].pages) == leafPages {
		m.leaves = append(m.leaves, pageLeaf{num: m.alloc()})
	}
	return &m.leaves[len(m.leaves)-1]
}

// finish writes the page tree, the catalog, the Info dictionary, the xref
// table and the trailer.
func (m *merger) finish() error {
	total := 0
	for _, l := range m.leaves {
		total += len(l.pages)
	}
	b := m.buf[:0]
	for _, l := range m.leaves {
		b = append(b[:0], "<</Type /Pages /Parent 1 0 R /Count "...)
		b = strconv.AppendInt(b, int64(len(l.pages)), 10)
		b = append(b, " /Kids ["...)
		for _, p := range l.pages {
			b = strconv.AppendInt(b, int64(p), 10)
			b = append(b, " 0 R "...)
		}
		b = append(b, "]>>"...)
		if err := m.writeObject(l.num, b, nil); err != nil {
			return err
		}
		b = m.buf[:0]
	}
	b = append(b[:0], "<</Type /Pages /Count "...)
	b = strconv.AppendInt(b, int64(total), 10)
	if m.box != nil {
		b = append(b, " /MediaBox "...)
		b = append(b, m.box...)
	}
	b = append(b, " /Kids ["...)
	for _, l := range m.leaves {
		b = strconv.AppendInt(b, int64(l.num), 10)
		b = append(b, " 0 R "...)
	}
	b = append(b, "]>>"...)
	if err := m.writeObject(pagesRoot, b, nil); err != nil {
		return err
	}
	cat := []byte("<</Type /Catalog /Pages 1 0 R")
	if m.maxVer > m.version {
		cat = append(cat, " /Version /"+m.maxVer...)
	}
	cat = append(cat, ">>"...)
	catNum := m.alloc()
	if err := m.writeObject(catNum, cat, nil); err != nil {
		return err
	}
	infoNum := 0
	if m.info != nil {
		infoNum = m.alloc()
		if err := m.writeObject(infoNum, m.info, nil); err != nil {
			return err
		}
	}
	xref := m.pos
	if xref > 9_999_999_999 {
		return fmt.Errorf("pdf: file of %d bytes is too large for an xref table", xref)
	}
	b = append(m.buf[:0], "xref\n0 "...)
	b = strconv.AppendInt(b, int64(len(m.offsets)), 10)
	b = append(b, "\n0000000000 65535 f \n"...)
	for _, off := range m.offsets[1:] {
		b = append(b, fmt.Sprintf("%010d 00000 n \n", off)...)
		if len(b) > 32<<10 {
			if err := m.write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, "trailer\n<<\n/Size "...)
	b = strconv.AppendInt(b, int64(len(m.offsets)), 10)
	b = append(b, "\n/Root "...)
	b = strconv.AppendInt(b, int64(catNum), 10)
	b = append(b, " 0 R\n"...)
	if infoNum != 0 {
		b = append(b, "/Info "...)
		b = strconv.AppendInt(b, int64(infoNum), 10)
		b = append(b, " 0 R\n"...)
	}
	b = append(b, ">>\nstartxref\n"...)
	b = strconv.AppendInt(b, xref, 10)
	b = append(b, "\n%%EOF\n"...)
	if err := m.write(b); err != nil {
		return err
	}
	return m.w.Flush()
}
