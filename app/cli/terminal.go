package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"kontor/app"
)

// isTerminal reports whether passwords may be asked for interactively.
func (r *runner) isTerminal() bool {
	if r.env.IsTerminal != nil {
		return r.env.IsTerminal()
	}
	f, ok := r.env.Stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readPassword asks for a password without echoing it.
func (r *runner) readPassword(prompt string) (string, error) {
	if r.env.ReadPassword != nil {
		return r.env.ReadPassword(prompt)
	}
	f, ok := r.env.Stdin.(*os.File)
	if !ok {
		return "", app.Errorf(app.EINTERNAL, "err.cli.no_terminal", "cannot read a password: standard input is not a terminal", nil)
	}
	return readTerminalPassword(r.ctx, f, r.env.Stderr, prompt)
}

// readTerminalPassword prints prompt on w and reads a line from the terminal
// f with echo off. Ctrl-C cancels ctx (main catches the signal), which would
// otherwise leave the read waiting for Enter with echo still off: the
// terminal is restored and the read abandoned.
func readTerminalPassword(ctx context.Context, f *os.File, w io.Writer, prompt string) (string, error) {
	fd := int(f.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return "", app.Internal("reading the terminal", err)
	}
	fmt.Fprint(w, prompt)
	type result struct {
		pw  []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		pw, err := term.ReadPassword(fd)
		done <- result{pw, err}
	}()
	select {
	case res := <-done:
		fmt.Fprintln(w) // the Enter typed was not echoed
		if res.err != nil {
			return "", app.Internal("reading the password", res.err)
		}
		return string(res.pw), nil
	case <-ctx.Done():
		_ = term.Restore(fd, state)
		fmt.Fprintln(w)
		return "", app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
	}
}
