package demo_test

import (
	"context"
	"testing"

	"kontor/app/demo"
	"kontor/data/datatest"
)

func TestZZProf(t *testing.T) {
	db := datatest.MustOpen(t, datatest.Empty())
	if _, err := demo.Run(context.Background(), db.Services(), demo.Options{Scale: 10}, demo.All()...); err != nil {
		t.Fatal(err)
	}
}
