package main

import (
	"slices"

	"kontor/app/cli"
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
	)
}
