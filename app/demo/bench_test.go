package demo_test

import (
	"context"
	"runtime"
	"testing"

	"kontor/app/demo"
	"kontor/data/datatest"
)

// BenchmarkDemoScale100 makes the --scale 100 demo (about 1,000,000 journal
// lines) on a real store (NoSync); it reports the lines made and the heap in
// use at the progress calls, which stays bounded by the batch size.
func BenchmarkDemoScale100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		db := datatest.MustOpen(b, datatest.Empty())
		var peak uint64
		sum, err := demo.Run(context.Background(), db.Services(), demo.Options{Scale: 100, Progress: func(done, total int) {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}}, demo.All()...)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(sum.Lines), "lines")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}
