//go:build !race

package postag

// raceEnabled reports whether the tests run under the race detector, which
// makes sync.Pool drop items at random.
const raceEnabled = false
