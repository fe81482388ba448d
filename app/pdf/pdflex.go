package pdf

import (
	"fmt"
	"strconv"
)

// tokKind is the kind of a PDF token.
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokError
	tokInt     // an unsigned integer: 12
	tokKeyword // any other regular token: R, obj, true, null, 1.5, -3
	tokName    // /Type
	tokString  // (literal) or <hex>
	tokDictOpen
	tokDictClose
	tokArrayOpen
	tokArrayClose
)

// token is one token of a lexer's bytes, b[start:end].
type token struct {
	kind       tokKind
	start, end int
}

func (t token) text(b []byte) []byte { return b[t.start:t.end] }

// lexer splits PDF object syntax into tokens (PDF 32000-1, 7.2).
type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (lx *lexer) skipSpace() {
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		if isSpace(c) {
			lx.i++
			continue
		}
		if c == '%' {
			for lx.i < len(lx.b) && lx.b[lx.i] != '\n' && lx.b[lx.i] != '\r' {
				lx.i++
			}
			continue
		}
		return
	}
}

// next returns the next token.
func (lx *lexer) next() token {
	lx.skipSpace()
	b, start := lx.b, lx.i
	if start >= len(b) {
		return token{kind: tokEOF, start: start, end: start}
	}
	tok := func(k tokKind) token { return token{kind: k, start: start, end: lx.i} }
	switch c := b[start]; {
	case c == '<' && start+1 < len(b) && b[start+1] == '<':
		lx.i += 2
		return tok(tokDictOpen)
	case c == '>' && start+1 < len(b) && b[start+1] == '>':
		lx.i += 2
		return tok(tokDictClose)
	case c == '[':
		lx.i++
		return tok(tokArrayOpen)
	case c == ']':
		lx.i++
		return tok(tokArrayClose)
	case c == '<':
		for lx.i < len(b) && b[lx.i] != '>' {
			lx.i++
		}
		if lx.i == len(b) {
			return tok(tokError)
		}
		lx.i++
		return tok(tokString)
	case c == '(':
		depth := 0
		for lx.i < len(b) {
			switch b[lx.i] {
			case '\\':
				lx.i++
			case '(':
				depth++
			case ')':
				depth--
			}
			lx.i++
			if depth == 0 {
				return tok(tokString)
			}
		}
		return tok(tokError)
	case c == '/':
		lx.i++
		for lx.i < len(b) && !isSpace(b[lx.i]) && !isDelim(b[lx.i]) {
			lx.i++
		}
		return tok(tokName)
	case isDelim(c): // ) > { }
		lx.i++
		return tok(tokError)
	}
	digits := true
	for lx.i < len(b) && !isSpace(b[lx.i]) && !isDelim(b[lx.i]) {
		if b[lx.i] < '0' || b[lx.i] > '9' {
			digits = false
		}
		lx.i++
	}
	if digits {
		return tok(tokInt)
	}
	return tok(tokKeyword)
}

// value parses one object value: a dictionary as map[string]any, an array
// as []any, an integer as int64, "n g R" as pdfRef, a name as pdfName, and
// anything else as its bytes.
func (lx *lexer) value() (any, error) {
	t := lx.next()
	b := lx.b
	switch t.kind {
	case tokInt:
		n, err := strconv.ParseInt(string(t.text(b)), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: bad number", errNotFpdf)
		}
		// "n g R" is a reference.
		save := lx.i
		if g := lx.next(); g.kind == tokInt {
			if r := lx.next(); r.kind == tokKeyword && string(r.text(b)) == "R" {
				return pdfRef(n), nil
			}
		}
		lx.i = save
		return n, nil
	case tokName:
		return pdfName(b[t.start+1 : t.end]), nil
	case tokKeyword, tokString:
		return t.text(b), nil
	case tokArrayOpen:
		var arr []any
		for {
			save := lx.i
			if e := lx.next(); e.kind == tokArrayClose {
				return arr, nil
			}
			lx.i = save
			v, err := lx.value()
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	case tokDictOpen:
		d := map[string]any{}
		for {
			k := lx.next()
			if k.kind == tokDictClose {
				return d, nil
			}
			if k.kind != tokName {
				return nil, fmt.Errorf("%w: dictionary key is not a name", errNotFpdf)
			}
			v, err := lx.value()
			if err != nil {
				return nil, err
			}
			d[string(b[k.start+1:k.end])] = v
		}
	}
	return nil, fmt.Errorf("%w: unexpected %q", errNotFpdf, t.text(b))
}

// dictRaw returns the bytes of the value of key in the dictionary raw, as
// written, or nil when raw is no dictionary or lacks key.
func dictRaw(raw []byte, key string) []byte {
	lx := lexer{b: raw}
	if lx.next().kind != tokDictOpen {
		return nil
	}
	for {
		k := lx.next()
		if k.kind != tokName {
			return nil
		}
		lx.skipSpace()
		start := lx.i
		if _, err := lx.value(); err != nil {
			return nil
		}
		if string(raw[k.start+1:k.end]) == key {
			return raw[start:lx.i]
		}
	}
}
