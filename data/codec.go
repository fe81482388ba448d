package data

import (
	"encoding/binary"
	"encoding/json"
	"strconv"

	"kontor/app"
)

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func u16(v int) []byte {
	b := make([]byte, 2)
	binary.BigEndian.PutUint16(b, uint16(v))
	return b
}

func i64s(vs ...int64) []byte {
	b := make([]byte, 8*len(vs))
	for i, v := range vs {
		binary.BigEndian.PutUint64(b[8*i:], uint64(v))
	}
	return b
}

func readI64(b []byte, i int) int64 {
	if len(b) < 8*(i+1) {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b[8*i:]))
}

func itoa(v int) string { return strconv.Itoa(v) }

// cat joins key parts into a fresh slice (bolt keys must not alias buffers we reuse).
func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var sep = []byte{0}

func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, app.Internal("encoding a record", err)
	}
	return b, nil
}

func decode(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return app.Internal("decoding a record", err)
	}
	return nil
}
