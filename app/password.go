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

// Argon2Cost are argon2id parameters.
type Argon2Cost struct {
	Time    uint32 // passes
	Memory  uint32 // KiB
	Threads uint8  // degree of parallelism
}

// DefaultPasswordCost is the argon2id cost of Kontor's password hashes: 19 MiB
// of memory, 2 passes, 1 thread — the minimum the OWASP Password Storage
// Cheat Sheet recommends for argon2id ("m=19456 (19 MiB), t=2, p=1"). A
// verification takes some 45 ms of CPU (about twice that for the first in a
// fresh process, which grows its heap for the 19 MiB).
var DefaultPasswordCost = Argon2Cost{Time: 2, Memory: 19 * 1024, Threads: 1}

// PasswordCost are the argon2id parameters new hashes are made with:
// DefaultPasswordCost, which tests lower (they need the rules, not the
// brute-force resistance). Stored hashes carry their own parameters, so
// raising these later keeps old passwords working.
var PasswordCost = DefaultPasswordCost

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
