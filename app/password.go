package app

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// MinPasswordLength is the shortest password Kontor accepts (in characters).
const MinPasswordLength = 8

// PasswordCost are the argon2id parameters new hashes are made with. Stored
// hashes carry their own parameters, so raising these later keeps old
// passwords working. The defaults follow OWASP's argon2id minimum (19 MiB, 2
// passes); tests lower them.
var PasswordCost = struct {
	Time    uint32
	Memory  uint32 // KiB
	Threads uint8
}{2, 19 * 1024, 1}

// ValidatePassword refuses empty, too short and absurdly long passwords.
func ValidatePassword(pw string) error {
	if pw == "" {
		return Invalid("user.password", "err.required", "is required", nil)
	}
	if utf8.RuneCountInString(norm.NFC.String(pw)) < MinPasswordLength {
		return Invalid("user.password", "err.password.short", "must have at least {{.n}} characters", map[string]any{"n": MinPasswordLength})
	}
	if len(pw) > 1024 {
		return Invalid("user.password", "err.too_long", "is longer than {{.max}} characters", map[string]any{"max": 1024})
	}
	return nil
}

// HashPassword returns an argon2id hash in the PHC string form
// "$argon2id$v=19$m=…,t=…,p=…$salt$hash" of the NFC-normalised password, so the
// same password typed on macOS (decomposed) and Windows (composed) matches.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", Internal("making a password salt", err)
	}
	c := PasswordCost
	key := argon2.IDKey([]byte(norm.NFC.String(pw)), salt, c.Time, c.Memory, c.Threads, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, c.Memory, c.Time, c.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether pw matches the stored hash, in constant time.
func VerifyPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || p == 0 || t == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(norm.NFC.String(pw)), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
