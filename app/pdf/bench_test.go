package pdf

import (
	"context"
	"fmt"
	"io"
	"runtime"
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
// one PDF, the batch export of issue 4 (target ≤ 20 s), and reports the peak
// heap seen during the run and the file size.
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
	var peak uint64
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
			t := time.NewTicker(20 * time.Millisecond)
			defer t.Stop()
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > base && ms.HeapAlloc-base > peak {
					peak = ms.HeapAlloc - base
				}
				select {
				case <-stop:
					return
				case <-t.C:
				}
			}
		}()
		w := &countingWriter{}
		err := RenderBatch(context.Background(), w, next, opt, nil)
		close(stop)
		<-stopped
		if err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
}
