package postag

// slot is one cell of a table: a feature key and the range [lo, hi) of its
// entries (or, in the tag dictionary, the tag in lo).
type slot struct {
	key    uint64
	lo, hi uint32
}

// table is an open-addressing hash table from non-zero 64-bit keys to
// entry ranges, with linear probing. Keys are full 64-bit hashes, so two
// features share a slot only if their hashes are equal, and a collision of
// 64-bit hashes merely merges two features' weights. It is built once and
// then only read, so lookups from many goroutines need no locking.
type table struct {
	slots []slot
	mask  uint64
	shift uint
	n     int
}

// newTable returns an empty table with room for n keys at a load factor of
// at most one half.
func newTable(n int) table {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return table{slots: make([]slot, size), mask: uint64(size - 1), shift: 64 - bits}
}

// put adds key k, which must not be 0 nor already present; the table must
// have room for it.
func (t *table) put(k uint64, lo, hi uint32) {
	i := k >> t.shift
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{k, lo, hi}
	t.n++
}

// get returns the slot of key k, or nil.
func (t *table) get(k uint64) *slot {
	i := k >> t.shift
	for {
		s := &t.slots[i]
		switch s.key {
		case k:
			return s
		case 0:
			return nil
		}
		i = (i + 1) & t.mask
	}
}
