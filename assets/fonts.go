package assets

import _ "embed" // the fonts are embedded as bytes

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
