package main

import (
	"io"
	"time"

	"kontor/app"
	"kontor/app/pdf"
)

// renderStatement hands "kontor export statement" (cli.Env.Statements) to
// app/pdf, which the CLI may not import: the statement is printed in the
// customer's document language (Czech when it names none), with the
// company's logo and base currency.
func renderStatement(w io.Writer, st app.Statement, c app.Company) error {
	lang := st.Lang
	if !lang.Valid() {
		lang = app.Czech
	}
	return pdf.RenderStatement(w, st, c, pdf.Options{Lang: lang, Logo: c.Logo, BaseCurrency: c.BaseCurrency, Created: time.Now()})
}
