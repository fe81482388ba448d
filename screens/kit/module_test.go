package kit

import "testing"

// TestArgDoc: a document argument names its ID and nothing else reads as one.
func TestArgDoc(t *testing.T) {
	if id, ok := DocOf(ArgDoc("FV-2026-0007")); !ok || id != "FV-2026-0007" {
		t.Errorf("DocOf(ArgDoc) = %q, %v", id, ok)
	}
	for _, arg := range []string{ArgNew, ArgSave, "", "FV-2026-0007"} {
		if _, ok := DocOf(arg); ok {
			t.Errorf("DocOf(%q) took it for a document", arg)
		}
	}
}
