package cli

import (
	"flag"
	"slices"
	"strings"

	"kontor/app"
)

// Command is one command of the command line, such as "check" or "export
// invoice". The commands are listed per module (Core, Reception, Sales,
// Accounts, Payables) and main composes them into Env.Commands, one line per
// module; a command whose Path has two words belongs to the group its first
// word names ("user", "list", "import", "export"), which help lists as one
// command with subcommands.
type Command struct {
	// Path is what the user types after "kontor": "check", "export invoice".
	Path string
	// Args is the synopsis after the path in help ("NUMBER [--out FILE.pdf] …").
	Args string
	// Summary is the one-line explanation in help, in English like all of
	// the command line, lower case, without a final full stop.
	Summary string
	// Perm is the permission the signed-in user needs for the command (the
	// command and the store refuse anyone without it); NoSignIn marks the
	// commands that sign nobody in (demo, version, help), whose Perm is empty.
	// "user add" and "user passwd" need Perm except for the first admin of a
	// new database and for a user changing their own password.
	Perm     app.Permission
	NoSignIn bool
	// Reads marks a command that only reads the store: it opens it with
	// Env.OpenReads (no daily backup at start-up) when main gives one.
	Reads bool
	// MinArgs and MaxArgs bound the positional arguments.
	MinArgs, MaxArgs int
	// Order places the command in help: the top-level commands and groups by
	// their order (a group by its groupHead's), a group's commands by theirs.
	Order int
	// setup defines the command's flags on fs (db is a --db given before the
	// command) and returns what runs it once they are parsed, given the
	// positional arguments.
	setup func(r *runner, c command, fs *flag.FlagSet, db string) func(args []string) int
}

// permAdmin is what restore and compact need: an admin (users.manage is the
// permission only the admin role holds).
const permAdmin = app.PermUsersManage

// groupHead says how help shows a group of commands.
type groupHead struct {
	args, summary string
	order         int
}

// groups are the heads of the command groups help shows; a group not named
// here is listed after them with its commands' names.
var groups = map[string]groupHead{
	"user": {"COMMAND [flags]", "manage who may sign in: add, list, passwd, disable, enable, roles", 60},
	"list": {"invoices|stock|stock-docs|tickets [flags]", "list sales documents (invoices, credit notes, quotes, orders), the stock as of a day, the stock documents, or the after-sales tickets with their deadlines", 70},
	"import": {"customers|items FILE.csv [flags] | bank FILE [--dry-run]",
		"add customers or stock items from a CSV file, or import a bank statement (ABO/GPC or CSV) and post the payments it pairs with open invoices (--dry-run checks first)", 80},
	"export": {"invoice NUMBER | invoices [flags] | customers|items --out FILE.csv | report REPORT [flags] | statement [flags] | stock-doc NUMBER | stocktake-sheet ID | ticket NUMBER --out FILE.pdf | vat-return|vat-control|eu-sales --period P --out FILE.xml",
		"write sales documents as PDFs (one, or a period's as one file or a folder), the customers or stock items as CSV, a financial or warehouse report as PDF or CSV, customer statements as PDFs (one file each or combined), a stock document or stocktake sheet as a PDF, a complaint's confirmation or outcome as a PDF, or the VAT return, control statement and EU sales list as XML files for the tax portal", 90},
	"payroll": {"run YYYY-MM [--dry-run]", "run a month's payroll: compute the pay run, approve it and post it to the ledger (--dry-run only prints its register)", 95},
}

// command is a node of the command tree help and Run walk: a command, or a
// group (setup nil) with its subcommands, whose names include the group's
// ("user add").
type command struct {
	name    string
	args    string // synopsis after the name
	summary string
	minArgs int // positional arguments required
	maxArgs int // positional arguments allowed
	setup   func(r *runner, c command, fs *flag.FlagSet, db string) func(args []string) int
	subs    []command
	order   int
	reads   bool // Command.Reads
}

func (c Command) node() command {
	return command{name: c.Path, args: c.Args, summary: c.Summary, minArgs: c.MinArgs, maxArgs: c.MaxArgs, setup: c.setup, order: c.Order, reads: c.Reads}
}

// Group is the group c belongs to ("export" for "export invoice"), "" for a
// top-level command.
func (c Command) Group() string {
	if g, _, ok := strings.Cut(c.Path, " "); ok {
		return g
	}
	return ""
}

// tree builds the top level of the command line from cmds: the commands
// and groups in help's order, each group with its commands in theirs.
func tree(cmds []Command) []command {
	var top []command
	index := map[string]int{}
	for _, c := range cmds {
		g := c.Group()
		if g == "" {
			top = append(top, c.node())
			continue
		}
		i, ok := index[g]
		if !ok {
			h, known := groups[g]
			if !known {
				h = groupHead{args: "COMMAND [flags]", summary: "the " + g + " commands", order: 1 << 20}
			}
			i = len(top)
			index[g] = i
			top = append(top, command{name: g, args: h.args, summary: h.summary, order: h.order})
		}
		top[i].subs = append(top[i].subs, c.node())
	}
	byOrder := func(a, b command) int { return a.order - b.order }
	for i := range top {
		slices.SortStableFunc(top[i].subs, byOrder)
	}
	slices.SortStableFunc(top, byOrder)
	return top
}
