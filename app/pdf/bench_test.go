package pdf

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"kontor/app"
)

// countingWriter counts the bytes of the PDF without keeping them.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkRenderInvoice is issue 4's speed target: a 20-line invoice with
// the embedded fonts, the QR Platba code and a logo; median ≤ 20 ms.
func BenchmarkRenderInvoice(b *testing.B) {
	d := longInvoice(20)
	opt := csOpts()
	opt.Logo = testLogo(b)
	if _, ok := app.PaymentQR(d, d.Remaining()); !ok {
		b.Fatal("fixture has no QR")
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := RenderDocument(io.Discard, d, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderBatch1000 renders 1,000 invoices (of 3 to 25 lines) into
// one PDF, the batch export of issue 4 (target ≤ 20 s), and reports the file
// size and the peak heap seen during the run: peak-heap-MB is the most the
// heap held, garbage included, so it depends on when the collector ran;
// peak-live-MB is the most that survived a collection; retained-MB is the
// most the heap holds right after a collection forced every 50 documents,
// the steadiest of the three. None may grow with the batch: compare with
// BenchmarkRenderBatch100.
func BenchmarkRenderBatch1000(b *testing.B) { benchBatch(b, 1000) }

// BenchmarkRenderBatch100 is a quicker look at the same path.
func BenchmarkRenderBatch100(b *testing.B) { benchBatch(b, 100) }

func benchBatch(b *testing.B, n int) {
	opt := csOpts()
	opt.Logo = testLogo(b)
	docs := make([]app.SalesDoc, 23)
	for i := range docs {
		docs[i] = longInvoice(3 + i)
	}
	b.ReportAllocs()
	var peak, peakLive, retained uint64
	var size int64
	for b.Loop() {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		i := 0
		next := func() (app.SalesDoc, error) {
			if i == n {
				return app.SalesDoc{}, io.EOF
			}
			d := docs[i%len(docs)]
			d.Number = fmt.Sprintf("FV2026-%05d", i+1)
			i++
			return d, nil
		}
		// Sample the heap while the batch runs, the final Output included.
		stop, stopped := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(stopped)
			var ms runtime.MemStats
			live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			t := time.NewTicker(5 * time.Millisecond)
			defer t.Stop()
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > base && ms.HeapAlloc-base > peak {
					peak = ms.HeapAlloc - base
				}
				metrics.Read(live)
				if v := live[0].Value.Uint64(); v > base && v-base > peakLive {
					peakLive = v - base
				}
				select {
				case <-stop:
					return
				case <-t.C:
				}
			}
		}()
		w := &countingWriter{}
		progress := func(done int) {
			if done%50 != 0 {
				return
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base && ms.HeapAlloc-base > retained {
				retained = ms.HeapAlloc - base
			}
		}
		err := RenderBatch(context.Background(), w, next, opt, progress)
		close(stop)
		<-stopped
		if err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MB")
	b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
	b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
}
