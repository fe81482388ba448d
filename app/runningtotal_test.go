package app

import (
	"math"
	"testing"
)

func TestAddRunning(t *testing.T) {
	tests := []struct {
		total, amount, want int64
		ok                  bool
	}{
		{0, 0, 0, true},
		{10, 5, 15, true},
		{math.MaxInt64 - 5, 5, math.MaxInt64, true},
		{math.MaxInt64 - 5, 6, 0, false},
		{math.MaxInt64, math.MaxInt64, 0, false},
		{math.MinInt64 + 5, -5, math.MinInt64, true},
		{math.MinInt64 + 5, -6, 0, false},
		{math.MaxInt64, -1, math.MaxInt64 - 1, true},
		{-10, 3, -7, true},
	}
	for _, tc := range tests {
		got, ok := AddRunning(tc.total, tc.amount)
		if got != tc.want || ok != tc.ok {
			t.Errorf("AddRunning(%d, %d) = %d, %v; want %d, %v", tc.total, tc.amount, got, ok, tc.want, tc.ok)
		}
	}
}
