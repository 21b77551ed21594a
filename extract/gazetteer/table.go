package gazetteer

import "hash/maphash"

// nameTable is the gazetteer's index: an open-addressing hash table with
// linear probing from keys (see Normalize) to what the gazetteer knows of
// them. One probe answers what took three map lookups: the classes of the
// key as a name, as a capitals-only abbreviation, and the longest name
// that starts with it. It is built once and then only read.
//
// Probing reads tags, four bytes a slot (an eighth of a slot's size), and
// a slot itself only when its tag is the key's: most look-ups are of
// words and phrases the table does not hold, and they touch a small array
// that stays in the processor's cache.
type nameTable struct {
	tags  []uint32 // 0: an empty slot; else the top half of the key's hash, bit 0 set
	slots []nameSlot
	mask  uint64
	seed  maphash.Seed
}

// tagOf is the tag of a key of hash h.
func tagOf(h uint64) uint32 { return uint32(h>>32) | 1 }

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

// newNameTable builds the table of the entries of names, caps, first and
// lens (see nameSlot).
func newNameTable(names, caps map[string]Class, first map[string]uint8, lens map[string]uint32) *nameTable {
	keys := make(map[string]struct{}, len(names)+len(caps)+len(first))
	for k := range names {
		keys[k] = struct{}{}
	}
	for k := range caps {
		keys[k] = struct{}{}
	}
	for k := range first {
		keys[k] = struct{}{}
	}
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	t := &nameTable{tags: make([]uint32, size), slots: make([]nameSlot, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
	for k := range keys {
		h := maphash.String(t.seed, k)
		s := nameSlot{key: k, first: first[k], lens: lens[k]}
		if c, ok := names[k]; ok {
			s.names, s.flags = c, s.flags|hasName
		}
		if c, ok := caps[k]; ok {
			s.caps, s.flags = c, s.flags|hasCaps
		}
		i := h & t.mask
		for t.tags[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
		if s.flags != 0 || s.first != 0 {
			// A slot that knows nothing stays empty (and may be
			// taken by a later key).
			t.tags[i] = tagOf(h)
		}
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
