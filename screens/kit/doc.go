// Package kit is what every screen module of Kontor's desktop interface
// shares: the dependencies a screen gets (Deps: services, printer, the
// signed-in session), the one way to call a service off the UI thread (Call,
// Run, Job), forms and form dialogs that mark a refused field where it is,
// the error dialog, file dialogs, list tables and paged rows, formatting in
// the UI language, and the shapes a module declares itself with (Module,
// Tab, Pane, View, Host).
//
// Nothing in kit knows a module: the shell (package screens) composes the
// modules, each module imports kit only.
package kit
