package gazetteer

import "hash/maphash"

// nameTable is the gazetteer's index: an open-addressing hash table with
// linear probing from keys (see Normalize) to what the gazetteer knows of
// them. One probe answers what took three map lookups: the classes of the
// key as a name, as a capitals-only abbreviation, and the longest name
// that starts with it. It is built once and then only read.
//
// Probing reads tags, one byte a slot (a fortieth of a slot's size), and
// a slot itself only when its tag is the key's: most look-ups are of
// words and phrases the table does not hold, and they touch a small array
// that stays in the processor's cache.
type nameTable struct {
	tags  []uint8 // 0: an empty slot; else the top byte of the key's hash, bit 0 set
	slots []nameSlot
	mask  uint64
	seed  maphash.Seed
}

// tagOf is the tag of a key of hash h.
func tagOf(h uint64) uint8 { return uint8(h>>56) | 1 }

type nameSlot struct {
	key   string
	lens  uint32 // bit n (2 to 30): some name of n words starts with this word; bit 31: one of 31 or more
	names Class  // classes of the key as a name (when hasName)
	caps  Class  // classes of the key as an abbreviation in capitals (when hasCaps)
	flags uint8
	first uint8 // the most words of a name that starts with this key's word, when it has several
}

const (
	hasName = 1 << iota
	hasCaps
)

// tableBuilder collects the slots of a nameTable, one per distinct key,
// in a small index of its own: cheaper than the maps it replaces, whose
// building was most of the time it takes to load the gazetteer.
type tableBuilder struct {
	index  []uint32 // 0: empty; else 1 + a position in slots
	mask   uint64
	seed   maphash.Seed
	slots  []nameSlot
	hashes []uint64
}

func newTableBuilder(n int) *tableBuilder {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &tableBuilder{index: make([]uint32, size), mask: uint64(size - 1), seed: maphash.MakeSeed(),
		slots: make([]nameSlot, 0, n), hashes: make([]uint64, 0, n)}
}

// slot returns the slot of key, adding it when it is new.
func (b *tableBuilder) slot(key string) *nameSlot {
	h := maphash.String(b.seed, key)
	i := h & b.mask
	for ; b.index[i] != 0; i = (i + 1) & b.mask {
		if s := &b.slots[b.index[i]-1]; s.key == key {
			return s
		}
	}
	if 2*len(b.slots) >= len(b.index) {
		b.grow()
		return b.slot(key)
	}
	b.slots = append(b.slots, nameSlot{key: key})
	b.hashes = append(b.hashes, h)
	b.index[i] = uint32(len(b.slots))
	return &b.slots[len(b.slots)-1]
}

func (b *tableBuilder) grow() {
	b.index = make([]uint32, 2*len(b.index))
	b.mask = uint64(len(b.index) - 1)
	for n, h := range b.hashes {
		i := h & b.mask
		for b.index[i] != 0 {
			i = (i + 1) & b.mask
		}
		b.index[i] = uint32(n + 1)
	}
}

// table builds the nameTable of the slots that know something.
func (b *tableBuilder) table() *nameTable {
	size := 16
	for size < 2*len(b.slots) {
		size <<= 1
	}
	t := &nameTable{tags: make([]uint8, size), slots: make([]nameSlot, size), mask: uint64(size - 1), seed: b.seed}
	for n := range b.slots {
		s := &b.slots[n]
		if s.flags == 0 && s.first == 0 {
			continue // a slot that knows nothing stays empty
		}
		h := b.hashes[n]
		i := h & t.mask
		for t.tags[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = *s
		t.tags[i] = tagOf(h)
	}
	return t
}

// get returns the slot of key, or nil.
func (t *nameTable) get(key string) *nameSlot {
	h := maphash.String(t.seed, key)
	tag := tagOf(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.tags[i] {
		case 0:
			return nil
		case tag:
			if s := &t.slots[i]; s.key == key {
				return s
			}
		}
	}
}

// getBytes is get for a key held in a byte slice.
func (t *nameTable) getBytes(key []byte) *nameSlot {
	h := maphash.Bytes(t.seed, key)
	tag := tagOf(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.tags[i] {
		case 0:
			return nil
		case tag:
			if s := &t.slots[i]; s.key == string(key) {
				return s
			}
		}
	}
}

// name returns the classes of key as a name, and whether it is one.
func (t *nameTable) name(key string) (Class, bool) {
	if s := t.get(key); s != nil && s.flags&hasName != 0 {
		return s.names, true
	}
	return 0, false
}

// nameBytes is name for a key held in a byte slice.
func (t *nameTable) nameBytes(key []byte) (Class, bool) {
	if s := t.getBytes(key); s != nil && s.flags&hasName != 0 {
		return s.names, true
	}
	return 0, false
}

// abbrev returns the classes of key as an abbreviation in capitals, and
// whether it is one.
func (t *nameTable) abbrev(key string) (Class, bool) {
	if s := t.get(key); s != nil && s.flags&hasCaps != 0 {
		return s.caps, true
	}
	return 0, false
}
