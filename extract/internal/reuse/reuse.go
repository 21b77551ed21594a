// Package reuse keeps values, such as a tagger's buffers and word caches,
// for reuse by later calls.
//
// Unlike sync.Pool, a Stack never drops what it holds: a garbage
// collection does not empty it, and a value put back on one processor is
// found from any other. A tagger's word cache is worth keeping (it took
// a document's words to fill), so losing it at every collection, or
// whenever a goroutine moves to another processor, means filling it
// again. A Stack holds at most as many values as were ever in use at
// once.
package reuse

import "sync"

// Stack is a set of values for reuse. Its zero value is empty and ready;
// it is safe for concurrent use.
type Stack[T any] struct {
	mu   sync.Mutex
	free []*T
}

// Get returns a value put back before, or a new zero value.
func (s *Stack[T]) Get() *T {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := len(s.free); n > 0 {
		x := s.free[n-1]
		s.free[n-1] = nil
		s.free = s.free[:n-1]
		return x
	}
	return new(T)
}

// Put keeps x for a later Get. x must not be used after.
func (s *Stack[T]) Put(x *T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.free = append(s.free, x)
}
