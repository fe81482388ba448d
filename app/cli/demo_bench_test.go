package cli

import (
	"context"
	"runtime"
	"testing"
	"time"

	"kontor/app"
)

// countingLedger checks and counts entries without keeping them, so the
// benchmark measures the generator alone.
type countingLedger struct {
	*fakeStore
	entries, lines int
}

func (c *countingLedger) PostEntries(ctx context.Context, es []app.Entry) error {
	for _, e := range es {
		if err := e.Validate(); err != nil {
			return err
		}
		c.lines += len(e.Lines)
	}
	c.entries += len(es)
	return nil
}

// BenchmarkDemoScale100 generates the --scale 100 journal (about 1,000,000
// lines) into a ledger that only validates and counts; it reports the lines
// made and the heap in use at the end, which stays bounded by the batch size.
func BenchmarkDemoScale100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		st := newFakeStore("/bench.db", app.NewFixedClock(time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local)))
		led := &countingLedger{fakeStore: st}
		svc := st.Services()
		svc.Ledger = led
		var peak uint64
		_, err := Demo(context.Background(), svc, DemoOptions{Scale: 100, Progress: func(done, total int) {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(led.lines), "lines")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}
