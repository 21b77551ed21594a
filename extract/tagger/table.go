package tagger

import (
	"math"
	"slices"
)

// table is an open-addressing hash table from non-zero 64-bit keys to
// int32 values, with linear probing. It is built once and then only read,
// so lookups from many goroutines need no locking.
//
// A key's home slot is given by its top bits, so inserting keys in
// ascending order (as Load does) walks the table from start to end.
type table struct {
	keys  []uint64
	vals  []int32
	mask  uint64
	shift uint
	n     int
}

// newTable returns an empty table with room for n keys at a load factor of
// at most one half.
func newTable(n int) *table {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return &table{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1), shift: 64 - bits}
}

func (t *table) len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// put sets the value of key k, which must not be 0.
func (t *table) put(k uint64, v int32) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	i := k >> t.shift
	for {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return
		case k:
			t.vals[i] = v
			return
		}
		i = (i + 1) & t.mask
	}
}

func (t *table) grow() {
	old := *t
	nt := newTable(2 * (t.n + 1))
	for i, k := range old.keys {
		if k != 0 {
			nt.put(k, old.vals[i])
		}
	}
	*t = *nt
}

// get returns the value of key k, or -1.
func (t *table) get(k uint64) int32 {
	i := k >> t.shift
	for {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return -1
		}
		i = (i + 1) & t.mask
	}
}

// wtable is the table of feature weights: an open-addressing hash table
// from non-zero 64-bit feature keys to rows of nl label weights, with
// linear probing. Most rows have one or two non-zero weights, and weights
// are multiples of weightStep, so a slot holds its key and, in 8 bytes,
// up to two weights as small integers with their labels; other rows point
// into entries. Slots are 16 bytes, four to a cache line: a lookup
// usually reads one line, and the table takes about a third of the memory
// of dense rows, which matters once the model no longer fits in the
// cache. Only non-zero weights are kept; adding them in label order gives
// the very sums of adding the dense rows.
type wtable struct {
	slots []wslot
	// tags[i] is 0 for an empty slot i, else tagOf its key: a probe
	// reads this small array first, so looking up a key the table does
	// not hold (about a quarter of the look-ups) touches only it.
	tags    []uint8
	entries []wentry // weights of rows that do not fit in their slot, when not dense
	// dense holds, nl to a row, the weights in steps of the rows that do
	// not fit in their slot and whose weights are all exact steps: one
	// row is added without reading labels, from one or two cache lines.
	dense   []int16
	nl      int
	mask    uint64
	shift   uint
	n       int
	inexact bool // some weight is not k*weightStep with k an int16 (see maxSteps)
}

type wslot struct {
	key  uint64
	info uint64 // see packInline and packEntries
}

type wentry struct {
	y uint16
	k int16 // w in steps, when the table is exact
	w float32
}

// A slot's info: bit 63 set, a row of at most two weights, its count in
// bits 56-57, labels in bits 48-55 and 40-47, weights in multiples of
// weightStep as int16 in bits 16-31 and 0-15. Bit 62 set: the row is
// dense[(info&0xffffffff)*nl:][:nl]. Both clear: the row's weights are
// entries[info&0xffffffff : info>>32].
const (
	inlineRow = 1 << 63
	denseRow  = 1 << 62
)

// packInline returns the info of a row of the labels ys with weights ws
// (at most two), or false when it does not fit.
func packInline(ys []int, ws []float32) (uint64, bool) {
	info := uint64(inlineRow) | uint64(len(ys))<<56
	for i, y := range ys {
		if y > 255 {
			return 0, false
		}
		k, exact := steps(ws[i])
		if !exact {
			return 0, false
		}
		info |= uint64(y)<<(48-8*i) | uint64(uint16(k))<<(16-16*i)
	}
	return info, true
}

// steps returns w in steps of weightStep, and whether that is exact and
// fits an int16.
func steps(w float32) (int16, bool) {
	k := math.Round(float64(w) / weightStep)
	if k < math.MinInt16 || k > math.MaxInt16 || inlineWeight(int16(k)) != w {
		return 0, false
	}
	return int16(k), true
}

// inlineWeight is the weight of k steps (exactly: k fits in a float32 and
// the step is a power of two).
func inlineWeight(k int16) float32 { return float32(k) * weightStep }

// newWTable returns an empty weight table for rows of nl weights with room
// for n keys at a load factor of at most one half.
func newWTable(n, nl int) *wtable {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return &wtable{slots: make([]wslot, size), tags: make([]uint8, size), nl: nl, mask: uint64(size - 1), shift: 64 - bits}
}

// tagOf is the tag of key k in wtable.tags: never 0, and taken from other
// bits than the key's home slot.
func tagOf(k uint64) uint8 { return uint8(k) | 1 }

func (t *wtable) len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// put sets the weights of key k, which must not be 0, to row.
func (t *wtable) put(k uint64, row []float32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	var ys [2]int
	var ws [2]float32
	nz := 0
	for y, v := range row[:t.nl] {
		if v != 0 {
			if nz < 2 {
				ys[nz], ws[nz] = y, v
			}
			nz++
		}
	}
	info, ok := uint64(0), false
	if nz <= 2 {
		info, ok = packInline(ys[:nz], ws[:nz])
	}
	if !ok && t.nl > 0 {
		// Dense, if every weight is k steps with k an int16.
		at := len(t.dense)
		t.dense = append(t.dense, make([]int16, t.nl)...)
		ok = true
		for y, v := range row[:t.nl] {
			if v != 0 {
				k, exact := steps(v)
				if !exact {
					ok = false
					break
				}
				t.dense[at+y] = k
			}
		}
		if ok {
			info = denseRow | uint64(at/t.nl)
		} else {
			t.dense = t.dense[:at]
		}
	}
	if !ok {
		lo := len(t.entries)
		for y, v := range row[:t.nl] {
			if v != 0 {
				k, exact := steps(v)
				t.inexact = t.inexact || !exact
				t.entries = append(t.entries, wentry{uint16(y), k, v})
			}
		}
		info = uint64(lo) | uint64(len(t.entries))<<32
	}
	i := k >> t.shift
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) & t.mask
	}
	if t.slots[i].key == 0 {
		t.n++
	}
	t.slots[i] = wslot{k, info}
	t.tags[i] = tagOf(k)
}

func (t *wtable) grow() {
	nt := newWTable(2*(t.n+1), t.nl)
	row := make([]float32, t.nl)
	for _, s := range t.slots {
		if s.key != 0 {
			nt.put(s.key, t.rowTo(row, s.info))
		}
	}
	nt.inexact = t.inexact
	*t = *nt
}

// get returns the info of key k, or false.
func (t *wtable) get(k uint64) (uint64, bool) {
	tag := tagOf(k)
	for i := k >> t.shift; ; i = (i + 1) & t.mask {
		switch t.tags[i] {
		case 0:
			return 0, false
		case tag:
			if s := &t.slots[i]; s.key == k {
				return s.info, true
			}
		}
	}
}

// addTo adds the weights of the row of info to sc.
func (t *wtable) addTo(sc []float32, info uint64) {
	if info&inlineRow != 0 {
		switch info >> 56 & 3 {
		case 2:
			sc[info>>48&0xff] += inlineWeight(int16(info >> 16))
			sc[info>>40&0xff] += inlineWeight(int16(info))
		case 1:
			sc[info>>48&0xff] += inlineWeight(int16(info >> 16))
		}
		return
	}
	if info&denseRow != 0 {
		at := int(uint32(info)) * t.nl
		for y, k := range t.dense[at : at+t.nl] {
			if k != 0 {
				sc[y] += inlineWeight(k)
			}
		}
		return
	}
	for _, e := range t.entries[uint32(info) : info>>32] {
		sc[e.y] += e.w
	}
}

// addSteps adds the weights of the row of info, in steps, to acc. It
// must be called only on a table that is not inexact.
func (t *wtable) addSteps(acc []int32, info uint64) {
	if info&inlineRow != 0 {
		switch info >> 56 & 3 {
		case 2:
			acc[info>>48&0xff] += int32(int16(info >> 16))
			acc[info>>40&0xff] += int32(int16(info))
		case 1:
			acc[info>>48&0xff] += int32(int16(info >> 16))
		}
		return
	}
	if info&denseRow != 0 {
		at := int(uint32(info)) * t.nl
		row := t.dense[at : at+t.nl]
		acc = acc[:len(row)]
		for y, k := range row {
			acc[y] += int32(k)
		}
		return
	}
	for _, e := range t.entries[uint32(info) : info>>32] {
		acc[e.y] += int32(e.k)
	}
}

// rowTo writes the dense row of info into row and returns it.
func (t *wtable) rowTo(row []float32, info uint64) []float32 {
	clear(row)
	t.addTo(row, info)
	return row
}

// keys returns the keys of t in ascending order.
func (t *wtable) keys() []uint64 {
	if t == nil {
		return nil
	}
	keys := make([]uint64, 0, t.n)
	for _, s := range t.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	return keys
}
