package main

import (
	"slices"

	"kontor/app/cli"
	"kontor/app/demo"
)

// The modules as the command line has them, one line per module.

// cliCommands are the command line's commands: its own and each module's.
func cliCommands() []cli.Command {
	return slices.Concat(
		cli.Core(),
		cli.Reception(),
		cli.Sales(),
		cli.Accounts(),
		cli.Payables(),
		cli.Warehouse(),
		cli.Payroll(),
		cli.AfterSales(),
	)
}

// demoSteps are the demo's steps, one per module, new for each run; the
// command line's "kontor demo" and the window's first-run demo both make
// the demo with them.
func demoSteps() []demo.Step {
	return []demo.Step{
		demo.Warehouse(), // first: each day's goods are received before the invoices ship them
		demo.Sales(),
		demo.Payables(),
		demo.Bank(),
		demo.Reception(),
		demo.Payroll(),    // the eight people's pay runs, month by month
		demo.AfterSales(), // the service desk's last weeks: complaints, a return, repairs
	}
}
