package app

// Module is one part of Kontor as the rules see it: the roles it brings
// (the jobs of the people who work in it) and who holds each of its
// permissions. Modules() lists them; the role matrix Can and Authorize read
// is built from that list, so a new module is one line in app/modules.go.
type Module struct {
	// ID names the module ("sales"); the screens, CLI and demo use the same
	// IDs for their parts of it.
	ID string
	// Roles are the roles the module brings, in the order screens show them.
	Roles []Role
	// Grants say who holds each permission the module's services check.
	Grants []Grant
}

// Grant gives a permission to roles. Admin holds every permission without
// being named; Everyone gives it to every signed-in user.
type Grant struct {
	Perm     Permission
	Roles    []Role
	Everyone bool
}

// roleMatrix is what Modules() says, indexed: each permission's roles and
// every permission and role in the modules' order.
type roleMatrix struct {
	roles map[Permission][]Role
	perms []Permission
	all   []Role
}

// buildMatrix indexes mods. A permission granted twice, a role brought by
// two modules or a grant to a role no module brings is a programming error:
// it panics at start-up (and in every test) rather than grant by accident.
func buildMatrix(mods []Module) roleMatrix {
	m := roleMatrix{roles: map[Permission][]Role{}}
	brought := map[Role]string{}
	ids := map[string]bool{}
	for _, mod := range mods {
		if mod.ID == "" || ids[mod.ID] {
			panic("app: module ID " + mod.ID + " empty or listed twice")
		}
		ids[mod.ID] = true
		for _, r := range mod.Roles {
			if other, ok := brought[r]; ok {
				panic("app: role " + string(r) + " brought by modules " + other + " and " + mod.ID)
			}
			brought[r] = mod.ID
			m.all = append(m.all, r)
		}
	}
	for _, mod := range mods {
		for _, g := range mod.Grants {
			if _, ok := m.roles[g.Perm]; ok || g.Perm == "" {
				panic("app: permission " + string(g.Perm) + " empty or granted twice")
			}
			roles := append([]Role{}, g.Roles...)
			if g.Everyone {
				roles = append([]Role{}, m.all...)
			}
			for _, r := range roles {
				if _, ok := brought[r]; !ok {
					panic("app: permission " + string(g.Perm) + " granted to " + string(r) + ", which no module brings")
				}
			}
			m.roles[g.Perm] = roles
			m.perms = append(m.perms, g.Perm)
		}
	}
	return m
}

// matrix is built once, from Modules().
var matrix = buildMatrix(Modules())

// Permissions lists every permission of every module, in the modules' order.
func Permissions() []Permission { return append([]Permission{}, matrix.perms...) }

// Known reports whether p is a permission some module grants.
func Known(p Permission) bool {
	_, ok := matrix.roles[p]
	return ok
}
