package app

import (
	"strings"
	"text/template"
)

// renderTemplate fills a message template the way Fyne's lang package does, so the
// English fallback and the translations share one syntax ({{.name}}).
func renderTemplate(msg string, args map[string]any) string {
	if args == nil || !strings.Contains(msg, "{{") {
		return msg
	}
	t, err := template.New("msg").Option("missingkey=zero").Parse(msg)
	if err != nil {
		return msg
	}
	var b strings.Builder
	if err := t.Execute(&b, args); err != nil {
		return msg
	}
	return b.String()
}
