package pdf

import (
	"bytes"
	"errors"
	"testing"
)

func TestRewriteRefs(t *testing.T) {
	raw := []byte("<</Type /Page /Parent 1 0 R /Title (Strana 2 0 R \\) 3 0 R) /Hex <3 0 52> /N /R /Kids [4 0 R 5 0 R]\n/W [ 32 [ 318 401 ] 48 57 636 ] /K 6 0 R>>")
	got, err := rewriteRefs(nil, raw, func(n int) (int, error) { return n + 100, nil })
	if err != nil {
		t.Fatal(err)
	}
	want := "<</Type /Page /Parent 101 0 R /Title (Strana 2 0 R \\) 3 0 R) /Hex <3 0 52> /N /R /Kids [104 0 R 105 0 R]\n/W [ 32 [ 318 401 ] 48 57 636 ] /K 106 0 R>>"
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	boom := errors.New("boom")
	if _, err := rewriteRefs(nil, raw, func(int) (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Errorf("error of fn: %v", err)
	}
}

func TestDictRaw(t *testing.T) {
	raw := []byte("<</Type /Pages\n/Kids [3 0 R ]\n/Count 1\n/MediaBox [0 0 595.28 841.89]\n>>")
	if got := string(dictRaw(raw, "MediaBox")); got != "[0 0 595.28 841.89]" {
		t.Errorf("MediaBox %q", got)
	}
	if got := dictRaw(raw, "Rotate"); got != nil {
		t.Errorf("Rotate %q", got)
	}
}

// TestParseFpdf reads back a document fpdf wrote, object by object.
func TestParseFpdf(t *testing.T) {
	opt := csOpts()
	opt.Logo = testLogo(t)
	b, err := renderBytes(czkInvoice(), opt)
	if err != nil {
		t.Fatal(err)
	}
	s, err := parsePDF(b)
	if err != nil {
		t.Fatal(err)
	}
	if s.version != "1.3" || s.root == 0 || s.info == 0 {
		t.Errorf("version %q root %d info %d", s.version, s.root, s.info)
	}
	streams := 0
	for n := 1; n < len(s.offsets); n++ {
		o, err := s.object(n)
		if err != nil {
			t.Fatal(err)
		}
		if o.stream != nil {
			streams++
		}
	}
	if streams < 6 {
		t.Errorf("%d streams", streams)
	}
}

// TestParseRefuses anything but the classic layout, with an error.
func TestParseRefuses(t *testing.T) {
	good, err := renderBytes(czkInvoice(), csOpts())
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":        nil,
		"not a PDF":    []byte("hello"),
		"no xref":      bytes.ReplaceAll(good, []byte("startxref"), []byte("startxreF")),
		"xref stream":  append(good[:len(good):len(good)], []byte("\nstartxref\n9\n%%EOF\n")...),
		"truncated":    good[:len(good)/2],
		"bad xref off": bytes.Replace(good, []byte("xref\n0 "), []byte("xref\n9 "), 1),
	} {
		s, err := parsePDF(b)
		if err == nil {
			for n := 1; n < len(s.offsets) && err == nil; n++ {
				if s.offsets[n] != 0 {
					_, err = s.object(n)
				}
			}
		}
		if err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
	if err := newMerger(&bytes.Buffer{}).add([]byte("%PDF-1.3\nnot really")); !errors.Is(err, errNotFpdf) {
		t.Errorf("merging garbage: %v", err)
	}
}
