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
	// tags[i] is 0 for an empty slot i, else keyTag of its key: a probe
	// reads this small array first, so looking up a key the table does
	// not hold touches only it.
	tags  []uint8
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
	return table{slots: make([]slot, size), tags: make([]uint8, size), mask: uint64(size - 1), shift: 64 - bits}
}

// keyTag is the tag of key k in table.tags: never 0, and taken from other
// bits than the key's home slot.
func keyTag(k uint64) uint8 { return uint8(k) | 1 }

// put adds key k, which must not be 0 nor already present; the table must
// have room for it.
func (t *table) put(k uint64, lo, hi uint32) {
	i := k >> t.shift
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{k, lo, hi}
	t.tags[i] = keyTag(k)
	t.n++
}

// get returns the slot of key k, or nil.
func (t *table) get(k uint64) *slot {
	tag := keyTag(k)
	for i := k >> t.shift; ; i = (i + 1) & t.mask {
		switch t.tags[i] {
		case 0:
			return nil
		case tag:
			if s := &t.slots[i]; s.key == k {
				return s
			}
		}
	}
}
