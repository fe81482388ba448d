package kit

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"kontor/app"
)

// Module is what one screens module adds to the main window: its tabs, and
// panes (sub-tabs) it puts into another module's tab. Each module package
// exports `func Module() kit.Module`; main composes them with one line per
// module (guimodules.go) and hands them to screens.ShowMain. The shell knows
// no module by name.
type Module struct {
	// ID names the module ("sales"); unique among the composed modules.
	ID    string
	Tabs  []Tab
	Panes []Pane
}

// Group is a top-level tab set of the shell.
type Group string

// The two top-level tab sets of the shell.
const (
	FrontOffice Group = "front"
	BackOffice  Group = "back"
)

// Tab is one tab of the main window.
type Tab struct {
	// ID names the tab ("sales"); unique among all composed tabs. Host.Open
	// and Pane.Parent name tabs by it; the shell remembers the last one shown.
	ID string
	// TitleKey is the translation key of the title; Title its English fallback.
	TitleKey, Title string
	// Icon is a theme icon, called when the tab is built (theme needs a
	// running app).
	Icon  func() fyne.Resource
	Group Group
	// Perm is the permission the tab's work needs: only users holding it
	// see the tab (app/roles.go decides who holds it, so the tab shows
	// exactly to whom the store answers). Never empty.
	Perm app.Permission
	// Order places the tab within its group (ascending; ties keep the order
	// of composition).
	Order int
	// Build makes the tab's view once, when the shell opens for a signed-in
	// user allowed Perm. A new shell (after sign-out and sign-in) builds it
	// again.
	Build func(Host) View
	// Actions are the tab's menu items (a menu titled like the tab).
	Actions []Action
}

// Pane is a sub-tab that a module adds to another module's tab (Parent):
// Receivables, Statements and Reports (accounts), Payables and Bank
// (payables) in the Accounts tab. The parent's View must implement
// PaneHolder; the shell builds the panes after the parent, in Order, and
// hands each to the parent's AddPane.
type Pane struct {
	// Parent is the ID of the tab the pane goes into.
	Parent string
	// ID names the pane; TitleKey/Title, Icon as for Tab.
	ID, TitleKey, Title string
	Icon                func() fyne.Resource
	// Perm is the permission the pane needs; users without it do not see it.
	Perm app.Permission
	// Order places the pane among the parent's sub-tabs (ascending).
	Order int
	// Build makes the pane's view. Host.View(Parent) is the parent tab's
	// view, already built.
	Build func(Host) View
}

// Action is a menu item of a tab: choosing it opens the tab with Arg
// (Host.Open(tab ID, Arg)).
type Action struct {
	TitleKey, Title string
	// Perm is what the action needs; users without it do not see it.
	Perm app.Permission
	// Arg is handed to the tab's Opener.
	Arg string
	// Shortcut is the action's key (Ctrl+N). Several tabs may give the
	// same shortcut: it runs the action of the tab on show; from another
	// tab, the action marked Anywhere, else the first action not marked
	// Here.
	Shortcut fyne.Shortcut
	// Anywhere: the shortcut runs this action from tabs without their own.
	Anywhere bool
	// Here: the shortcut runs this action only from its own tab.
	Here bool
}

// Label is the translated title of a tab.
func (t Tab) Label() string { return lang.X(t.TitleKey, t.Title) }

// Label is the translated title of a pane.
func (p Pane) Label() string { return lang.X(p.TitleKey, p.Title) }

// Label is the translated title of an action.
func (a Action) Label() string { return lang.X(a.TitleKey, a.Title) }

// View is a built tab or pane: what the shell puts on screen. A View may
// also implement Shower, Focuser, Stopper, Opener and PaneHolder.
type View interface {
	UI() fyne.CanvasObject
}

// ViewOf wraps a finished canvas object (a placeholder) as a View.
func ViewOf(o fyne.CanvasObject) View { return objectView{o} }

type objectView struct{ o fyne.CanvasObject }

func (v objectView) UI() fyne.CanvasObject { return v.o }

// Shower is a View that reloads what it shows when its tab comes into view
// (and, for a pane, when its parent tab is shown or refreshed).
type Shower interface {
	Shown()
}

// Focuser is a View that puts the cursor on its first field when the shell
// opens on its tab.
type Focuser interface {
	Focus()
}

// Stopper is a View with background work (a ticker) to end when the shell
// closes (sign-out, window closed).
type Stopper interface {
	Stop()
}

// Opener is a View that other modules and the menu can ask to show
// something: Host.Open(tabID, arg) selects the tab, then calls Open(arg).
// The arguments are the tab's own (see ArgNew, ArgSave, ArgDoc); an
// unknown one is ignored. Open asks before dropping unsaved work.
type Opener interface {
	Open(arg string)
}

// PaneHolder is a View that takes other modules' panes as sub-tabs: the
// shell calls AddPane for each Pane whose Parent is the view's tab.
type PaneHolder interface {
	AddPane(title string, icon fyne.Resource, v View)
}

// Arguments of Opener.Open that more than one module uses.
const (
	// ArgNew opens a new record of the tab's main kind (Ctrl+N): a new
	// invoice in Sales, a new customer in Reception.
	ArgNew = "new"
	// ArgSave saves what the tab has open (Ctrl+S).
	ArgSave = "save"
	// argDoc prefixes the ID of a document to show (ArgDoc).
	argDoc = "doc:"
)

// The shortcuts that more than one module gives its actions.
var (
	// ShortcutNew is Ctrl+N (Cmd+N on macOS): Action{Arg: ArgNew}.
	ShortcutNew fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	// ShortcutSave is Ctrl+S (Cmd+S on macOS): Action{Arg: ArgSave}.
	ShortcutSave fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// ArgDoc is the Open argument that shows the document with id (a sales
// document in the Sales tab).
func ArgDoc(id string) string { return argDoc + id }

// DocOf returns the document ID of an ArgDoc argument.
func DocOf(arg string) (id string, ok bool) { return strings.CutPrefix(arg, argDoc) }

// Host is the shell as a tab or pane sees it.
type Host interface {
	// Deps are the services, the printer and the signed-in user.
	Deps() Deps
	// Window is the main window (for dialogs).
	Window() fyne.Window
	// Company is the company as it is now (Settings may change it while the
	// shell is open).
	Company() app.Company
	// Open selects tab tabID and, when arg is not empty and the tab's view
	// is an Opener, hands it arg. It reports whether the user sees the tab.
	Open(tabID, arg string) bool
	// View returns the built view of tab tabID, nil when the user does not
	// see it (or it is not built yet).
	View(tabID string) View
}

// Visible returns the tabs and panes of mods that a user allowed can see
// (each needs its Perm): tabs in display order (by Order, ties in the order
// of composition), panes by Order. The shell and kittest.Host build these.
func Visible(mods []Module, can func(app.Permission) bool) ([]Tab, []Pane) {
	var tabs []Tab
	var panes []Pane
	for _, m := range mods {
		for _, t := range m.Tabs {
			if t.Perm != "" && can(t.Perm) {
				tabs = append(tabs, t)
			}
		}
		for _, p := range m.Panes {
			if p.Perm != "" && can(p.Perm) {
				panes = append(panes, p)
			}
		}
	}
	slices.SortStableFunc(tabs, func(a, b Tab) int { return a.Order - b.Order })
	slices.SortStableFunc(panes, func(a, b Pane) int { return a.Order - b.Order })
	return tabs, panes
}

// BuildPane builds pane p into its parent's view when that is a
// PaneHolder, and returns the pane's view (nil when there is no holder).
func BuildPane(h Host, parent View, p Pane) View {
	holder, ok := parent.(PaneHolder)
	if !ok {
		return nil
	}
	v := p.Build(h)
	var icon fyne.Resource
	if p.Icon != nil {
		icon = p.Icon()
	}
	holder.AddPane(p.Label(), icon, v)
	return v
}
