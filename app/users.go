package app

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// User is a person who signs in to Kontor. Users are disabled, never deleted:
// the audit trail refers to them by name.
type User struct {
	ID       string    `json:"id"`
	Branch   string    `json:"branch"`
	Name     string    `json:"name"` // login name, unique, case-insensitive
	FullName string    `json:"full_name"`
	Roles    []Role    `json:"roles"`
	Disabled bool      `json:"disabled"`
	Created  time.Time `json:"created"`
}

// Has reports whether the user has role r (admin counts as every role).
func (u User) Has(r Role) bool {
	for _, x := range u.Roles {
		if x == r || x == RoleAdmin {
			return true
		}
	}
	return false
}

// NormalizeUserName trims and lowercases a login name.
func NormalizeUserName(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidateUserName allows 2–32 letters, digits, dots, dashes and underscores.
func ValidateUserName(name string) error {
	n := utf8.RuneCountInString(name)
	if n == 0 {
		return Invalid("user.name", "err.required", "is required", nil)
	}
	if n < 2 || n > 32 {
		return Invalid("user.name", "err.user.name_length", "a user name has 2 to 32 characters", nil)
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '_' {
			return Invalid("user.name", "err.user.name_chars", "a user name may contain letters, digits, dots, dashes and underscores only", nil)
		}
	}
	return nil
}

// NewUser is what creating a user needs.
type NewUser struct {
	Name     string
	FullName string
	Roles    []Role
	Password string
}

// Validate checks name, roles and password.
func (n NewUser) Validate() error {
	if err := ValidateUserName(NormalizeUserName(n.Name)); err != nil {
		return err
	}
	if err := maxText("user.full_name", n.FullName, 100); err != nil {
		return err
	}
	if _, err := NormalizeRoles(n.Roles); err != nil {
		return err
	}
	return ValidatePassword(n.Password)
}

// UserService manages users and signs them in. Methods other than HasUsers,
// Authenticate and CreateFirstAdmin need a signed-in user in ctx.
type UserService interface {
	// HasUsers reports whether any user exists (the first run creates the first admin).
	HasUsers(ctx context.Context) (bool, error)
	// CreateFirstAdmin creates an admin when there are no users yet; ECONFLICT otherwise.
	CreateFirstAdmin(ctx context.Context, u NewUser) (User, error)
	// Authenticate checks a name and password. Failures are recorded in the
	// audit trail and make the next attempts for that user wait longer.
	Authenticate(ctx context.Context, name, password string) (User, error)
	Users(ctx context.Context) ([]User, error)
	CreateUser(ctx context.Context, u NewUser) (User, error)
	SetRoles(ctx context.Context, name string, roles []Role) (User, error)
	// ResetPassword sets another user's password (admin).
	ResetPassword(ctx context.Context, name, password string) error
	// ChangePassword changes the signed-in user's own password.
	ChangePassword(ctx context.Context, oldPassword, newPassword string) error
	SetDisabled(ctx context.Context, name string, disabled bool) (User, error)
}

// AuditEntry is one line of the tamper-evident audit trail: who did what to
// which record, when. Hash covers Prev and every other field, so changing,
// removing or reordering an entry breaks the chain.
type AuditEntry struct {
	Seq      uint64    `json:"seq"`
	Time     time.Time `json:"time"`
	User     string    `json:"user"`
	Action   string    `json:"action"` // "create", "update", "post", "login", "login.failed", …
	Entity   string    `json:"entity"` // "company", "entry", "user", …
	EntityID string    `json:"entity_id"`
	// Text is the summary in English, as written (old entries have only
	// this); Key and Args are the same summary as a translation key and its
	// typed arguments, so Summary can show it in the reader's language.
	Text string    `json:"summary"`
	Key  string    `json:"key,omitempty"`
	Args AuditArgs `json:"args,omitempty"`
	// Proof is the hex SHA-256 over the records this entry wrote (issued
	// documents, journal entries…) and Records their count: changing a record
	// afterwards, or the stored proofs of it, no longer matches the chain.
	Proof   string `json:"proof,omitempty"`
	Records int    `json:"records,omitempty"`
	Prev    string `json:"prev"` // hex SHA-256 of the previous entry
	Hash    string `json:"hash"` // hex SHA-256 of this entry
}

// AuditFilter narrows the audit trail (zero values match everything).
type AuditFilter struct {
	User     string
	Entity   string
	From, To Date
}

// AuditService reads the audit trail (admin and accounts).
type AuditService interface {
	AuditCount(ctx context.Context, f AuditFilter) (int, error)
	// AuditPage returns entries newest first.
	AuditPage(ctx context.Context, f AuditFilter, offset, limit int) ([]AuditEntry, error)
}
