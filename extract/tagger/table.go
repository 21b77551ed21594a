package tagger

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
