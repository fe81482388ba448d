package data_test

import (
	"reflect"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// TestServicesComplete: the one Store is every service a front end uses —
// no field of app.Services is left nil (a front end never checks for a
// missing service), each holds the store itself (or its clock), and the
// store implements every interface the struct names.
func TestServicesComplete(t *testing.T) {
	db := datatest.MustOpen(t)
	svc := db.Services()
	v := reflect.ValueOf(svc)
	store := reflect.TypeOf(db.Store)
	if v.NumField() < 17 {
		t.Fatalf("app.Services has %d fields", v.NumField())
	}
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		if f.Kind() != reflect.Interface {
			t.Errorf("Services.%s is a %s, not a service interface", name, f.Kind())
			continue
		}
		if f.IsNil() {
			t.Errorf("Services.%s is nil", name)
			continue
		}
		if name == "Clock" {
			if _, ok := f.Interface().(app.Clock); !ok || f.Elem().Type() == store {
				t.Errorf("Services.Clock is %s", f.Elem().Type())
			}
			continue
		}
		if !store.Implements(f.Type()) || f.Elem().Interface() != any(db.Store) {
			t.Errorf("Services.%s is %s, not the store", name, f.Elem().Type())
		}
	}
}
