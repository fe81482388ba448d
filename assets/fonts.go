package assets

import _ "embed" // the fonts are embedded as bytes

//go:generate go run fonts_gen.go

// FontRegular is DejaVu Sans, the regular face the PDF documents are set in.
// It covers Czech (and most European) diacritics; its licence (Bitstream Vera,
// DejaVu changes in the public domain) is fonts/LICENSE-DejaVu.txt and must
// ship with the binary's notices.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

// FontBold is DejaVu Sans Bold, the bold face of FontRegular.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

// FontLicense is the licence text of the embedded DejaVu fonts.
//
//go:embed fonts/LICENSE-DejaVu.txt
var FontLicense []byte

// FontCutRanges are the Unicode ranges of the cut fonts (FontRegularCut,
// FontBoldCut): the scripts business documents use. The PDFs are set in
// the cut fonts when they cover the text, else in the whole fonts.
var FontCutRanges = [][2]rune{
	{0x0020, 0x024F}, // Basic Latin, Latin-1 (with NBSP), Latin Extended-A and -B
	{0x2000, 0x206F}, // General Punctuation: dashes, quotes, narrow spaces, bullet
	{0x20A0, 0x20BF}, // Currency Symbols: €
	{0x2100, 0x215F}, // Letterlike: №, ™
	{0x2212, 0x2212}, // minus sign
	{0x25A1, 0x25A1}, // □, Substitute for what the fonts lack
}

// FontRegularCut and FontBoldCut are FontRegular and FontBold cut to
// FontCutRanges, made at build time by "go generate" (fonts_gen.go, with
// the PDF library's own cutter) rather than on the first PDF of every run:
// cutting takes some 45 ms of CPU. app/pdf's tests check they are what the
// cutter makes of the whole fonts today.
//
//go:embed fonts/DejaVuSans.cut.ttf
var FontRegularCut []byte

// FontBoldCut is FontBold cut to FontCutRanges; see FontRegularCut.
//
//go:embed fonts/DejaVuSans-Bold.cut.ttf
var FontBoldCut []byte
