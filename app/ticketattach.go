package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// Attachment limits: photos of a defect and scanned documents, stored in the
// database, so their size is bounded.
const (
	MaxAttachmentBytes = 5 << 20 // 5 MiB a file
	MaxAttachments     = 20      // a ticket
	MaxAttachmentName  = 200     // runes
)

// AttachmentTypes are the MIME types a ticket accepts, named from the
// content by their signatures (as WHATWG MIME sniffing and
// net/http.DetectContentType name them): photos and PDFs.
var AttachmentTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}

// Attachment is a file of a ticket: its metadata (kept on the ticket) and,
// when read or added, its content (stored apart, never marshalled with the
// ticket).
type Attachment struct {
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	MIME  string    `json:"mime"` // sniffed from the content, never from the name
	Size  int       `json:"size"` // bytes
	User  string    `json:"user"`
	Added time.Time `json:"added"`
	Data  []byte    `json:"-"`
}

// NewAttachment checks a file a person adds and returns it with its type
// sniffed from the content: a name (the base name, trimmed, bytes that are
// not UTF-8 replaced; at most
// MaxAttachmentName characters, no control characters), content that is not
// empty, at most MaxAttachmentBytes and one of AttachmentTypes — whatever
// the name's extension says.
func NewAttachment(id, name string, data []byte, user string, now time.Time) (Attachment, error) {
	var es Errors
	name = strings.ToValidUTF8(name, "\uFFFD")
	name = strings.TrimSpace(filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/")))
	switch {
	case name == "" || name == "." || name == "/":
		es.Add(Invalid("attachment.name", "err.attachment.name", "the file has no name", nil))
	case tooLong(name, MaxAttachmentName):
		es.Add(Invalid("attachment.name", "err.ticket.too_long", "at most {{.max}} characters", map[string]any{"max": MaxAttachmentName}))
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		es.Add(Invalid("attachment.name", "err.attachment.name_control", "the file name contains control characters", nil))
	}
	mime := ""
	switch {
	case len(data) == 0:
		es.Add(Invalid("attachment.file", "err.attachment.empty", "the file is empty", nil))
	case len(data) > MaxAttachmentBytes:
		es.Add(Invalid("attachment.file", "err.attachment.too_large", "the file has {{.size}} bytes; at most {{.max}} bytes (5 MiB) are accepted",
			map[string]any{"size": len(data), "max": MaxAttachmentBytes}))
	default:
		mime = SniffAttachment(data)
		if mime == "" {
			es.Add(Invalid("attachment.file", "err.attachment.type", "“{{.name}}” is neither a photo (JPEG, PNG, GIF, WebP) nor a PDF",
				map[string]any{"name": name}))
		}
	}
	if err := es.Err(); err != nil {
		return Attachment{}, err
	}
	return Attachment{ID: id, Name: name, MIME: mime, Size: len(data), User: user, Added: now, Data: data}, nil
}

// SniffAttachment is the accepted MIME type of content data, read from its
// first bytes, "" when it is not one of AttachmentTypes. The signatures are
// the WHATWG MIME-sniffing ones net/http uses, written out here so that app
// does not pull in the HTTP stack for five of them.
func SniffAttachment(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1A\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "image/gif"
	case len(data) >= 14 && string(data[:4]) == "RIFF" && string(data[8:14]) == "WEBPVP":
		return "image/webp"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	}
	return ""
}

// AttachTo returns t with a's metadata appended, refusing a closed ticket
// and one with MaxAttachments files already.
func (t Ticket) AttachTo(a Attachment, now time.Time) (Ticket, error) {
	switch {
	case t.Status == TicketClosed:
		return t, Invalid("attachment.file", "err.ticket.closed", "the ticket is closed", nil)
	case len(t.Attachments) >= MaxAttachments:
		return t, Invalid("attachment.file", "err.attachment.count", "a ticket holds at most {{.max}} attachments", map[string]any{"max": MaxAttachments})
	}
	a.Data = nil
	t.Attachments = append(append([]Attachment(nil), t.Attachments...), a)
	t.Updated = now
	return t, nil
}
