package reuse

import (
	"runtime"
	"sync"
	"testing"
)

func TestStack(t *testing.T) {
	var s Stack[int]
	a := s.Get()
	if a == nil || *a != 0 {
		t.Fatalf("Get on an empty stack: %v", a)
	}
	*a = 7
	s.Put(a)
	runtime.GC()
	runtime.GC() // a sync.Pool would have dropped it by now
	if b := s.Get(); b != a {
		t.Fatalf("Get returned %p, want the value put back, %p", b, a)
	}
	if c := s.Get(); c == a {
		t.Fatal("Get returned a value still in use")
	}
}

func TestStackConcurrent(t *testing.T) {
	var s Stack[[4]int]
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				x := s.Get()
				x[0]++
				s.Put(x)
			}
		}()
	}
	wg.Wait()
	total := 0
	for len(s.free) > 0 {
		total += s.Get()[0]
	}
	if total != 8000 {
		t.Fatalf("the values were used %d times, want 8000", total)
	}
}
