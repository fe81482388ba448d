package app

import (
	"bytes"
	"encoding/csv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The encodings DecodeText recognises, as it reports them.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1250 = "Windows-1250"
)

// DecodeText turns the bytes of a text file a person saved — a CSV from a
// spreadsheet, most often — into a string, and names the encoding it found:
// UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark (Excel's
// "Unicode text"), else Windows-1250, which Czech Excel writes unless told
// otherwise. Files that cannot be text are refused with EINVALID: any NUL
// byte or many control characters (a binary file: an image, a spreadsheet's
// .xlsx), a UTF-8 file with some bytes broken (decoding the rest as
// Windows-1250 would garble every accented letter), and bytes that
// Windows-1250 leaves undefined or that decode to symbols rather than
// letters (another code page: "unknown encoding").
func DecodeText(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		out, derr := dec.Bytes(data)
		if derr != nil || bytes.ContainsRune(out, utf8.RuneError) || len(data)%2 != 0 {
			return "", "", errUnknownEncoding()
		}
		if err := checkControls(out); err != nil {
			return "", "", err
		}
		return string(out), EncodingUTF16, nil
	}
	if err := checkControls(data); err != nil {
		return "", "", err
	}
	if utf8.Valid(data) {
		return string(data), EncodingUTF8, nil
	}
	if line, ok := mostlyUTF8(data); ok {
		return "", "", Errorf(EINVALID, "err.text.broken_utf8",
			"the file is UTF-8 with some bytes broken (first on line {{.line}}); save it again as UTF-8 or as Windows-1250", map[string]any{"line": line})
	}
	out, derr := charmap.Windows1250.NewDecoder().Bytes(data)
	if derr != nil || !plausibleText(string(out)) {
		return "", "", errUnknownEncoding()
	}
	return string(out), EncodingWindows1250, nil
}

func errUnknownEncoding() error {
	return Errorf(EINVALID, "err.text.encoding", "unknown encoding: the file is neither UTF-8 nor Windows-1250 text; save it from the spreadsheet as CSV in UTF-8", nil)
}

func errBinary() error {
	return Errorf(EINVALID, "err.text.binary", "this is not a text file (it holds binary data — is it an .xlsx or an image?); save it from the spreadsheet as CSV", nil)
}

// checkControls refuses NUL bytes and more than a few control characters
// other than tab and line ends: text never has them, binary files always do.
func checkControls(b []byte) error {
	if bytes.IndexByte(b, 0) >= 0 {
		return errBinary()
	}
	n := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F {
			n++
		}
	}
	if n > 8 && n*100 > len(b) {
		return errBinary()
	}
	return nil
}

// mostlyUTF8 reports whether invalid UTF-8 is mainly valid multi-byte
// sequences with a few broken bytes, and the line of the first broken one.
// Windows-1250 Czech text almost never forms a valid UTF-8 sequence: its
// accented letters stand alone between ASCII letters.
func mostlyUTF8(b []byte) (line int, ok bool) {
	valid, invalid, line := 0, 0, 0
	lines := 1
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] == '\n' {
				lines++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if invalid == 0 {
				line = lines
			}
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return line, valid > invalid
}

// plausibleText reports whether text decoded as Windows-1250 reads as text in
// a Latin script: its non-ASCII characters are mostly letters (á, ř, ž…)
// and usual punctuation, not the symbols another code page's letters turn into,
// and no byte was undefined.
func plausibleText(s string) bool {
	other, odd := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		other++
		switch {
		case r == utf8.RuneError:
			return false
		case unicode.IsLetter(r), r == '\u00A0', r == '€', r == '§', r == '°',
			r >= '\u2010' && r <= '\u2026': // dashes, quotes, bullet, ellipsis
		default:
			odd++
		}
	}
	return other < 8 || odd*4 <= other
}

// openCSV is how every CSV import starts (customers, price-list items):
// the text as DecodeText finds it, its encoding and separator (detectSeparator)
// stored in *enc and *sep, and a reader past the header line, which it
// returns (a copy). It refuses an empty file and a header whose quoting is
// broken (EINVALID).
func openCSV(data []byte, enc *string, sep *rune) (*csv.Reader, []string, error) {
	text, e, err := DecodeText(data)
	if err != nil {
		return nil, nil, err
	}
	*enc = e
	if strings.TrimSpace(text) == "" {
		return nil, nil, Errorf(EINVALID, "err.csv.empty", "the file is empty", nil)
	}
	*sep = detectSeparator(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = *sep, -1, false, true
	header, err := r.Read()
	if err != nil {
		return nil, nil, csvError(err)
	}
	return r, append([]string(nil), header...), nil
}
