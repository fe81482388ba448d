package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// output buffers standard output: a command that writes many short lines
// ("kontor list invoices") makes one write(2) per 4 KiB instead of one per
// line. So that nothing waits unseen — a demo's progress, a line before a
// long step — what is buffered is flushed flushAfter after the first write
// into an empty buffer, before anything goes to standard error (so a
// message and the output keep their order, and a password prompt finds the
// output above it on screen), and at the end of run.
type output struct {
	mu    sync.Mutex
	buf   *bufio.Writer
	err   io.Writer
	timer *time.Timer // pending flush, nil when the buffer is empty
}

// flushAfter bounds how long written output waits in the buffer.
const flushAfter = 50 * time.Millisecond

func newOutput(stdout, stderr io.Writer) *output {
	return &output{buf: bufio.NewWriterSize(stdout, 4096), err: stderr}
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	n, err := o.buf.Write(p)
	if o.buf.Buffered() > 0 && o.timer == nil {
		o.timer = time.AfterFunc(flushAfter, func() { _ = o.Flush() })
	}
	return n, err
}

// Flush writes out what is buffered.
func (o *output) Flush() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.flushLocked()
}

func (o *output) flushLocked() error {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	return o.buf.Flush()
}

// Stderr is standard error, written after the buffered output.
func (o *output) Stderr() io.Writer { return stderrAfter{o} }

type stderrAfter struct{ o *output }

func (s stderrAfter) Write(p []byte) (int, error) {
	s.o.mu.Lock()
	defer s.o.mu.Unlock()
	_ = s.o.flushLocked()
	return s.o.err.Write(p)
}
